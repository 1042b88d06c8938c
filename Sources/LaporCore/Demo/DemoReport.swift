import Foundation

/// One generated report with the history that led to its current state.
public struct DemoReport: Sendable {
    public var report: Report
    /// Code of the agency it ends routed to (the report's `agencyID` is filled in on load).
    public var agencyCode: String?
    public var events: [DemoEvent]
    /// An information request's stated purpose and delivery method.
    public var request: (purpose: String, delivery: String)?
}

/// One step of a generated history, written as one audit record.
public struct DemoEvent: Sendable {
    public var action: LifecycleAction
    public var at: Date
    public var actor: String
    public var role: Role
    public var from: ReportState
    public var to: ReportState
    public var fromAgency: String?
    public var toAgency: String?
    public var note: String
    /// A request's decision or an objection's outcome.
    public var detail: ActionDetail?
}
