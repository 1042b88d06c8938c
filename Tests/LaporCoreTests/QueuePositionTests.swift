import Foundation
import Testing
@testable import LaporCore
import LaporTestSupport

/// Search positions in the whole queue come from the kept day totals; they must equal a count
/// of the reports before the hit, forward and backward, with wrap-around, also when reports
/// from before 1970 (whose day buckets the counters cannot split) are in the queue.
@Suite struct QueuePositionTests {
    @Test func positionsFromDayTotalsEqualCountingEveryReport() throws {
        let f = try Fixture(demo: DemoGenerator(seed: 3, days: 20, end: Fixture.now))
        let old = DeskZone.jakarta.date(year: 1965, month: 3, day: 1, hour: 10)!
        try f.store.receive(Report(trackingID: "OLD1", submittedAt: old, title: "Arsip lama banjir", body: "Dari 1965"), by: f.op, at: Fixture.now)
        let queue = try f.store.reports(ReportQuery(sort: .submitted), for: f.boss).map(\.id)
        let compiler = FilterCompiler(now: Fixture.now, zone: .jakarta, calendar: WorkingCalendar(name: "national"))
        for filter in ["banjir", "~s resolved", "~a DLH"] {
            let matching = try #require(try compiler.compile(filter))
            let hits = Set(try f.store.reportIDs(matching, for: f.boss))
            #expect(try f.store.position(ofNextAmong: [], after: 0, forward: true, for: f.boss) == HitPosition.none)
            #expect(!hits.isEmpty)
            let positions = queue.indices.filter { hits.contains(queue[$0]) }
            for index in [0, 1, 7, queue.count / 3, queue.count / 2, queue.count - 2, queue.count - 1] {
                let forward = positions.first { $0 > index } ?? positions.first
                let backward = positions.last { $0 < index } ?? positions.last
                // The kept full-text hits are SQLite's shortcut; a server has none and counts instead.
                if filter == "banjir", let kept = try f.store.fullTextHits(filter) {
                    // The 1965 report (first in the queue) has no day bucket: a walk from it or
                    // onto it gives up, and the caller asks SQLite.
                    let ahead = index == 0 || forward == 0 ? HitPosition.gaveUp : forward.map(HitPosition.found) ?? HitPosition.none
                    let behind = backward == 0 ? HitPosition.gaveUp : backward.map(HitPosition.found) ?? HitPosition.none
                    #expect(try f.store.position(ofNextAmong: kept, after: index, forward: true, for: f.boss) == ahead, "kept hits after \(index)")
                    #expect(try f.store.position(ofNextAmong: kept, after: index, forward: false, for: f.boss) == behind, "kept hits before \(index)")
                    // A walk that would be long gives up; a liaison's queue is not the whole queue.
                    #expect(try f.store.position(ofNextAmong: kept, after: index, forward: true, for: f.boss, budget: 1) == .gaveUp
                            || forward == index + 1 || (forward == positions.first && index >= positions.last!))
                    #expect(try f.store.position(ofNextAmong: kept, after: index, forward: true, for: f.dlh) == .gaveUp)
                }
                for walk in [false, true] {
                    #expect(try f.store.position(ofNext: matching, within: nil, after: index, forward: true, for: f.boss, walkOrder: walk) == forward,
                            "\(filter) after \(index), walk \(walk)")
                    #expect(try f.store.position(ofNext: matching, within: nil, after: index, forward: false, for: f.boss, walkOrder: walk) == backward,
                            "\(filter) before \(index), walk \(walk)")
                }
            }
        }
    }

    @Test func theWholeQueueIsCountedExactlyFromDayTotalsOtherCountsStopAtTheCap() throws {
        let f = try Fixture(demo: DemoGenerator(seed: 3, days: 20, end: Fixture.now))
        let all = try f.store.countReports(nil, for: f.boss)
        #expect(all > 10)
        #expect(try f.store.countReports(nil, for: f.boss, cap: 10) == (all, false))
        let banjir = try f.store.reportIDs(try FilterCompiler(now: Fixture.now, zone: .jakarta,
            calendar: WorkingCalendar(name: "national")).compile("banjir"), for: f.boss).sorted()
        #expect(!banjir.isEmpty)
        #expect(try f.store.fullTextHits("banjir") == (TestDesk.onServer ? nil : banjir))
        #expect(try f.store.fullTextHits("~s new") == nil)
        let resolved = try #require(try FilterCompiler(now: Fixture.now, zone: .jakarta, calendar: WorkingCalendar(name: "national")).compile("~s resolved"))
        #expect(try f.store.countReports(resolved, for: f.boss, cap: 10) == (10, true))
        // An agency liaison sees only their agency: no day totals for that, so the cap applies.
        let own = try f.store.countReports(nil, for: f.dlh)
        #expect(try f.store.countReports(nil, for: f.dlh, cap: 1) == (min(own, 1), own > 1))
    }
}
