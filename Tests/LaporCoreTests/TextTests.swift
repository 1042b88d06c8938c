import Foundation
import Testing
@testable import LaporCore

/// Untrusted text is neutralised, and layout is measured in display cells.
@Suite struct TextTests {
    @Test func everyC0C1AndEscapeBecomesVisible() {
        let hostile = "A\u{1B}[2J\u{1B}]0;pwned\u{07}B\u{9B}31mC\u{7F}D\u{0}E\u{202E}F"
        let clean = Sanitizer.line(hostile)
        #expect(clean == "A␛[2J␛]0;pwned␇B\u{FFFD}31mC␡D␀E\u{FFFD}F")
        for scalar in clean.unicodeScalars { #expect(!Sanitizer.isUnsafe(scalar.value), "U+\(String(scalar.value, radix: 16))") }
    }

    @Test func everyControlScalarIsReplaced() {
        for v in Array(0x00..<0x20) + Array(0x7F...0x9F) {
            let text = "x" + String(Unicode.Scalar(UInt32(v))!) + "y"
            #expect(!Sanitizer.needsCleaning(Sanitizer.line(text)), "U+\(String(v, radix: 16))")
        }
    }

    @Test func blockKeepsLineBreaksOnly() {
        #expect(Sanitizer.block("a\r\nb\rc\td\u{1B}") == "a\nb\nc d␛")
        #expect(Sanitizer.line("a\nb\tc") == "a␊b␉c")
        #expect(Sanitizer.line("Jalan rusak 😡 道路") == "Jalan rusak 😡 道路")
    }

    /// Found by fuzzing: CR then a combining mark became one grapheme "\n\u{650}", hiding the break.
    @Test func aCombiningMarkAfterALineBreakGetsItsOwnBase() throws {
        let input = String(decoding: try #require(Data(base64Encoded: "VA3ZkJBUbEBAQEBTdHNAb3Vpbm5vbG8N")), as: UTF8.self)
        let block = Sanitizer.block(input)
        #expect(block.split(separator: "\n", omittingEmptySubsequences: false).count == block.unicodeScalars.filter { $0 == "\n" }.count + 1)
        #expect(Sanitizer.block("a\n\u{301}b") == "a\n\u{25CC}\u{301}b")
    }

    @Test func widthsOfWideCombiningAndEmoji() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("道路") == 4)
        #expect(DisplayWidth.of("😡🙏") == 4)
        #expect(DisplayWidth.of("Cafe\u{301}") == 4)
        #expect(DisplayWidth.of("❤️") == 2)
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.truncate("道路有坑", to: 5) == "道路…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("道路有坑", to: 5)) == 5)
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
        #expect(DisplayWidth.pad("道", to: 4) == "道  ")
    }

    /// ASCII text is measured and cut by its bytes; the answers must be the grapheme walk's.
    @Test func asciiTextMeasuresAndCutsAsItsClustersDo() {
        var rng = SeededRandom(seed: 16)
        let pieces = ["a", "Z", " ", "~", "\r\n", "\n", "\t", "\u{7F}", "\u{1B}", "0"]
        for _ in 0..<500 {
            let text = (0..<Int(rng.next() % 24)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text.debugDescription)")
            for width in 0...12 {
                var clusters = ""
                var used = 0
                if width == 0 {
                    clusters = ""
                } else if text.reduce(0, { $0 + DisplayWidth.of($1) }) <= width {
                    clusters = text
                } else {
                    for character in text {
                        let w = DisplayWidth.of(character)
                        if used + w > width - 1 { break }
                        clusters.append(character)
                        used += w
                    }
                    clusters += "…"
                }
                #expect(DisplayWidth.truncate(text, to: width) == clusters, "\(text.debugDescription) to \(width)")
            }
        }
    }

    @Test func wrapRespectsWidth() {
        let lines = DisplayWidth.wrap("Sampah di TPS tidak diangkut sudah lima hari 道路有坑请尽快修理", width: 12)
        for line in lines { #expect(DisplayWidth.of(line) <= 12, "\(line)") }
        #expect(lines.first == "Sampah di")
    }
}
