import Foundation

/// What grouping reads and writes inside one write transaction, on either engine; the deciding
/// is ``IncidentFlow``'s.
protocol IncidentSteps {
    /// The report named by `key`, held for this transaction.
    func lockReport(_ key: ReportKey) throws -> Report?
    /// Every report of the incident whose primary is `primaryID` (the primary too), by id, held.
    func lockIncident(_ primaryID: Int64) throws -> [Report]
    func trackingID(of id: Int64) throws -> String?
    /// Puts a report under `primaryID` (nil: out of any incident); its version moves.
    func setIncident(reportID: Int64, to primaryID: Int64?, at now: Date) throws
    func appendAudit(_ entry: AuditEntry, viaIncident: Int64) throws
}
