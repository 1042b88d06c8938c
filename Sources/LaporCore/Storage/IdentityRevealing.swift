import Foundation

/// What one reveal covers: one report (its audit record names it), or many (one record names
/// how many reports the reader was shown).
public enum RevealScope {
    case report(Report)
    case reports([Report], count: Int)
    case matching(ReportCondition?, count: Int)
}

/// The identities a supervisor's reveal returned. On SQLite the reports already carry them
/// (`nil`); on a server the desk roles read masked rows and the reveal fills them in.
public struct IdentityReveal: Sendable {
    let identities: [Int64: (name: String, contact: String)]?

    public static let carried = IdentityReveal(identities: nil)

    /// The report with its reporter's identity as revealed.
    public func apply(_ report: Report) -> Report {
        guard let identities, report.identityProtected, let found = identities[report.id] else { return report }
        var revealed = report
        revealed.reporterName = found.name
        revealed.reporterContact = found.contact
        return revealed
    }
}

/// Reveals protected identities to a supervisor, writing the `reveal` audit record in the same
/// transaction as the read on either engine.
public protocol IdentityRevealing {
    func revealIdentities(_ scope: RevealScope, purpose: String, by actor: User, at now: Date) throws -> IdentityReveal
}

extension RevealScope {
    /// The audit record's report and note, the same on both engines.
    func record(purpose: String) -> (reportID: Int64?, note: String) {
        switch self {
        case .report(let report): (report.id, purpose)
        case .reports(_, let count), .matching(_, let count): (nil, "\(purpose) (\(count) reports)")
        }
    }

    static func requireRevealer(_ actor: User) throws {
        guard Permissions.mayReveal(actor.role) else {
            throw LaporError.permissionDenied(login: actor.login, role: actor.role, what: "reveal reporters' identities")
        }
    }
}
