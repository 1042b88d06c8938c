/// What `sla --apply` did: the reports the desk closed itself and those it escalated.
public struct AutomationResult: Sendable, Equatable {
    public var autoClosed: [String]
    public var escalated: [String]

    public init(autoClosed: [String], escalated: [String]) {
        self.autoClosed = autoClosed
        self.escalated = escalated
    }
}

/// The desk's own automatic actions (user `sistem`), decided the same on both engines: which
/// reports' auto-close countdown ran out, and the note each such action and escalation carries.
public enum DueActions {
    public static let autoCloseNote = "Selesai otomatis: pelapor tidak menanggapi dalam batas waktu"

    /// The reports among `readings` whose auto-close clock is overdue, in the order given.
    public static func autoCloses(_ readings: [(Report, [ClockReading])]) -> [Report] {
        readings.filter { _, clocks in clocks.contains { $0.clock == .autoClose && $0.status == .overdue } }.map(\.0)
    }

    /// The escalation record's note: one escalation per bounce count.
    public static func escalationNote(bounces: Int) -> String { "bounces=\(bounces)" }
}
