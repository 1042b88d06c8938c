import Foundation

/// One audit record as undo reads it.
struct UndoneRecord {
    var reportID: Int64
    var actor: String
    var action: LifecycleAction
    var fromState: ReportState
    var fromAgencyID: Int64?
}

/// What undo reads and writes inside one write transaction, beside the action steps' report lock,
/// clocks and deadline; the deciding is ``UndoFlow``'s.
protocol UndoSteps: ActionSteps {
    /// The lifecycle action recorded as `auditID`, nil when it is not one.
    func undoneRecord(_ auditID: Int64) throws -> UndoneRecord?
    func latestAuditID(reportID: Int64) throws -> Int64?
    /// Whether the report's last route or return before `auditID` was a return.
    func lastRoutingWasReturn(reportID: Int64, before auditID: Int64) throws -> Bool
    /// Puts the report back (its version moves; its state's clock restarts now).
    func restore(reportID: Int64, state: ReportState, agencyID: Int64?, bounces: Int, returned: Bool, at now: Date) throws
    /// Clears what the undone action wrote into an information request's register row.
    func undoRequestStep(_ action: LifecycleAction, reportID: Int64, from: ReportState) throws
    func appendUndoAudit(_ entry: AuditEntry, fromAgencyID: Int64?, toAgencyID: Int64?) throws
}
