import Foundation
import Testing
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
        let f = try Fixture()
        let count = try f.store.loadDemo(DemoGenerator(seed: 1, days: 20, end: Fixture.now), by: f.boss, at: Fixture.now)
        #expect(count > 500)
        #expect(try f.store.countReports(nil, for: f.boss) == count)
        #expect(try f.store.user(login: "pd.pupr").role == .agency)
        #expect(throws: LaporError.self) {
            try f.store.loadDemo(DemoGenerator(seed: 1, days: 20, end: Fixture.now), by: f.boss, at: Fixture.now)
        }
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
