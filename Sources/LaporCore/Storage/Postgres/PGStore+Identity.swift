import Foundation

/// Reveals on a server go through `lapor_reveal` (migration v5): the server checks that the
/// caller is a supervisor, writes the audit record and returns the identities in one transaction.
extension PGStore: IdentityRevealing {
    public func revealIdentities(_ scope: RevealScope, purpose: String, by actor: User, at now: Date) throws -> IdentityReveal {
        try RevealScope.requireRevealer(actor)
        let ids: [Int64]
        switch scope {
        case .report(let report):
            ids = report.identityProtected ? [report.id] : []
        case .reports(let reports, _):
            ids = reports.filter(\.identityProtected).map(\.id)
        case .matching(let condition, _):
            let (whereSQL, parameters) = try whereClause(condition, visibility: Visibility(user: actor))
            let guarded = (whereSQL.isEmpty ? "WHERE " : whereSQL + " AND ") + "(anonymous = 1 OR confidential = 1)"
            let rows = try query("SELECT id FROM report \(guarded) ORDER BY id", parameters)
            ids = (0..<rows.count).compactMap { PGRowDecoding.int(rows, $0, 0) }
        }
        let (reportID, note) = scope.record(purpose: purpose)
        let rows = try write {
            try query("SELECT report_id, name, contact FROM lapor_reveal($1, $2, $3::bigint[], $4, $5)",
                      [actor.login, PGRowDecoding.seconds(now), PGCopyText.arrayLiteral(ids.map(String.init)),
                       reportID.map(String.init), note])
        }
        var identities: [Int64: (name: String, contact: String)] = [:]
        for i in 0..<rows.count {
            if let id = PGRowDecoding.int(rows, i, 0) { identities[id] = (rows.text(i, 1) ?? "", rows.text(i, 2) ?? "") }
        }
        return IdentityReveal(identities: identities)
    }
}
