import Foundation
import Testing
@testable import LaporDesk
import LaporCore
import LaporTestSupport

/// Whole screens as text at fixed sizes, with time, seed and data pinned. Golden files live in
/// Golden/; `LAPOR_RECORD=1 swift test` re-records them.
@Suite struct ScreenTests {
    static let now = DeskZone.jakarta.date(year: 2026, month: 11, day: 23, hour: 9)!

    /// A demo desk of 30 days plus three reports with hostile, wide and emoji text, oldest of all.
    static func desk(width: Int, height: Int, language: Language = .id, keys: String = "") throws -> HeadlessDesk {
        let (store, _, _) = try TestDesk.demo("screen", DemoGenerator(seed: 1, days: 30, end: now), login: "kabid", at: now)
        let op = try store.user(login: "op.sari")
        let old = now.addingTimeInterval(-40 * 86_400)
        try store.receive(Report(trackingID: "H1", submittedAt: old, title: "Layar\u{1B}[2J dibersihkan?",
                                 body: "Isi berbahaya \u{1B}[2J\u{1B}]0;DIRETAS\u{07} selesai", category: "Kebersihan"), by: op, at: old)
        try store.receive(Report(trackingID: "W1", submittedAt: old.addingTimeInterval(60), title: "道路有坑 jalan rusak 😡🙏",
                                 body: "Jalan rusak", category: "Infrastruktur"), by: op, at: old)
        try store.receive(Report(trackingID: "W2", submittedAt: old.addingTimeInterval(120), title: "Café e\u{301}mbun pagi",
                                 body: "Bising", category: "道路 Ketertiban Umum"), by: op, at: old)
        let runtime = try DeskRuntime(store: store, user: op, language: language, clock: { now })
        var desk = HeadlessDesk(runtime: runtime, width: width, height: height)
        desk.press(try Key.script(keys))
        return desk
    }

