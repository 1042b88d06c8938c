import Foundation
import GRDB

/// One agency under two names becomes one (`lapor agency merge FROM INTO`). The agency FROM stays
/// as a row the audit trail can still point at, marked `merged_into`; its reports, liaisons and
/// routing rules move to INTO, its code, name and aliases become INTO's aliases, and the daily
/// counters follow the reports through their triggers, so the board and trends move with them.
extension LaporStore {
    public struct AgencyMerge: Sendable, Equatable {
        public var from: Agency
        public var into: Agency
        public var reports = 0
        public var users = 0
        public var rules = 0
    }

    public func mergeAgency(_ fromRef: String, into intoRef: String, by actor: User, at now: Date) throws -> AgencyMerge {
        guard Permissions.mayAdminister(actor.role) else {
            throw LaporError.permissionDenied(login: actor.login, role: actor.role, what: "merge agencies")
        }
        return try write { db in
            let from = try Self.resolveAgency(db, fromRef)
            var into = try Self.resolveAgency(db, intoRef)
            guard from.id != into.id else {
                throw LaporError.invalidArgument("\(from.code) and \(into.code) are the same agency; nothing to merge.")
            }
            var merge = AgencyMerge(from: from, into: into)
            let ids: [DatabaseValueConvertible] = [into.id, from.id]
            try db.execute(sql: """
                INSERT INTO audit (at, actor, role, action, report_id, from_agency_id, to_agency_id, note)
                SELECT ?, ?, ?, 'agency_merge', id, ?, ?, ? FROM report WHERE agency_id = ? ORDER BY id
                """, arguments: [RowDecoding.seconds(now), actor.login, actor.role.rawValue, from.id, into.id,
                                 "\(from.code) merged into \(into.code)", from.id])
            try db.execute(sql: "UPDATE report SET agency_id = ?, version = version + 1 WHERE agency_id = ?", arguments: StatementArguments(ids))
            merge.reports = db.changesCount
            try db.execute(sql: "UPDATE user SET agency_id = ? WHERE agency_id = ?", arguments: StatementArguments(ids))
            merge.users = db.changesCount
            try db.execute(sql: "UPDATE OR IGNORE routing_rule SET agency_id = ? WHERE agency_id = ?", arguments: StatementArguments(ids))
            merge.rules = db.changesCount
            try db.execute(sql: "DELETE FROM routing_rule WHERE agency_id = ?", arguments: [from.id])
            for name in [from.code, from.name] + from.aliases where !into.isNamed(name) { into.aliases.append(name) }
            try db.execute(sql: "UPDATE agency SET aliases = ? WHERE id = ?", arguments: [into.aliases.joined(separator: "\n"), into.id])
            try db.execute(sql: "UPDATE agency SET merged_into = ? WHERE id = ? OR merged_into = ?",
                           arguments: [into.id, from.id, from.id])
            try Self.appendAudit(db, AuditEntry(at: now, actor: actor.login, role: actor.role, action: "agency_merge",
                                                note: "\(from.code) (\(from.name)) merged into \(into.code): "
                                                    + "\(merge.reports) reports, \(merge.users) users, \(merge.rules) rules"),
                                 fromAgencyID: from.id, toAgencyID: into.id)
            try Self.recomputeDue(db)
            merge.into = into
            return merge
        }
    }

    /// Merged agencies' ids → the id of the agency they became, so old history shows today's code.
    public func mergedAgencies() throws -> [Int64: Int64] {
        try read { db in
            var out: [Int64: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, merged_into FROM agency WHERE merged_into IS NOT NULL") {
                out[row[0]] = row[1]
            }
            return out
        }
    }
}
