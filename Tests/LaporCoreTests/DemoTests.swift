import Foundation
import Testing
import GRDB
@testable import LaporCore

@Suite struct DemoTests {
    static let end = DeskZone.jakarta.date(year: 2026, month: 11, day: 23, hour: 9)!

    @Test func sameSeedSameReports() {
        var a = DemoGenerator(seed: 7, days: 30, end: Self.end)
        var b = DemoGenerator(seed: 7, days: 30, end: Self.end)
        var c = DemoGenerator(seed: 8, days: 30, end: Self.end)
        let ra = (0..<30).flatMap { a.reports(day: $0) }
        let rb = (0..<30).flatMap { b.reports(day: $0) }
        let rc = (0..<30).flatMap { c.reports(day: $0) }
        #expect(ra.map(\.report) == rb.map(\.report))
        #expect(ra.map(\.report) != rc.map(\.report))
    }

    @Test func volumeFallsFrom250To30OnWeekdays() {
        let g = DemoGenerator(seed: 1, days: 730, end: Self.end)
        #expect(g.weekdayRate(day: 0) == 250)
        #expect(g.weekdayRate(day: 364) == 250)
        #expect(abs(g.weekdayRate(day: 729) - 30) < 0.001)
        for day in stride(from: 365, to: 640, by: 5) { #expect(g.weekdayRate(day: day) >= g.weekdayRate(day: day + 5)) }
    }

    @Test func historiesAreLegalAndCoverEveryState() throws {
        var g = DemoGenerator(seed: 3, days: 240, end: Self.end)
        var states = Set<ReportState>()
        var anonymous = 0, confidential = 0, total = 0, bounced = 0, hostile = 0
        for day in 0..<240 {
            for item in g.reports(day: day) {
                total += 1
                var state = ReportState.new
                for event in item.events {
                    #expect(event.from == state)
                    #expect(Lifecycle.next(from: state, action: event.action, type: item.report.type) == .success(event.to))
                    #expect(Permissions.allows(event.role, event.action, from: state), "\(event.role) \(event.action)")
                    #expect(event.at <= Self.end && event.at >= item.report.submittedAt)
                    state = event.to
                }
                #expect(item.report.state == state)
                states.insert(state)
                if item.report.anonymous { anonymous += 1 }
                if item.report.confidential { confidential += 1 }
                if item.report.bounces > 0 { bounced += 1 }
                if Sanitizer.needsCleaning(item.report.body) { hostile += 1 }
            }
        }
        #expect(states == Set(ReportState.allCases))
        #expect(abs(Double(anonymous) / Double(total) - 0.15) < 0.02)
        #expect(abs(Double(confidential) / Double(total) - 0.10) < 0.02)
        #expect(bounced > 0 && hostile > 0)
    }

    @Test func loadsIntoAnEmptyDeskOnlyOnce() throws {
        let f = try Fixture(.sqlite)
        let count = try f.sqlite.loadDemo(DemoGenerator(seed: 1, days: 20, end: Fixture.now), by: f.boss, at: Fixture.now)
        #expect(count > 500)
        #expect(try f.store.countReports(nil, for: f.boss) == count)
        #expect(try f.store.user(login: "pd.pupr").role == .agency)
        #expect(throws: LaporError.self) {
            try f.sqlite.loadDemo(DemoGenerator(seed: 1, days: 20, end: Fixture.now), by: f.boss, at: Fixture.now)
        }
    }

