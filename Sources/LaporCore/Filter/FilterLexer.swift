/// Splits a filter into tokens with their columns. Only double quotes group words; a single
/// quote, or a double quote never closed, is ordinary text, so pasted SQL stays words.
struct FilterLexer {
    enum Kind: Equatable { case term(Character), word(String), or, not, open, close }
    struct Token: Equatable { let kind: Kind; let column: Int }

    static func tokens(_ text: String) -> [Token] {
        let chars = Array(text)
        var out: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let column = i + 1
            if c.isWhitespace { i += 1; continue }
            switch c {
            case "|": out.append(Token(kind: .or, column: column)); i += 1
            case "!": out.append(Token(kind: .not, column: column)); i += 1
            case "(": out.append(Token(kind: .open, column: column)); i += 1
            case ")": out.append(Token(kind: .close, column: column)); i += 1
            case "~" where i + 1 < chars.count && chars[i + 1].isLetter:
                out.append(Token(kind: .term(chars[i + 1]), column: column)); i += 2
            case "\"":
                if let end = chars[(i + 1)...].firstIndex(of: "\"") {
                    out.append(Token(kind: .word(String(chars[(i + 1)..<end])), column: column)); i = end + 1
                } else {
                    fallthrough
                }
            default:
                var j = i
                while j < chars.count && !chars[j].isWhitespace && !"|()".contains(chars[j]) { j += 1 }
                if j == i { j += 1 }
                out.append(Token(kind: .word(String(chars[i..<j])), column: column)); i = j
            }
        }
        return out
    }
}
