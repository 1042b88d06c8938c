/// Terminal display width of text, independent of the C locale (whose `wcwidth` varies).
///
/// East Asian wide and fullwidth characters and emoji take two cells; combining marks,
/// variation selectors and zero-width joiners take none. Measured per grapheme cluster,
/// so an emoji sequence counts once.
public enum DisplayWidth {
    /// Cells needed for the whole string.
    public static func of(_ text: String) -> Int {
        if let ascii = asciiWidth(text) { return ascii }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The width of all-ASCII text from its bytes (one cell each, none for control characters),
    /// nil when any byte is not ASCII. Most of a queue's text is ASCII, and walking it by grapheme
    /// clusters was the larger part of drawing a frame.
    static func asciiWidth(_ text: String) -> Int? {
        var total = 0
        for byte in text.utf8 {
            if byte >= 0x80 { return nil }
            if byte >= 0x20 && byte != 0x7F { total += 1 }
        }
        return total
    }

    /// Cells for one grapheme cluster (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if character.isASCII { return first.value < 0x20 || first.value == 0x7F ? 0 : 1 }
        // An emoji presentation selector or a ZWJ sequence makes the cluster wide.
        if scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        return scalarWidth(first.value)
    }

    /// Width of a single scalar outside a cluster context.
    public static func scalarWidth(_ v: UInt32) -> Int {
        if v == 0 { return 0 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if isZeroWidth(v) { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    static func isZeroWidth(_ v: UInt32) -> Bool {
        (0x0300...0x036F).contains(v) || (0x1AB0...0x1AFF).contains(v) || (0x1DC0...0x1DFF).contains(v)
            || (0x20D0...0x20FF).contains(v) || (0xFE20...0xFE2F).contains(v) || (0xFE00...0xFE0F).contains(v)
            || v == 0x200B || v == 0x200C || v == 0x200D || v == 0x2060 || v == 0xFEFF
            || (0xE0100...0xE01EF).contains(v)
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F,
             0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `text` that fits in `width` cells, with `…` when cut; never splits a wide character.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        if asciiWidth(text) != nil {
            // Byte by byte, as the loop below goes cluster by cluster ("\r\n" is two zero-width bytes).
            var used = 0
            var end = text.utf8.startIndex
            for index in text.utf8.indices {
                let byte = text.utf8[index]
                let w = byte >= 0x20 && byte != 0x7F ? 1 : 0
                if used + w > width - 1 { break }
                used += w
                end = text.utf8.index(after: index)
            }
            return String(text[..<end]) + "…"
        }
        var out = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// `text` truncated or right-padded with spaces to exactly `width` cells.
    public static func pad(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        let missing = width - of(cut)
        return missing > 0 ? cut + String(repeating: " ", count: missing) : cut
    }

    /// Splits text into lines of at most `width` cells, breaking at spaces where possible.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let w = of(String(word))
                let sep = line.isEmpty ? 0 : 1
                if used + sep + w <= width {
                    if sep == 1 { line += " " }
                    line += word; used += sep + w
                    continue
                }
                if !line.isEmpty { lines.append(line); line = ""; used = 0 }
                var chunk = ""
                var chunkWidth = 0
                for character in word {
                    let cw = of(character)
                    if chunkWidth + cw > width { lines.append(chunk); chunk = ""; chunkWidth = 0 }
                    chunk.append(character); chunkWidth += cw
                }
                line = chunk; used = chunkWidth
            }
            lines.append(line)
        }
        return lines
    }
}