    /// The staged load (batches of reports moved by one statement each, days made on a second
    /// thread) writes the same desk whatever its chunks and batches, and each report's history,
    /// deadline, counters and full-text row agree with what the generator made.
    @Test func stagedLoadsAgreeWithTheGeneratorInAnyChunksAndBatches() throws {
        let generator = DemoGenerator(seed: 5, days: 24, end: Fixture.now)
        let small = try Fixture(.sqlite), whole = try Fixture(.sqlite)
        var progress: [Int] = []
        let count = try small.sqlite.loadDemo(generator, by: small.boss, at: Fixture.now, chunkDays: 7, stageBatch: 37) { done, _ in
            progress.append(done)
        }
        #expect(progress == [7, 14, 21, 24])
        #expect(try whole.sqlite.loadDemo(generator, by: whole.boss, at: Fixture.now) == count)
        func dump(_ store: LaporStore) throws -> [String] {
            try store.read { db in
                try String.fetchAll(db, sql: """
                    SELECT 'r|' || tracking_id || '|' || state || '|' || coalesce(agency_id, '') || '|' || coalesce(due_at, '') || '|'
                           || coalesce(due_soon_at, '') || '|' || coalesce(due_clock, '') || '|' || version || '|' || bounces FROM report
                    UNION ALL
                    SELECT 'a|' || coalesce(report.tracking_id, '') || '|' || audit.id || '|' || audit.action || '|' || audit.at || '|'
                           || coalesce(audit.from_state, '') || '|' || coalesce(audit.to_state, '') || '|' || coalesce(audit.detail, '')
                    FROM audit LEFT JOIN report ON report.id = audit.report_id WHERE audit.action <> 'demo_load'
                    UNION ALL
                    SELECT 'i|' || report.tracking_id || '|' || year || '|' || seq || '|' || coalesce(decision, '') || '|'
                           || coalesce(purpose, '') FROM info_request JOIN report ON report.id = info_request.report_id
                    UNION ALL
                    SELECT 't|' || count(*) FROM report_text WHERE report_text MATCH 'jalan OR sampah OR banjir'
                    ORDER BY 1
                    """)
            }
        }
        let rows = try dump(small.sqlite)
        #expect(rows == (try dump(whole.sqlite)))
        #expect(rows.contains { $0.hasPrefix("i|") })
        #expect(try small.store.verifyDailyCounts() == 0)
        // Each generated report: its state, one audit record per event, and the stored deadline
        // equal to the clocks read back from that audit trail.
        let trails = try small.sqlite.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                SELECT report.tracking_id, count(audit.id) FROM report LEFT JOIN audit ON audit.report_id = report.id GROUP BY 1
                """).map { ($0[0] as String, $0[1] as Int) })
        }
        var fresh = generator
        var checked = 0
        for day in 0..<fresh.days {
            for item in fresh.reports(day: day) {
                #expect(trails[item.report.trackingID] == item.events.count, "\(item.report.trackingID)")
                checked += 1
                guard item.report.state.isOpen else { continue }
                let stored = try small.store.report(item.report.trackingID, for: small.boss)
                #expect(stored.state == item.report.state && stored.title == item.report.title)
                let running = try small.store.clockReadings(reportID: stored.id, now: stored.submittedAt).filter(\.isRunning)
                #expect(stored.dueAt == running.map(\.deadline).min(), "\(item.report.trackingID)")
            }
        }
        #expect(checked == count)
    }

    /// The one-pass placeholder fill gives what four replacingOccurrences gave, on every template.
    @Test func fillEqualsReplacingOccurrences() {
        let values = ["jalan": "Jl. Slamet Riyadi", "kel": "Jebres", "kec": "Jebres", "n": "7"]
        var checked = 0
        for category in DemoCatalog.categories {
            for (title, body) in category.templates {
                for t in [title, body, t0(title), "{x} {kel", "{{n}}"] {
                    let old = t.replacingOccurrences(of: "{jalan}", with: values["jalan"]!)
                        .replacingOccurrences(of: "{kel}", with: values["kel"]!)
                        .replacingOccurrences(of: "{kec}", with: values["kec"]!).replacingOccurrences(of: "{n}", with: values["n"]!)
                    #expect(DemoGenerator.fill(t, values) == old, "\(t)")
                    checked += 1
                }
            }
        }
        #expect(checked > 50)
    }

    private func t0(_ text: String) -> String { "Mohon {n} di {jalan}, kel. {kel}, kec. {kec}: " + text }
}
