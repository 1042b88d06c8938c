import Foundation

/// One lifecycle action on one report, decided without storage: who may, whether the lifecycle
/// allows it, and what the report looks like after. Both engines persist what this returns, so
/// a refusal reads the same on SQLite and on PostgreSQL.
public enum ActionDecision {
    /// The state `action` takes `report` to, or the refusal; checked in the order a user reads
    /// them: visibility, role, transition, then the note.
    public static func target(of action: LifecycleAction, on report: Report, by user: User,
                              note: String) throws -> ReportState {
        guard Visibility(user: user).allows(agencyID: report.agencyID) else {
            throw LaporError.notVisible(login: user.login, trackingID: report.trackingID)
        }
        guard Permissions.allows(user.role, action, from: report.state) else {
            throw LaporError.permissionDenied(login: user.login, role: user.role,
                                              what: "\(action.rawValue) a report that is \(report.state.rawValue)")
        }
        let target: ReportState
        switch Lifecycle.next(from: report.state, action: action, type: report.type) {
        case .success(let next): target = next
        case .failure(let refusal): throw LaporError.illegalTransition(trackingID: report.trackingID, refusal)
        }
        if action.requiresNote && note.isEmpty { throw LaporError.noteRequired(action) }
        return target
    }

    /// The report after the action: its state, agency, bounces and return flag, one version on.
    /// `agency` is a route's resolved target (required on a route, ignored otherwise).
    public static func applied(_ action: LifecycleAction, to report: Report, target: ReportState, at now: Date,
                               agency: Agency?) throws -> Report {
        var updated = report
        updated.state = target
        switch action {
        case .route:
            guard let agency else { throw LaporError.invalidArgument("A route needs an agency.") }
            if report.state == .dispositioned {
                if agency.id == report.agencyID && !report.returned {
                    throw LaporError.sameAgency(trackingID: report.trackingID, agency: agency.code)
                }
                if !report.returned { updated.bounces += 1 }
            }
            updated.agencyID = agency.id
            updated.returned = false
        case .returnReport:
            if report.returned { throw LaporError.alreadyReturned(trackingID: report.trackingID) }
            updated.returned = true
            updated.bounces += 1
        case .followUp:
            updated.returned = false
        default:
            break
        }
        updated.version += 1
        updated.updatedAt = now
        return updated
    }

    /// Whether the report's `state_since` restarts: on a change of state, and on every route (a
    /// re-route starts the agency's time afresh).
    public static func restartsState(_ action: LifecycleAction, from before: ReportState,
                                     to after: ReportState) -> Bool {
        before != after || action == .route
    }
}
