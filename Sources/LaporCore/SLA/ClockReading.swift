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
    /// Time the clock has spent paused so far, in the limit's unit: working seconds on the clock's
    /// calendar for a working-day limit, wall-clock seconds otherwise.
    public var pausedSeconds: TimeInterval = 0
    /// The deadline lies in a year the clock's calendar has no holidays for, so it may come early.
    public var beyondCalendar = false

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

extension ClockReading {
    /// The paused time so far in the limit's unit, for people: `2 hari kerja 4 jam` /
    /// `2 working days 4 h` on a working-day clock, `3 hari 2 jam` / `3 days 2 h` otherwise; nil when never paused.
    public func pausedText(_ language: Language) -> String? {
        let minutes = Int((pausedSeconds / 60).rounded())
        guard minutes > 0 else { return nil }
        let days = minutes / 1440
        let hours = (minutes % 1440) / 60
        let mins = minutes % 60
        let working = if case .workingDays = limit { true } else { false }
        let dayWord = switch (working, language) {
        case (true, .id): "hari kerja"
        case (true, .en): days == 1 ? "working day" : "working days"
        case (false, .id): "hari"
        case (false, .en): days == 1 ? "day" : "days"
        }
        var parts: [String] = []
        if days > 0 { parts.append("\(days) \(dayWord)") }
        if hours > 0 { parts.append("\(hours) \(language == .id ? "jam" : "h")") }
        if mins > 0 && days == 0 { parts.append("\(mins) \(language == .id ? "menit" : "min")") }
        return parts.joined(separator: " ")
    }

    /// What JSON calls the unit of `pausedSeconds`.
    public var pausedUnit: String {
        if case .workingDays = limit { "working_time" } else { "clock_time" }
    }
}
