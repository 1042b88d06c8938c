import Foundation

/// ``IncidentSteps`` in one of ``PGStore/write(_:)``'s transactions: the incident's rows are held
/// with `FOR UPDATE`, so two operators grouping the same reports at once take turns.
extension PGActionSteps: IncidentSteps {
    func lockIncident(_ primaryID: Int64) throws -> [Report] {
        let rows = try store.query("""
            SELECT \(store.reportColumns) FROM report WHERE incident_of = $1 ORDER BY id FOR UPDATE
            """, [String(primaryID)])
        return (0..<rows.count).map { PGRowDecoding.report(rows, $0) }
    }

    func trackingID(of id: Int64) throws -> String? {
        try store.query("SELECT tracking_id FROM report WHERE id = $1", [String(id)]).text(0, 0)
    }

    func setIncident(reportID: Int64, to primaryID: Int64?, at now: Date) throws {
        try store.query("UPDATE report SET incident_of = $1, version = version + 1, updated_at = $2 WHERE id = $3",
                        [primaryID.map(String.init), PGRowDecoding.seconds(now), String(reportID)])
    }

    func appendAudit(_ entry: AuditEntry, viaIncident: Int64) throws {
        try store.appendAudit(entry, fromAgencyID: nil, toAgencyID: nil, viaIncident: viaIncident)
    }
}
