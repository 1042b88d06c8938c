/// A person (or the desk itself) who acts on reports; every action is recorded under a user.
public struct User: Sendable, Equatable, Identifiable, Codable {
    public var id: Int64
    public var login: String
    public var name: String
    public var role: Role
    /// The agency an `agency` user speaks for; nil for every other role.
    public var agencyID: Int64?

    public init(id: Int64 = 0, login: String, name: String = "", role: Role, agencyID: Int64? = nil) {
        self.id = id; self.login = login; self.name = name; self.role = role; self.agencyID = agencyID
    }

    /// The user automatic actions are recorded under.
    public static let systemLogin = "sistem"
}
