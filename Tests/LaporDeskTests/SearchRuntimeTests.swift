import Foundation
import Testing
@testable import LaporDesk
import LaporCore
import LaporTestSupport

/// `/`, `n` and `N` over the whole queue keep the first search's matches; a change to the
/// database (here a report received after the search) must not leave them stale.
@Suite struct SearchRuntimeTests {
    static let now = DeskZone.jakarta.date(year: 2026, month: 11, day: 23, hour: 9)!

    @Test func keptMatchesFollowTheQueueAndForgetThemselvesOnAChange() throws {
        let (store, boss, place) = try TestDesk.initialized("search", login: "kabid", at: Self.now)
        defer { TestDesk.remove(place) }
        let start = Self.now.addingTimeInterval(-300 * 3_600)
        // Every third report mentions the flood: dense enough for the walk with kept matches.
        for i in 0..<300 {
            let title = i % 3 == 2 ? "Banjir di gang \(i)" : "Jalan rusak \(i)"
            _ = try store.receive(Report(trackingID: "T\(i)", submittedAt: start.addingTimeInterval(Double(i) * 3_600), title: title,
                                         body: "Mohon ditindak", category: "Infrastruktur"), by: boss, at: Self.now)
        }
        let runtime = try DeskRuntime(store: store, user: boss, language: .en, clock: { Self.now })
        var desk = HeadlessDesk(runtime: runtime, width: 100, height: 30)
        // The whole queue (the desk opens on new reports).
        desk.press(try Key.script("l<C-u><Enter>/banjir<Enter>"))
        #expect(desk.model.cursor == 2)
        desk.press(try Key.script("nn"))
        #expect(desk.model.cursor == 8)
        desk.press(try Key.script("NNN"))
        #expect(desk.model.cursor == 299, "N from the first match wraps to the last")
        desk.press(try Key.script("n"))
        #expect(desk.model.cursor == 2, "n from the last match wraps to the first")
        // A flood report older than all others arrives: it is now first in the queue.
        _ = try store.receive(Report(trackingID: "OLD", submittedAt: start.addingTimeInterval(-3_600), title: "Banjir lama",
                                     body: "Mohon ditindak", category: "Infrastruktur"), by: boss, at: Self.now)
        desk.press(try Key.script("N"))
        #expect(desk.model.cursor == 0, "the new report is among the matches")
    }
}
