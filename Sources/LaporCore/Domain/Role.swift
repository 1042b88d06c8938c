/// Desk roles (domain.md, "Who uses the desk"); `system` is the desk itself acting on a schedule.
public enum Role: String, Sendable, CaseIterable, Codable, Hashable {
    case `operator`
    case supervisor
    case agency
    case viewer
    /// Not assignable to people: automatic actions (auto-close, escalation) are recorded under it.
    case system

    /// Roles a supervisor may give to a person.
    public static let assignable: [Role] = [.operator, .supervisor, .agency, .viewer]
}
