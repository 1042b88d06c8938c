import Foundation
import GRDB

/// One agency under two names becomes one (`lapor agency merge FROM INTO`). The agency FROM stays
/// as a row the audit trail can still point at, marked `merged_into`; its reports, liaisons and
/// routing rules move to INTO, its code, name and aliases become INTO's aliases, and the daily
/// counters follow the reports through their triggers, so the board and trends move with them.
extension LaporStore {
    public func mergeAgency(_ fromRef: String, into intoRef: String, by actor: User, at now: Date) throws -> AgencyMerge {
        try administer(at: now) { try $0.mergeAgency(fromRef, into: intoRef, by: actor) }
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
