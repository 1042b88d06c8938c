import Foundation

/// What a report row keeps of its clocks for the queue's `~d`/`~D` terms and the due sort: the
/// earliest running deadline, the earliest "due soon" moment and which clock it is. Nothing
/// running (resolved, paused, archived) is all nil.
public struct DueMark: Sendable, Equatable {
    public var deadline: Date?
    public var soon: Date?
    public var clock: SLAClock?

    public init(readings: [ClockReading]) {
        let running = readings.filter(\.isRunning)
        let first = running.min { $0.deadline < $1.deadline }
        deadline = first?.deadline
        soon = running.map(\.dueSoonAt).min()
        clock = first?.clock
    }
}
