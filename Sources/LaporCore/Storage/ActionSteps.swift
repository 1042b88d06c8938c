import Foundation

/// How a command names the report an action is for.
public enum ReportKey: Sendable {
    /// A tracking id (with or without `#`), or an internal id as text.
    case ref(String)
    case id(Int64)

    var text: String {
        switch self {
        case .ref(let ref): ref
        case .id(let id): String(id)
        }
    }
}

/// One decided action as an engine stores it: the report row after, and the audit record.
struct ActionChange {
    var action: LifecycleAction
    var before: Report
    var after: Report
    var user: User
    var at: Date
    var note: String
    var viaIncident: Int64?
    var detail: ActionDetail
}

/// What one lifecycle action reads and writes, inside one of the engine's write transactions.
/// Each engine answers these with its own SQL; ``ActionFlow`` does the deciding for both.
protocol ActionSteps {
    /// The report, held against other writers until the transaction ends.
    func lockReport(_ key: ReportKey) throws -> Report?
    /// An incident primary's other reports in `states`, by submission, held the same way.
    func lockMembers(of primaryID: Int64, in states: [ReportState]) throws -> [Report]
    func clockEngine() throws -> SLAClocks
    /// The agencies a route may name (merged ones left out).
    func currentAgencies() throws -> [Agency]
    func agencyName(id: Int64) throws -> String?
    /// The report's lifecycle events as its clocks read them, including what this transaction wrote.
    func clockEvents(reportID: Int64) throws -> [ClockEvent]
    /// The register row of an information request, numbered first if it has none yet.
    func registeredRequest(reportID: Int64) throws -> InformationRequest
    /// Writes the report row and appends the audit record; returns the record's id.
    func store(_ change: ActionChange) throws -> Int64
    /// Writes the legal step an action took into the request's register row.
    func recordRequestStep(_ change: ActionChange, request: InformationRequest) throws
    func storeDue(reportID: Int64, _ mark: DueMark) throws
}
