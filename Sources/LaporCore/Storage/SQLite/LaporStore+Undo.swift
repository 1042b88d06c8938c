import Foundation
import GRDB

/// Undo on the file, and the markers the desk reads to know what changed.
extension LaporStore {
    /// The id of the newest audit record: a cheap marker that something changed (every change writes one).
    public func changeMarker() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit") ?? 0 }
    }

    /// The newest audit record of a report, for undo bookkeeping.
    public func lastAuditID(reportID: Int64) throws -> Int64? {
        try read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit WHERE report_id = ?", arguments: [reportID]) }
    }

    /// Undoes the action recorded as `auditID` (``UndoFlow``).
    public func undo(auditID: Int64, by user: User, at now: Date) throws -> Report {
        let zone = self.zone
        return try write { db in
            try UndoFlow(steps: SQLiteActionSteps(db: db, zone: zone), user: user, now: now).undo(auditID: auditID)
        }
    }
}
