import Testing
@testable import LaporCore

/// The state machine of domain.md, written out independently of the implementation's table.
@Suite struct LifecycleTests {
    /// Every legal (from, action) → to of domain.md; anything not listed must be refused.
    static let expected: [ReportState: [LifecycleAction: ReportState]] = [
        .new: [.verify: .verified, .route: .dispositioned, .hold: .onHold, .archive: .archived],
        .onHold: [.release: .new, .archive: .archived],
        .verified: [.route: .dispositioned, .archive: .archived],
        .dispositioned: [.route: .dispositioned, .returnReport: .dispositioned, .followUp: .inProgress, .archive: .archived],
        .inProgress: [.respond: .awaitingReporter, .resolve: .resolved, .archive: .archived],
        .awaitingReporter: [.dispute: .inProgress, .resolve: .resolved, .autoClose: .resolved, .archive: .archived],
        .resolved: [.reopen: .inProgress],
        .archived: [:],
    ]

    @Test(arguments: ReportState.allCases)
    func everyActionFromState(_ state: ReportState) {
        for action in LifecycleAction.allCases {
            let result = Lifecycle.next(from: state, action: action)
            if let target = Self.expected[state]?[action] {
                #expect(result == .success(target), "\(state) --\(action)--> should reach \(target)")
            } else {
                #expect(result == .failure(TransitionRefusal(from: state, action: action)), "\(state) --\(action)--> must be refused")
            }
        }
    }

    /// The transition list of domain.md as state pairs; the other pairs of the 9×9 grid are illegal
    /// (`objected` belongs to information requests only).
    @Test func everyStatePair() {
        let legal: Set<String> = [
            "new>verified", "new>dispositioned", "new>on_hold", "on_hold>new", "new>archived", "on_hold>archived",
            "verified>dispositioned", "dispositioned>dispositioned", "dispositioned>in_progress",
            "in_progress>awaiting_reporter", "awaiting_reporter>in_progress", "awaiting_reporter>resolved",
            "in_progress>resolved", "resolved>in_progress",
            "verified>archived", "dispositioned>archived", "in_progress>archived", "awaiting_reporter>archived",
        ]
        var checked = 0
        for from in ReportState.allCases {
            for to in ReportState.allCases {
                #expect(Lifecycle.isLegal(from: from, to: to) == legal.contains("\(from.rawValue)>\(to.rawValue)"), "\(from) → \(to)")
                checked += 1
            }
        }
        #expect(checked == 81)
    }

    @Test func closedStatesHaveNoWayOutButReopen() {
        #expect(Lifecycle.actions(from: .archived).isEmpty)
        #expect(Lifecycle.actions(from: .resolved) == [.reopen])
    }

    @Test func refusalNamesWhereTheActionWouldWork() {
        let refusal = TransitionRefusal(from: .new, action: .resolve)
        #expect(refusal.allowedFrom == [.inProgress, .awaitingReporter])
        let message = LaporError.illegalTransition(trackingID: "9165816", refusal).message(.en)
        #expect(message.contains("9165816") && message.contains("In progress") && message.contains("Nothing was changed"))
    }

    @Test func stateParsingAcceptsIdsAndLabelPrefixes() {
        #expect(ReportState.parse("on_hold") == .onHold)
        #expect(ReportState.parse("selesai") == .resolved)
        #expect(ReportState.parse("Belum") == .new)
        #expect(ReportState.parse("unver") == .new)
        #expect(ReportState.parse("zzz") == nil)
        #expect(ReportState.parse("") == nil)
    }
}
