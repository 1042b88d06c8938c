/// Which role may take which lifecycle action (domain.md's role table), enforced in the core.
///
/// Visibility (an agency user sees only its own agency's reports) is checked separately in
/// ``Visibility`` because it depends on the report, not only on the action.
public enum Permissions {
    /// Whether `role` may take `action` on a report currently in `state`.
    public static func allows(_ role: Role, _ action: LifecycleAction, from state: ReportState) -> Bool {
        switch role {
        case .viewer:
            return false
        case .system:
            return action == .autoClose
        case .agency:
            // A PPID Pembantu decides and extends its own requests; objections go to the PPID's superior.
            if state == .objected { return false }
            return [.followUp, .returnReport, .respond, .resolve, .decide, .extend].contains(action)
        case .operator:
            switch action {
            case .verify, .route, .hold, .release, .dispute, .resolve, .decide, .extend, .object: return true
            case .respond: return state == .objected
            case .archive: return state == .new || state == .onHold
            default: return false
            }
        case .supervisor:
            if allows(.operator, action, from: state) { return true }
            return action == .archive || action == .reopen
        }
    }

    /// Managing users, agencies, rules, calendars and policy, and revealing identities.
    public static func mayAdminister(_ role: Role) -> Bool { role == .supervisor }

    /// Whether this role may ever see a reporter's identity on anonim/rahasia reports (with `--reveal`).
    public static func mayReveal(_ role: Role) -> Bool { role == .supervisor }
}