    static func golden(_ name: String, _ screen: ScreenBuffer) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name).txt")
        let text = screen.text + "\n"
        if ProcessInfo.processInfo.environment["LAPOR_RECORD"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "screen \(name) differs; re-record with LAPOR_RECORD=1 if the change is intended:\n\(text)")
    }

    @Test func queueAt80x24() throws {
        try Self.golden("queue-80x24-id", try Self.desk(width: 80, height: 24).screen)
    }

    @Test func queueAt120x40() throws {
        try Self.golden("queue-120x40-en", try Self.desk(width: 120, height: 40, language: .en).screen)
    }

    @Test func helpAndDetail() throws {
        try Self.golden("help-80x24-id", try Self.desk(width: 80, height: 24, keys: "?").screen)
        try Self.golden("detail-80x24-en", try Self.desk(width: 80, height: 24, language: .en, keys: "<Enter>").screen)
    }

    @Test func aNewLimitDrawsBeforeItsExactCountWhichFollows() throws {
        let (store, _, place) = try TestDesk.demo("limit", DemoGenerator(seed: 1, days: 30, end: Self.now), login: "kabid",
                                                  at: Self.now)
        defer { TestDesk.remove(place) }
        let op = try store.user(login: "op.sari")
        let runtime = try DeskRuntime(store: store, user: op, language: .en, clock: { Self.now })
        runtime.quickCountCap = 5
        var desk = HeadlessDesk(runtime: runtime, width: 120, height: 40)
        desk.press(try Key.script("l<C-u>~s resolved<Enter>"))
        let exact = try store.countReports(FilterCompiler(now: Self.now, zone: store.zone, calendar: WorkingCalendar(name: "national"))
            .compile("~s resolved"), for: op, cap: 50_000).0
        #expect(exact > 5)
        // The count came after the frame (one exact count for the one new limit) and replaced the quick "5+".
        #expect(desk.countLatencies.count == 1)
        #expect(desk.model.total == exact && !desk.model.totalIsCapped && !desk.model.overdueIsPending)
        let status = desk.screen.text.split(separator: "\n")[38]
        #expect(status.contains("1/\(NumberText.integer(exact, .en)) "), "\(status)")
        #expect(!status.contains("+"), "\(status)")
        // Scrolling reuses the counts instead of counting again.
        desk.press(try Key.script("<PgDn><PgDn><PgDn>"))
        #expect(desk.countLatencies.count == 1 && desk.model.total == exact)
    }

    @Test func tooSmallExplainsTheSize() throws {
        let text = try Self.desk(width: 60, height: 20).screen.text
        #expect(text.contains("Terminal terlalu kecil: 60×20"))
        #expect(text.contains("minimal 80×24"))
    }

    @Test func escapeSequencesRenderAsVisibleText() throws {
        for keys in ["", "<Enter>"] {
            let screen = try Self.desk(width: 80, height: 24, keys: keys).screen
            for cell in screen.cells {
                #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            }
            #expect(screen.text.contains("␛[2J"))
        }
        let detail = try Self.desk(width: 80, height: 24, keys: "<Enter>").screen.text
        #expect(detail.contains("␛]0;DIRETAS␇"))
    }

    /// Every list row fills exactly the screen width and the columns start at the same cell.
    @Test(arguments: [(80, 24), (120, 40)])
    func wideTextKeepsColumnsAligned(_ size: (Int, Int)) throws {
        let screen = try Self.desk(width: size.0, height: size.1).screen
        let columns = QueueRender.columns(size.0)
        let stateColumn = 2 + columns.tracking + 1 + columns.age + 1 + 2
        let categoryColumn = stateColumn + columns.state + 1
        var rows = 0
        for y in 2..<(size.1 - 2) {
            let line = screen.line(y)
            guard line.hasPrefix(">") || line.hasPrefix(" ") else { continue }
            #expect(DisplayWidth.of(line) == size.0, "row \(y) is \(DisplayWidth.of(line)) cells: \(line)")
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            rows += 1
            #expect(screen[stateColumn, y].text != "" && screen[stateColumn - 1, y].text == " ", "state column of row \(y): \(line)")
            #expect(screen[categoryColumn - 1, y].text == " ", "category column of row \(y): \(line)")
        }
        #expect(rows >= 10)
        #expect(screen.text.contains("道路"))
        if size.0 >= 120 { #expect(screen.text.contains("😡🙏")) }
    }

    @Test func routeInTwoKeysAndTaggedRoutingInFive() throws {
        var desk = try Self.desk(width: 80, height: 24, keys: "r<Enter>")
        #expect(desk.screen.text.contains("✓ route → "))
        desk = try Self.desk(width: 80, height: 24, keys: "T~c kebersihan<Enter>")
        let tagged = desk.model.tagged.count
        #expect(tagged >= 2)
        desk.press(try Key.script(";r<Enter>"))
        #expect(desk.screen.text.contains("✓ route → DLH: \(tagged) laporan"), "\(desk.screen.text)")
        #expect(desk.latencies.count == 15 + 3) // the pattern's keys, then ; r Enter
    }

    /// An anonim reporter's name and contact never reach the desk's screen, not even in the detail.
    @Test func anonymousIdentityIsMaskedInTheDesk() throws {
        let (store, boss, place) = try TestDesk.initialized("masked", login: "kabid", at: Self.now)
        defer { TestDesk.remove(place) }
        let old = Self.now.addingTimeInterval(-50 * 86_400)
        try store.receive(Report(trackingID: "A1", submittedAt: old, title: "Pungli", body: "Isi", reporterName: "Siti Rahasia",
                                 reporterContact: "0812999777", anonymous: true), by: boss, at: old)
        try store.receive(Report(trackingID: "C1", submittedAt: old.addingTimeInterval(60), title: "Rahasia", body: "Isi",
                                 reporterName: "Budi Tersembunyi", reporterContact: "0813111222", confidential: true), by: boss, at: old)
        let runtime = try DeskRuntime(store: store, user: boss, language: .id, clock: { Self.now })
        for keys in ["", "<Enter>", "<Esc>j<Enter>"] {
            var desk = HeadlessDesk(runtime: runtime, width: 120, height: 40)
            desk.press(try Key.script(keys))
            let text = desk.screen.text
            for secret in ["Siti Rahasia", "0812999777", "Budi Tersembunyi", "0813111222"] { #expect(!text.contains(secret), "\(keys): \(secret)") }
            if keys.contains("<Enter>") { #expect(text.contains("(identitas dirahasiakan)")) }
        }
    }

    @Test func numbersFollowTheLanguage() {
        #expect(NumberText.integer(100593, .id) == "100.593")
        #expect(NumberText.integer(100593, .en) == "100,593")
        #expect(NumberText.decimal(30.44, .id) == "30,4")
        #expect(NumberText.percent(-87.84, .id) == "−87,8 %")
        #expect(NumberText.date(Self.now, .jakarta, .id) == "23 Nov 2026")
        #expect(NumberText.date(DeskZone.jakarta.date(year: 2023, month: 5, day: 9)!, .jakarta, .id) == "9 Mei 2023")
    }
}
