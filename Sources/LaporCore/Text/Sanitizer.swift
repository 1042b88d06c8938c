import Foundation

/// Makes untrusted citizen text safe to put on a terminal or in a table.
///
/// Every C0 control, DEL and C1 control becomes a visible placeholder (the Unicode control
/// pictures, `␛` for ESC), and bidirectional overrides become `�`, so a report body can never
/// move the cursor, retitle the window, recolour the screen or reorder what an operator reads.
public enum Sanitizer {
    /// Sanitises for a single line: newlines and tabs become placeholders too (`␊`, `␉`).
    public static func line(_ text: String) -> String { clean(text, keepNewlines: false) }

    /// Sanitises for wrapped, multi-line display: `\n` survives, `\r\n` becomes `\n`, tabs become a space.
    public static func block(_ text: String) -> String { clean(text, keepNewlines: true) }

    /// Text as it may be stored: NUL becomes U+FFFD, because SQLite's and C's string APIs stop at it,
    /// so a stored NUL would silently cut the rest of a citizen's report.
    public static func storable(_ text: String) -> String {
        // memchr over native storage: this runs on every field of every imported row.
        let hasNUL = text.utf8.withContiguousStorageIfAvailable { buffer in buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false }
            ?? text.utf8.contains(0)
        return hasNUL ? text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : text
    }

    /// Whether the text holds anything `line` would replace (fast path for clean text).
    public static func needsCleaning(_ text: String) -> Bool {
        text.unicodeScalars.contains { isUnsafe($0.value) }
    }

    static func isUnsafe(_ v: UInt32) -> Bool {
        v < 0x20 || (v >= 0x7F && v <= 0x9F) || isBidiControl(v)
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    private static func clean(_ text: String, keepNewlines: Bool) -> String {
        guard needsCleaning(text) else { return text }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            defer { previousWasCR = (v == 0x0D) }
            // A combining mark right after a line break would fuse with it into one grapheme, so
            // line splitting would miss the break: give the mark the dotted circle as its base.
            if out.last == "\n" && isMark(scalar) { out.append("\u{25CC}") }
            if keepNewlines {
                if v == 0x0A { if !previousWasCR { out.append(scalar) }; continue }
                if v == 0x0D { out.append("\n"); continue }
                if v == 0x09 { out.append(" "); continue }
            }
            if v < 0x20 {
                out.append(Unicode.Scalar(0x2400 + v)!)
            } else if v == 0x7F {
                out.append("\u{2421}")
            } else if isUnsafe(v) {
                out.append("\u{FFFD}")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
