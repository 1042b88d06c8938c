import Foundation
import GRDB
import Testing
@testable import LaporCore

@Suite struct FilterTests {
    @Test func parsesJuxtapositionOrNotAndParentheses() throws {
        #expect(try FilterParser.parse("~c kebersihan ~o !~A") == .all([.category("kebersihan"), .overdue, .not(.anonymous)]))
        #expect(try FilterParser.parse("banjir | longsor") == .any([.text(["banjir"]), .text(["longsor"])]))
        #expect(try FilterParser.parse("(~s new | ~s on_hold) ~a DLH") == .all([.any([.state(.new), .state(.onHold)]), .agency("DLH")]))
        #expect(try FilterParser.parse("jalan rusak") == .text(["jalan", "rusak"]))
        #expect(try FilterParser.parse("~b \"air keruh\"") == .text(["air keruh"]))
        #expect(try FilterParser.parse("~d 2024-03") == .submitted(.days(from: Trend.Day("2024-03-01"), to: Trend.Day("2024-03-31"))))
        #expect(try FilterParser.parse("~d <7d") == .submitted(.newerThan(days: 7)))
        #expect(try FilterParser.parse("   ") == nil)
    }

    @Test(arguments: [
        ("~d 2024-13-01..", 4, "no month 13"),
        ("(~s new", 8, "')' is missing"),
        ("~s bogus", 4, "unknown state"),
        ("~x foo", 1, "unknown term"),
        ("~s", 3, "needs a value"),
        ("~w abc", 4, "number of working days"),
        ("a | | b", 5, "missing"),
        ("~a DLH )", 8, "without a matching"),
        ("~d 2024-02-30", 4, "not a day"),
        ("~h merpati", 4, "unknown channel"),
        // Fuzzer regression: thousands of '(' overflowed the stack; now refused at level 65.
        (String(repeating: "(", count: 3_000) + "x", 65, "nested deeper than 64"),
        (String(repeating: "!", count: 3_000) + "x", 65, "nested deeper than 64"),
        (String(repeating: "x ", count: 2_001), 4_001, "longer than 4000"),
    ])
    func errorsNameTheColumn(_ input: String, _ column: Int, _ fragment: String) {
        do {
            _ = try FilterParser.parse(input)
            Issue.record("\(input) parsed")
        } catch {
            #expect(error.column == column, "\(input): \(error.message)")
            #expect(error.message.contains(fragment), "\(input): \(error.message)")
        }
    }

    @Test func nestingUpToTheLimitStillParses() throws {
        let deep = String(repeating: "(", count: 64) + "~o" + String(repeating: ")", count: 64)
        #expect(try FilterParser.parse(deep) == .overdue)
        #expect(try FilterParser.parse(String(repeating: "!", count: 64) + "~o") != nil)
    }

    @Test func quotesAndSQLAreJustText() throws {
        #expect(try FilterParser.parse("'; DROP TABLE reports; --") == .text(["';", "DROP", "TABLE", "reports;", "--"]))
        #expect(FilterCompiler.tokens(["';", "DROP", "--", "\"x\""]) == ["DROP", "x"])
        #expect(try FilterParser.parse("\"unclosed") == .text(["\"unclosed"]))
    }

