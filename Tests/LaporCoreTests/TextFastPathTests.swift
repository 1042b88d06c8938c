import Foundation
import Testing
@testable import LaporCore

/// The byte-level paths for ASCII text (words, stems, place tokens) give exactly what the general
/// Unicode paths give: checked against those paths, kept here as the reference, on every demo text,
/// the routing corpus with its typos, the incident bursts and some edge cases.
@Suite struct TextFastPathTests {
    static func referenceWords(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        func flush() {
            defer { current = "" }
            guard current.count >= 2 else { return }
            let word = RoutingText.expansions[current] ?? current
            guard !RoutingText.stopwords.contains(word), word.count >= 3 else { return }
            out.append(RoutingText.unicodeStem(word))
        }
        let lower = text.lowercased()
        let plain = lower.utf8.allSatisfy { $0 < 128 } ? lower : lower.folding(options: .diacriticInsensitive, locale: nil)
        for ch in plain {
            if ch.isLetter { current.append(ch) } else { flush() }
        }
        flush()
        return out
    }

    static func texts() -> [String] {
        var out = ["", "a", "0812-3456 7890", "Rudi@Mail.COM", "Kel. Pajang", "KEC-BANJARSARI", "Jl. Dr. Radjiman RT03/RW02 depan SDN 5", "banjir\r\nsetinggi 50cm!!", "tdk ada air, PDAM mati 3 hari",
                   "Café résumé naïve — jalan Pakel", "x\u{1b}[2Jy", "berlubangnya", "menggenang", "pembangunan"]
        var demo = DemoGenerator(seed: 5, days: 40, end: DeskZone.jakarta.date(year: 2026, month: 11, day: 23, hour: 9)!)
        for day in 0..<40 { for item in demo.reports(day: day) { out += [item.report.title, item.report.body, item.report.address] } }
        var rng = SeededRandom(seed: 9)
        let corpus = RoutingCorpus()
        for _ in 0..<2000 { let s = corpus.sample(&rng); out += [s.title, s.body] }
        let bursts = IncidentBurstGenerator(seed: 3, incidents: 30, start: Date(timeIntervalSince1970: 1_700_000_000)).items()
        for item in bursts { out += [item.report.title, item.report.body, item.report.address] }
        return out
    }

    static func referenceRuns(_ text: String) -> [String] {
        let raw = text.utf8.allSatisfy({ $0 < 128 }) ? text : text.folding(options: .diacriticInsensitive, locale: nil)
        var original: [String] = []
        var current = ""
        for ch in raw {
            if ch.isLetter || ch.isNumber { current.append(ch) } else if !current.isEmpty { original.append(current); current = "" }
        }
        if !current.isEmpty { original.append(current) }
        return original
    }

    @Test func asciiPathsEqualTheUnicodePaths() {
        var checked = 0
        for text in Self.texts() {
            #expect(RoutingText.words(text) == Self.referenceWords(text), "\(text)")
            #expect(IncidentSignature.letterRuns(text) == Self.referenceRuns(text), "\(text)")
            #expect(Agency.fold(text) == String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }
                .map(Character.init)), "\(text)")
            #expect(IncidentSignature.contactKey(text) == text.filter { $0.isNumber || $0.isLetter || $0 == "@" }.lowercased())
            checked += 1
        }
        #expect(checked > 5000)
        for word in ["berlubangnya", "menggenangkan", "ditindaklanjuti", "perbaikan", "pembangunan", "air", "dikelola"] {
            #expect(RoutingText.stem(word) == RoutingText.unicodeStem(word))
        }
    }
}
