import Foundation
import GRDB

/// Automatic actions taken by the desk itself (user `sistem`): idempotent, so running them
/// twice changes nothing the second time.
extension LaporStore {
    public typealias AutomationResult = LaporCore.AutomationResult

    /// Auto-closes reports whose auto-close countdown ran out, and escalates reports that bounced
    /// at least the policy's threshold (once per bounce count), each as one audit record.
    public func applyDueActions(now: Date) throws -> AutomationResult {
        let system = try user(login: User.systemLogin)
        let due = try slaReadings(.all([.state(.awaitingReporter), .dueBefore(RowDecoding.seconds(now))]),
                                  for: system, now: now)
        var closed: [String] = []
        for report in DueActions.autoCloses(due) {
            _ = try perform(.autoClose, on: report.trackingID, by: system, at: now, note: DueActions.autoCloseNote,
                            expectedVersion: report.version)
            closed.append(report.trackingID)
        }
        let threshold = try policy().escalateAfterBounces
        let escalated: [String] = try write { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT report.id, report.tracking_id, report.bounces FROM report
                WHERE report.bounces >= ? AND \(SQLiteCondition.openSQL)
                  AND NOT EXISTS (SELECT 1 FROM audit WHERE audit.report_id = report.id AND audit.action = 'escalate'
                                  AND audit.note = 'bounces=' || report.bounces)
                ORDER BY report.id
                """, arguments: [threshold])
            for row in rows {
                let bounces: Int = row[2]
                try Self.appendAudit(db, AuditEntry(at: now, actor: system.login, role: .system, action: "escalate",
                                                    reportID: row[0], note: DueActions.escalationNote(bounces: bounces)))
            }
            return rows.map { $0[1] }
        }
        return AutomationResult(autoClosed: closed, escalated: escalated)
    }
}
