/// UTF-8 first; bytes that are not valid UTF-8 are read as Windows-1252 (what Excel on Windows writes).
public enum TextDecoding {
    public static func decode(_ bytes: ArraySlice<UInt8>, fellBack: inout Bool) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        fellBack = true
        return windows1252(bytes)
    }

    public static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            if b >= 0x80 && b < 0xA0, let mapped = high[Int(b - 0x80)] { scalars.append(mapped) }
            else { scalars.append(Unicode.Scalar(b)) }
        }
        return String(scalars)
    }

    /// 0x80–0x9F of Windows-1252; nil where the code page leaves a hole (kept as the C1 control).
    private static let high: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}
