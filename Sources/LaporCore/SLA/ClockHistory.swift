import Foundation

/// A report's audit records as the clocks replay them: both engines read these rows (in audit
/// order, per report) and this turns them into ``ClockEvent``s.
public struct ClockHistory {
    /// One audit record of a report, with the report's submission time and type.
    public struct Record: Sendable {
        public var reportID: Int64
        public var action: String
        public var at: Date
        public var fromState: String?
        public var toAgencyID: Int64?
        public var toState: String?
        public var submittedAt: Date
        public var type: ReportType

        public init(reportID: Int64, action: String, at: Date, fromState: String?, toAgencyID: Int64?, toState: String?,
                    submittedAt: Date, type: ReportType) {
            self.reportID = reportID; self.action = action; self.at = at; self.fromState = fromState
            self.toAgencyID = toAgencyID; self.toState = toState; self.submittedAt = submittedAt; self.type = type
        }
    }

    public private(set) var events: [Int64: [ClockEvent]] = [:]

    public init() {}

    /// Adds the next record (records of one report arrive in audit order).
    public mutating func add(_ record: Record) {
        // An import (or an import that changed the state) stands for the history the file implies.
        if record.action == "import_update" && record.fromState == record.toState { return }
        if record.action == "import" || record.action == "import_update",
           let state = record.toState.flatMap(ReportState.init(rawValue:)) {
            events[record.reportID] = SLAClocks.importedEvents(to: state, at: record.submittedAt, agencyID: record.toAgencyID,
                                                               type: record.type)
            return
        }
        // An undo cancels the event it compensates, which is always the report's latest.
        if record.action == "undo" {
            _ = events[record.reportID]?.popLast()
            return
        }
        guard let action = LifecycleAction(rawValue: record.action),
              let from = record.fromState.flatMap(ReportState.init(rawValue:)) else { return }
        events[record.reportID, default: []].append(ClockEvent(action: action, at: record.at, from: from,
                                                               toAgencyID: record.toAgencyID))
    }
}
