/// The lifecycle state machine of domain.md as a pure function.
///
/// Kept free of roles and storage so it can be tested exhaustively: every (state, action)
/// pair either has exactly one next state or a refusal that says why.
public enum Lifecycle {
    /// The next state for `action` taken on a report in `state`, or why it is refused.
    public static func next(from state: ReportState, action: LifecycleAction) -> Result<ReportState, TransitionRefusal> {
        if let target = table[state]?[action] { return .success(target) }
        return .failure(TransitionRefusal(from: state, action: action))
    }

    /// Whether a direct move `from → to` exists for some action.
    public static func isLegal(from: ReportState, to: ReportState) -> Bool {
        table[from]?.values.contains(to) ?? false
    }

    /// Actions that can be taken on a report in `state` (ignoring roles).
    public static func actions(from state: ReportState) -> [LifecycleAction] {
        LifecycleAction.allCases.filter { table[state]?[$0] != nil }
    }

    private static let openStatesArchivable: [ReportState] = [.new, .onHold, .verified, .dispositioned, .inProgress, .awaitingReporter]

    private static let table: [ReportState: [LifecycleAction: ReportState]] = {
        var t: [ReportState: [LifecycleAction: ReportState]] = [:]
        func add(_ from: ReportState, _ action: LifecycleAction, _ to: ReportState) { t[from, default: [:]][action] = to }
        add(.new, .verify, .verified)
        add(.new, .route, .dispositioned)
        add(.new, .hold, .onHold)
        add(.onHold, .release, .new)
        add(.verified, .route, .dispositioned)
        add(.dispositioned, .route, .dispositioned)
        add(.dispositioned, .returnReport, .dispositioned)
        add(.dispositioned, .followUp, .inProgress)
        add(.inProgress, .respond, .awaitingReporter)
        add(.awaitingReporter, .dispute, .inProgress)
        add(.awaitingReporter, .resolve, .resolved)
        add(.awaitingReporter, .autoClose, .resolved)
        add(.inProgress, .resolve, .resolved)
        add(.resolved, .reopen, .inProgress)
        for state in openStatesArchivable { add(state, .archive, .archived) }
        return t
    }()
}

/// Why a lifecycle action cannot be taken on a report in a given state.
public struct TransitionRefusal: Error, Equatable, Sendable {
    public let from: ReportState
    public let action: LifecycleAction

    /// The states from which `action` would have been allowed, for the message.
    public var allowedFrom: [ReportState] {
        ReportState.allCases.filter { if case .success = Lifecycle.next(from: $0, action: action) { true } else { false } }
    }
}
