import Foundation
import Testing
import LaporTestSupport
@testable import LaporCLI
@testable import LaporCore

/// `lapor sla --now … --json` agrees with deadlines computed by hand (domain.md's convention).
@Suite(.serialized) struct SLACommandTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let zone: String
        let submitted: String
        let limit: String
        /// Extra national holiday rows for this desk.
        var holidays: [String] = []
        /// Route at submission to an agency with this calendar and time the follow-up clock instead.
        var agencyCalendar: String? = nil
        let due: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "holiday Wednesday: Monday 16:00 + 3wd", zone: "Asia/Jakarta", submitted: "2026-11-23T16:00:00", limit: "3wd", holidays: ["2026-11-25"], due: "2026-11-27T23:59:59+07:00"),
        Case(name: "Saturday + 3wd", zone: "Asia/Jakarta", submitted: "2026-11-28T10:00:00", limit: "3wd", due: "2026-12-02T23:59:59+07:00"),
        Case(name: "Friday + 1wd", zone: "Asia/Jakarta", submitted: "2026-11-27T09:00:00", limit: "1wd", due: "2026-11-30T23:59:59+07:00"),
        Case(name: "Idul Adha week 2026", zone: "Asia/Jakarta", submitted: "2026-05-25T16:00:00", limit: "3wd", due: "2026-06-02T23:59:59+07:00"),
        Case(name: "Idul Fitri 2026", zone: "Asia/Jakarta", submitted: "2026-03-17T10:00:00", limit: "3wd", due: "2026-03-27T23:59:59+07:00"),
        Case(name: "18 Aug 2025", zone: "Asia/Jakarta", submitted: "2025-08-15T10:00:00", limit: "1wd", due: "2025-08-19T23:59:59+07:00"),
        Case(name: "Christmas 2026", zone: "Asia/Jakarta", submitted: "2026-12-23T10:00:00", limit: "2wd", due: "2026-12-29T23:59:59+07:00"),
        Case(name: "Idul Fitri 2024", zone: "Asia/Jakarta", submitted: "2024-04-05T10:00:00", limit: "1wd", due: "2024-04-16T23:59:59+07:00"),
        Case(name: "60 calendar days", zone: "Asia/Jakarta", submitted: "2026-11-23T16:00:00", limit: "60d", due: "2027-01-22T23:59:59+07:00"),
        Case(name: "48 hours", zone: "Asia/Jakarta", submitted: "2026-11-27T20:00:00", limit: "48h", due: "2026-11-29T20:00:00+07:00"),
        Case(name: "WITA desk", zone: "Asia/Makassar", submitted: "2026-11-23T16:00:00", limit: "3wd", due: "2026-11-26T23:59:59+08:00"),
        Case(name: "WIT desk counts from Friday", zone: "Asia/Jayapura", submitted: "2026-11-26T23:30:00+07:00", limit: "1wd", due: "2026-11-30T23:59:59+09:00"),
        Case(name: "24x7 agency follow-up", zone: "Asia/Jakarta", submitted: "2026-11-27T09:00:00", limit: "5wd", agencyCalendar: "24x7", due: "2026-12-02T23:59:59+07:00"),
        Case(name: "24x7 agency over Christmas", zone: "Asia/Jakarta", submitted: "2026-12-24T09:00:00", limit: "1wd", agencyCalendar: "24x7", due: "2026-12-25T23:59:59+07:00"),
        Case(name: "plain Monday + 3wd", zone: "Asia/Jakarta", submitted: "2026-11-23T16:00:00", limit: "3wd", due: "2026-11-26T23:59:59+07:00"),
        Case(name: "Sunday + 1wd", zone: "Asia/Jakarta", submitted: "2026-11-29T08:00:00", limit: "1wd", due: "2026-11-30T23:59:59+07:00"),
        Case(name: "Idul Fitri 2026, 5wd", zone: "Asia/Jakarta", submitted: "2026-03-17T10:00:00", limit: "5wd", due: "2026-03-31T23:59:59+07:00"),
        Case(name: "New Year 2026", zone: "Asia/Jakarta", submitted: "2025-12-31T10:00:00", limit: "1wd", due: "2026-01-02T23:59:59+07:00"),
        Case(name: "calendar days ignore holidays", zone: "Asia/Jakarta", submitted: "2026-12-31T10:00:00", limit: "1d", due: "2027-01-01T23:59:59+07:00"),
        Case(name: "an extra holiday and a weekend", zone: "Asia/Jakarta", submitted: "2026-11-26T10:00:00", limit: "2wd", holidays: ["2026-11-27"], due: "2026-12-01T23:59:59+07:00"),
        Case(name: "agency follow-up on the national calendar", zone: "Asia/Jakarta", submitted: "2026-12-23T10:00:00", limit: "2wd", agencyCalendar: "national", due: "2026-12-29T23:59:59+07:00"),
    ]

    @Test(arguments: cases)
    func slaDeadlineMatchesHandComputation(_ c: Case) throws {
        let db = TestDesk.location("sla")
        defer { TestDesk.remove(db) }
        let base = ["--db", db, "--as", "kabid"]
        var store = try TestDesk.open(db)
        let boss = try store.initialize(login: "kabid", at: Date())
        #expect(Capture.stdout { LaporCLI.run(base + ["policy", "--zone", c.zone]) }.code == 0)
        store = try TestDesk.open(db)
        let zone = store.zone
        let submitted = try #require(zone.parseISO(c.submitted))
        for day in c.holidays {
            _ = try store.importCalendar([CalendarEntry(date: Trend.Day(day)!, name: "Libur uji", kind: .holiday)], by: boss, at: submitted)
        }
        let clock = c.agencyCalendar == nil ? "verification" : "follow_up"
        #expect(Capture.stdout { LaporCLI.run(base + ["policy", "--set", "\(clock)=\(c.limit)"]) }.code == 0)
        try store.receive(Report(trackingID: "T1", submittedAt: submitted, title: "Uji", body: "Uji"), by: boss, at: submitted)
        if let calendar = c.agencyCalendar {
            try store.addAgency(Agency(code: "PDAM", name: "Perumda Air Minum", calendar: calendar), by: boss, at: submitted)
            _ = try store.route("T1", to: "PDAM", by: boss, at: submitted)
        }
        let (code, out) = Capture.stdout { LaporCLI.run(base + ["sla", "--json", "--now", zone.iso(submitted)]) }
        #expect(code == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let items = try #require(json["items"] as? [[String: Any]])
        let item = try #require(items.first { $0["clock"] as? String == clock })
        #expect(item["deadline"] as? String == c.due)
        #expect(item["tracking_id"] as? String == "T1")
    }

    @Test func aHolidayAddedLaterRecomputesOpenDeadlines() throws {
        let db = TestDesk.location("holiday")
        defer { TestDesk.remove(db) }
        let store = try TestDesk.open(db)
        let boss = try store.initialize(login: "kabid", at: Date())
        let submitted = try #require(store.zone.parseISO("2026-11-23T16:00:00"))
        try store.receive(Report(trackingID: "T1", submittedAt: submitted, title: "Uji", body: "Uji"), by: boss, at: submitted)
        func due() throws -> String? {
            let out = Capture.stdout { LaporCLI.run(["--db", db, "--as", "kabid", "sla", "--json", "--now", "2026-11-23T17:00:00+07:00"]) }.out
            let json = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
            return ((json?["items"] as? [[String: Any]])?.first?["deadline"]) as? String
        }
        #expect(try due() == "2026-11-26T23:59:59+07:00")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-cal-\(UUID().uuidString).csv").path
        try "date,name,kind,calendar,source\n2026-11-25,Libur daerah,holiday,national,Perda uji\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(Capture.stdout { LaporCLI.run(["--db", db, "--as", "kabid", "calendar", "import", file]) }.code == 0)
        #expect(try due() == "2026-11-27T23:59:59+07:00")
        #expect(Capture.stdout { LaporCLI.run(["--db", db, "--as", "kabid", "calendar", "remove", "2026-11-25"]) }.code == 0)
        #expect(try due() == "2026-11-26T23:59:59+07:00")
    }

    @Test func applyTwiceChangesNothingTheSecondTime() throws {
        let db = TestDesk.location("apply")
        defer { TestDesk.remove(db) }
        let base = ["--db", db, "--as", "kabid", "--now", "2026-11-23T09:00:00+07:00"]
        #expect(Capture.stdout { LaporCLI.run(base + ["demo", "--days", "90"]) }.code == 0)
        let first = Capture.stdout { LaporCLI.run(base + ["sla", "--apply", "--json"]) }
        let second = Capture.stdout { LaporCLI.run(base + ["sla", "--apply", "--json"]) }
        let a = try #require(try JSONSerialization.jsonObject(with: Data(first.out.utf8)) as? [String: Any])
        let b = try #require(try JSONSerialization.jsonObject(with: Data(second.out.utf8)) as? [String: Any])
        #expect(((a["auto_closed"] as? [String]) ?? []).count + ((a["escalated"] as? [String]) ?? []).count > 0)
        #expect((b["auto_closed"] as? [String]) == [])
        #expect((b["escalated"] as? [String]) == [])
    }

    /// Issue 18 through the verbs: holds and releases with `--now`, then `sla --json`, `show --json`
    /// and `~o` against the deadlines counted by hand in PauseTests.
    struct PauseCase: Sendable, CustomTestStringConvertible {
        let name: String
        let submitted: String
        let pauses: [(String, String)]
        let due: String
        let pausedSeconds: Int
        var testDescription: String { name }
    }

    static let pauseCases: [PauseCase] = [
        PauseCase(name: "spec example: two working days over Nyepi", submitted: "2024-03-04T09:00:00",
                  pauses: [("2024-03-05T10:00:00", "2024-03-07T10:00:00")], due: "2024-03-13T23:59:59+07:00", pausedSeconds: 172_800),
        PauseCase(name: "over a weekend", submitted: "2026-11-18T09:00:00",
                  pauses: [("2026-11-20T15:00:00", "2026-11-23T09:00:00")], due: "2026-11-24T17:59:59+07:00", pausedSeconds: 64_800),
        PauseCase(name: "over Nyepi and its cuti bersama", submitted: "2024-03-07T09:00:00",
                  pauses: [("2024-03-08T10:00:00", "2024-03-12T10:00:00")], due: "2024-03-15T13:59:59+07:00", pausedSeconds: 50_400),
        PauseCase(name: "two pauses", submitted: "2026-11-23T09:00:00",
                  pauses: [("2026-11-24T10:00:00", "2026-11-24T15:00:00"), ("2026-11-25T20:00:00", "2026-11-26T08:00:00")],
                  due: "2026-11-27T16:59:59+07:00", pausedSeconds: 61_200),
    ]

    @Test(arguments: pauseCases)
    func pausedDeadlineThroughTheVerbs(_ c: PauseCase) throws {
        let db = TestDesk.location("pause")
        defer { TestDesk.remove(db) }
        let store = try TestDesk.open(db)
        let boss = try store.initialize(login: "kabid", at: Date())
        let submitted = try #require(store.zone.parseISO(c.submitted))
        try store.receive(Report(trackingID: "T1", submittedAt: submitted, title: "Uji", body: "Uji"), by: boss, at: submitted)
        let base = ["--db", db, "--as", "kabid"]
        for (hold, release) in c.pauses {
            #expect(Capture.stdout { LaporCLI.run(base + ["--now", hold, "hold", "T1", "--note", "Mohon foto"]) }.code == 0)
            #expect(Capture.stdout { LaporCLI.run(base + ["--now", release, "release", "T1"]) }.code == 0)
        }
        let now = c.pauses.last!.1
        let (code, out) = Capture.stdout { LaporCLI.run(base + ["sla", "--json", "--now", now]) }
        #expect(code == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let item = try #require((json["items"] as? [[String: Any]])?.first { $0["clock"] as? String == "verification" })
        #expect(item["deadline"] as? String == c.due)
        #expect(item["paused_seconds"] as? Int == c.pausedSeconds)
        #expect(item["paused_unit"] as? String == "working_time")
        let shown = Capture.stdout { LaporCLI.run(base + ["show", "T1", "--json", "--now", now]) }.out
        let detail = try #require(try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any])
        let clock = try #require((detail["clocks"] as? [[String: Any]])?.first)
        #expect(clock["deadline"] as? String == c.due)
        // The stored deadline behind ~o agrees: not overdue at the deadline, overdue a second later.
        let due = try #require(store.zone.parseISO(c.due))
        func overdue(_ at: Date) -> Bool {
            Capture.stdout { LaporCLI.run(base + ["list", "--where", "~o", "--json", "--now", store.zone.iso(at)]) }.out.contains("\"T1\"")
        }
        #expect(!overdue(due))
        #expect(overdue(due.addingTimeInterval(1)))
    }
}
