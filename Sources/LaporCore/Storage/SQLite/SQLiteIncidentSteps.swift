import Foundation
import GRDB

/// ``IncidentSteps`` in the action's BEGIN IMMEDIATE transaction (the file's one writer).
extension SQLiteActionSteps: IncidentSteps {
    func lockIncident(_ primaryID: Int64) throws -> [Report] {
        try Row.fetchAll(db, sql: "SELECT \(RowDecoding.reportColumns) FROM report WHERE incident_of = ? ORDER BY id",
                         arguments: [primaryID]).map(RowDecoding.report)
    }

    func trackingID(of id: Int64) throws -> String? {
        try String.fetchOne(db, sql: "SELECT tracking_id FROM report WHERE id = ?", arguments: [id])
    }

    func setIncident(reportID: Int64, to primaryID: Int64?, at now: Date) throws {
        try db.execute(sql: "UPDATE report SET incident_of = ?, version = version + 1, updated_at = ? WHERE id = ?",
                       arguments: [primaryID, RowDecoding.seconds(now), reportID])
    }

    func appendAudit(_ entry: AuditEntry, viaIncident: Int64) throws {
        try LaporStore.appendAudit(db, entry, viaIncident: viaIncident)
    }
}
