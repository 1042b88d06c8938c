import Foundation

/// What an import batch did, for the importer's accounting.
public struct ImportBatchResult: Sendable, Equatable {
    public var inserted = 0, updated = 0, unchanged = 0, conflicts = 0
    public var createdAgencies: [String] = []
    /// Agencies created (code, name) and spellings recorded as aliases (spelling, code), in order.
    public var agencyNotes: [ImportAgencyNote] = []
}

/// An agency an import created (`created`), or a spelling it recognised as an existing agency's alias.
public struct ImportAgencyNote: Sendable, Equatable {
    public var code: String
    public var name: String
    public var created: Bool
}

/// The agency writes an import may make, inside the batch's transaction.
protocol AgencySteps: AnyObject {
    /// The agencies a name may resolve to (merged ones left out), oldest first.
    func currentAgencies() throws -> [Agency]
    func saveAliases(of agency: Agency) throws
    /// Inserts the agency and returns it with its id.
    func insertAgency(_ agency: Agency) throws -> Agency
    func appendAudit(_ entry: AuditEntry, fromAgencyID: Int64?, toAgencyID: Int64?) throws
}

/// What one import batch reads and writes, inside one of the engine's write transactions.
/// ``ImportFlow`` decides (insert, update, unchanged, conflict) for both engines; new reports wait
/// in the engine's stage and move into the report table together, with one `import` record each.
protocol ImportSteps: AgencySteps {
    func clockEngine() throws -> SLAClocks
    /// The tracking ids among `trackingIDs` the desk already holds.
    func existing(_ trackingIDs: [String]) throws -> Set<String>
    /// A stored report and whether the desk has acted on it since it arrived.
    func stored(trackingID: String) throws -> (report: Report, deskTouched: Bool)?
    /// The stored report as it compares with `incoming`: where this connection reads identities
    /// masked, a protected identity the server holds unchanged counts as the incoming one.
    func comparable(_ stored: Report, with incoming: Report) throws -> Report
    func storeOrigin(_ origin: ReportOrigin, trackingID: String) throws
    /// Whether a report with this tracking id waits in the stage.
    func holds(_ trackingID: String) -> Bool
    func stage(_ report: Report, due: ClockReading?) throws
    /// Moves the staged reports into the table in file order (counters, register numbers and one
    /// `import` record each); returns their tracking ids.
    func flush() throws -> Set<String>
    /// Writes an imported change of a stored report and its `import_update` record.
    func update(_ report: Report, previous: Report, due: ClockReading?) throws
}

extension ImportSteps {
    func comparable(_ stored: Report, with incoming: Report) throws -> Report { stored }
}
