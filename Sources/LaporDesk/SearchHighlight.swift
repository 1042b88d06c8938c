import Foundation
import LaporCore

/// The words of the current search, found again in what the desk draws so the match stands out:
/// bare words and `~b` words of the filter, matched the way full-text search does (a word that
/// starts with the search word, case and accents ignored).
enum SearchHighlight {
    /// Search words of a filter: not `~` terms or their values, operators or quotes.
    static func words(_ filter: String) -> [String] {
        var out: [String] = []
        var skipValue = false
        for raw in filter.split(separator: " ") {
            let token = String(raw).trimmingCharacters(in: CharacterSet(charactersIn: "()!|\"'"))
            if token.isEmpty { continue }
            if token.hasPrefix("~") {
                skipValue = token != "~b" && !["~o", "~A", "~R", "~t"].contains(token)
                continue
            }
            if skipValue { skipValue = false; continue }
            if token.count >= 2 { out.append(fold(token)) }
        }
        return out
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Each word of `text` that a search word begins, as (display column, the word as shown).
    static func matches(in text: String, words: [String]) -> [(column: Int, text: String)] {
        guard !words.isEmpty else { return [] }
        var out: [(Int, String)] = []
        var column = 0
        var current = ""
        var start = 0
        func flush() {
            if !current.isEmpty, words.contains(where: { fold(current).hasPrefix($0) }) { out.append((start, current)) }
            current = ""
        }
        for ch in text {
            if ch.isLetter || ch.isNumber {
                if current.isEmpty { start = column }
                current.append(ch)
            } else {
                flush()
            }
            column += DisplayWidth.of(String(ch))
        }
        flush()
        return out
    }

    /// Redraws the matches of a line already drawn at (x, y) in the match style, within `maxWidth`.
    static func mark(_ text: String, x: Int, y: Int, maxWidth: Int, words: [String], _ s: inout ScreenBuffer) {
        for (column, word) in matches(in: text, words: words) where column < maxWidth {
            s.put(word, x: x + column, y: y, style: .match, maxWidth: maxWidth - column)
        }
    }
}