    /// The filter's result equals a hand-written SQL query over the same demo desk.
    @Test func resultsEqualHandWrittenSQL() throws {
        let f = try Fixture(.sqlite, demo: DemoGenerator(seed: 2, days: 60, end: Fixture.now))
        let compiler = FilterCompiler(now: Fixture.now, zone: .jakarta, calendar: try f.store.clockEngine().deskCalendar)
        func ids(_ filter: String) throws -> Set<Int64> {
            Set(try f.store.reports(ReportQuery(condition: try compiler.compile(filter)), for: f.boss).map(\.id))
        }
        func sql(_ query: String, _ arguments: StatementArguments = []) throws -> Set<Int64> {
            Set(try f.sqlite.writer.read { db in try Int64.fetchAll(db, sql: query, arguments: arguments) })
        }
        let now = Int64(Fixture.now.timeIntervalSince1970)
        let a = try ids("~c kebersihan ~o !~A")
        #expect(!a.isEmpty)
        #expect(a == (try sql("SELECT id FROM report WHERE lower(category) LIKE '%kebersihan%' AND due_at < ? AND anonymous = 0", [now])))
        let b = try ids("banjir | longsor")
        let words = try f.sqlite.writer.read { db in try Row.fetchAll(db, sql: "SELECT id, title || ' ' || body FROM report") }
            .filter { row in
                let tokens = (row[1] as String).lowercased().split { !$0.isLetter }
                return tokens.contains { $0.hasPrefix("banjir") || $0.hasPrefix("longsor") }
            }.map { $0[0] as Int64 }
        #expect(!b.isEmpty && b == Set(words))
        #expect(try ids("~s new ~a PUPR") == (try sql("SELECT r.id FROM report r JOIN agency a ON a.id = r.agency_id WHERE r.state = 'new' AND a.code = 'PUPR'")))
        #expect(try ids("!~s resolved !~s archived") == (try sql("SELECT id FROM report WHERE state NOT IN ('resolved', 'archived')")))
        #expect(try ids("~h whatsapp ~R") == (try sql("SELECT id FROM report WHERE channel = 'whatsapp' AND confidential = 1")))
        let day = Int64(DeskZone.jakarta.date(year: 2026, month: 11, day: 1)!.timeIntervalSince1970)
        #expect(try ids("~d 2026-11") == (try sql("SELECT id FROM report WHERE submitted_at >= ? AND submitted_at < ?", [day, day + 30 * 86_400])))
        #expect(try ids("'; DROP TABLE report; --").isEmpty)
        #expect(try f.store.countReports(nil, for: f.boss) > 0)
    }

    @Test func anExactAgencyCodeMeansThatAgencyOtherTextMatchesContaining() throws {
        let f = try Fixture()
        try f.store.addAgency(Agency(code: "DP", name: "Dinas Pertanian"), by: f.boss, at: Fixture.now)
        try f.store.addAgency(Agency(code: "DPUPR2", name: "Dinas PU Cabang"), by: f.boss, at: Fixture.now)
        for (tid, agency) in [("A1", "DP"), ("A2", "DPUPR2"), ("A3", "DLH")] {
            try f.report(tid)
            _ = try f.store.verify(tid, by: f.op, at: Fixture.now)
            _ = try f.store.route(tid, to: agency, by: f.op, at: Fixture.now)
        }
        let compiler = FilterCompiler(now: Fixture.now, zone: .jakarta, calendar: WorkingCalendar(name: "national"))
        func ids(_ filter: String) throws -> [String] {
            try f.store.reports(ReportQuery(condition: compiler.compile(filter)), for: f.boss).map(\.trackingID).sorted()
        }
        #expect(try ids("~a DP") == ["A1"])
        #expect(try ids("~a dp") == ["A1"])
        #expect(try ids("~a DPU") == ["A2"])
        #expect(try ids("~a pertanian") == ["A1"])
        #expect(try ids("~a dinas") == ["A1", "A2", "A3"])
    }

    @Test func accentAndCaseInsensitiveSearch() throws {
        let f = try Fixture()
        try f.store.receive(Report(trackingID: "A1", submittedAt: Fixture.now, title: "Kafé ramai", body: "Musik KERAS"), by: f.op, at: Fixture.now)
        let compiler = FilterCompiler(now: Fixture.now, zone: .jakarta, calendar: WorkingCalendar(name: "national"))
        for filter in ["kafe", "KAFÉ", "keras", "mus"] {
            #expect(try f.store.reports(ReportQuery(condition: compiler.compile(filter)), for: f.boss).map(\.trackingID) == ["A1"], "\(filter)")
        }
    }
}
