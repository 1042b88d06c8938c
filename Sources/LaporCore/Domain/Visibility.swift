/// Which reports a user may see: everyone sees all, except agency liaisons, who see their own agency's.
public enum Visibility: Sendable, Equatable {
    case all
    case agency(Int64)

    public init(user: User) {
        if user.role == .agency, let agencyID = user.agencyID { self = .agency(agencyID) } else { self = .all }
    }

    public func allows(agencyID: Int64?) -> Bool {
        switch self {
        case .all: true
        case .agency(let own): agencyID == own
        }
    }
}
