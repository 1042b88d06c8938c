import Foundation
import GRDB

/// Undo as a compensating action: the report goes back to its state and routing before the
/// undone action, recorded as its own `undo` audit record. Only the same person may undo, and
/// only while nothing else has happened to the report since.
extension LaporStore {
    /// The id of the newest audit record: a cheap marker that something changed (every change writes one).
    public func changeMarker() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit") ?? 0 }
    }

    /// The newest audit record of a report, for undo bookkeeping.
    public func lastAuditID(reportID: Int64) throws -> Int64? {
        try read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit WHERE report_id = ?", arguments: [reportID]) }
    }

    public func undo(auditID: Int64, by user: User, at now: Date) throws -> Report {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT report_id, actor, action, from_state, to_state, from_agency_id, to_agency_id FROM audit WHERE id = ?
                """, arguments: [auditID]), let reportID: Int64 = row[0],
                  let action = LifecycleAction(rawValue: row[2]), let fromState = ReportState(rawValue: row[3] ?? "") else {
                throw LaporError.invalidArgument("Nothing to undo.")
            }
            guard (row[1] as String) == user.login else {
                throw LaporError.permissionDenied(login: user.login, role: user.role, what: "undo someone else's action")
            }
            let latest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit WHERE report_id = ?", arguments: [reportID])
            guard let report = try Self.findReport(db, id: reportID), latest == auditID else {
                throw LaporError.invalidArgument("The report changed after that action; it can no longer be undone.")
            }
            var bounces = report.bounces
            var returned = report.returned
            if action == .returnReport { bounces = max(0, bounces - 1); returned = false }
            if action == .route && fromState == .dispositioned {
                // Restore what the route cleared: a re-route after a return did not count a bounce.
                let wasReturned = try Bool.fetchOne(db, sql: """
                    SELECT action = 'return' FROM audit WHERE report_id = ? AND id < ? AND action IN ('route', 'return')
                    ORDER BY id DESC LIMIT 1
                    """, arguments: [reportID, auditID]) ?? false
                if wasReturned { returned = true } else { bounces = max(0, bounces - 1) }
            }
            let fromAgency: Int64? = row[5]
            let seconds = RowDecoding.seconds(now)
            try db.execute(sql: """
                UPDATE report SET state = ?, agency_id = ?, bounces = ?, returned = ?, version = version + 1, updated_at = ?,
                    state_since = ?, desk_touched = 1 WHERE id = ?
                """, arguments: [fromState.rawValue, fromAgency, bounces, returned, seconds, seconds, reportID])
            if report.type == .permintaanInformasi {
                try Self.undoRequestStep(db, action, reportID: reportID, from: fromState)
            }
            try Self.appendAudit(db, AuditEntry(at: now, actor: user.login, role: user.role, action: "undo", reportID: reportID,
                                                fromState: report.state, toState: fromState),
                                 fromAgencyID: report.agencyID, toAgencyID: fromAgency, note: "undo of \(action.rawValue) (audit #\(auditID))")
            try Self.refreshDue(db, reportID: reportID, submitted: report.submittedAt, engine: Self.clockEngine(db, zone: zone),
                               type: report.type)
            return try Self.findReport(db, id: reportID)!
        }
    }
}
