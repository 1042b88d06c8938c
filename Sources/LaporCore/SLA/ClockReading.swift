import Foundation

/// Where one SLA clock of one report stands at a given instant.
public struct ClockReading: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable, Codable {
        case onTrack = "on_track", dueSoon = "due_soon", overdue, met, breached, paused
    }

    public var clock: SLAClock
    public var start: Date
    /// The deadline, pushed later by the time the clock spent paused.
    public var deadline: Date
    /// When the clock turns due soon (same shift as the deadline).
    public var dueSoonAt: Date
    public var stoppedAt: Date?
    public var paused: Bool
    public var status: Status
    public var limit: SLALimit
    /// The calendar the clock counts on (the agency's own for follow-up).
    public var calendar: String

    public var isRunning: Bool { stoppedAt == nil && !paused }
}

/// One step of a report's history as the clocks need it.
public struct ClockEvent: Sendable, Equatable {
    public var action: LifecycleAction
    public var at: Date
    public var from: ReportState
    public var toAgencyID: Int64?

    public init(action: LifecycleAction, at: Date, from: ReportState, toAgencyID: Int64? = nil) {
        self.action = action; self.at = at; self.from = from; self.toAgencyID = toAgencyID
    }
}
