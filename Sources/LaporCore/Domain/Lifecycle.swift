/// The lifecycle state machine of domain.md as a pure function.
///
/// Kept free of roles and storage so it can be tested exhaustively: every (state, action)
/// pair either has exactly one next state or a refusal that says why.
public enum Lifecycle {
    /// The next state for `action` taken on a report in `state`, or why it is refused.
    /// Information requests (`permintaan_informasi`) follow their own table: see ``requestTable``.
    public static func next(from state: ReportState, action: LifecycleAction,
                            type: ReportType = .pengaduan) -> Result<ReportState, TransitionRefusal> {
        if let target = table(for: type)[state]?[action] { return .success(target) }
        return .failure(TransitionRefusal(from: state, action: action, type: type))
    }

    /// Whether a direct move `from → to` exists for some action.
    public static func isLegal(from: ReportState, to: ReportState, type: ReportType = .pengaduan) -> Bool {
        table(for: type)[from]?.values.contains(to) ?? false
    }

    /// Actions that can be taken on a report in `state` (ignoring roles).
    public static func actions(from state: ReportState, type: ReportType = .pengaduan) -> [LifecycleAction] {
        LifecycleAction.allCases.filter { table(for: type)[state]?[$0] != nil }
    }

    static func table(for type: ReportType) -> [ReportState: [LifecycleAction: ReportState]] {
        type == .permintaanInformasi ? requestTable : table
    }

    private static let openStatesArchivable: [ReportState] = [.new, .onHold, .verified, .dispositioned, .inProgress, .awaitingReporter]

    /// Intake and routing, the same for complaints and information requests: verify, hold, route
    /// (again), return, and the agency taking it up.
    private static let intake: [(ReportState, LifecycleAction, ReportState)] = [
        (.new, .verify, .verified), (.new, .route, .dispositioned), (.new, .hold, .onHold), (.onHold, .release, .new),
        (.verified, .route, .dispositioned), (.dispositioned, .route, .dispositioned),
        (.dispositioned, .returnReport, .dispositioned), (.dispositioned, .followUp, .inProgress),
    ]

    private static let table: [ReportState: [LifecycleAction: ReportState]] = {
        var t: [ReportState: [LifecycleAction: ReportState]] = [:]
        func add(_ from: ReportState, _ action: LifecycleAction, _ to: ReportState) { t[from, default: [:]][action] = to }
        for (from, action, to) in intake { add(from, action, to) }
        add(.inProgress, .respond, .awaitingReporter)
        add(.awaitingReporter, .dispute, .inProgress)
        add(.awaitingReporter, .resolve, .resolved)
        add(.awaitingReporter, .autoClose, .resolved)
        add(.inProgress, .resolve, .resolved)
        add(.resolved, .reopen, .inProgress)
        for state in openStatesArchivable { add(state, .archive, .archived) }
        return t
    }()

    /// An information request: received (`new`), registered, forwarded to a PPID Pembantu, then decided
    /// (`decide` → resolved) once, with at most one `extend` before that; the requester may `object`
    /// (→ objected) and the superior's answer is `respond` (→ resolved); `dispute` records the step to
    /// the Komisi Informasi without reopening. Whether an objection or a dispute may be filed *now*
    /// depends on clocks and history, so ``RequestRules`` checks that beside this table.
    private static let requestTable: [ReportState: [LifecycleAction: ReportState]] = {
        var t: [ReportState: [LifecycleAction: ReportState]] = [:]
        func add(_ from: ReportState, _ action: LifecycleAction, _ to: ReportState) { t[from, default: [:]][action] = to }
        for (from, action, to) in intake { add(from, action, to) }
        let undecided: [ReportState] = [.new, .verified, .dispositioned, .inProgress, .awaitingReporter]
        for state in undecided {
            add(state, .decide, .resolved)
            add(state, .extend, state)
            add(state, .object, .objected)
        }
        add(.resolved, .object, .objected)
        add(.resolved, .dispute, .resolved)
        add(.objected, .respond, .resolved)
        for state in openStatesArchivable + [.objected] { add(state, .archive, .archived) }
        return t
    }()
}

/// Why a lifecycle action cannot be taken on a report in a given state.
public struct TransitionRefusal: Error, Equatable, Sendable {
    public let from: ReportState
    public let action: LifecycleAction
    public var type: ReportType = .pengaduan

    /// The states from which `action` would have been allowed, for the message.
    public var allowedFrom: [ReportState] {
        ReportState.allCases.filter {
            if case .success = Lifecycle.next(from: $0, action: action, type: type) { true } else { false }
        }
    }
}
