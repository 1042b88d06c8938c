/// One agency on the disposition board: how many of its reports are in each state, how many are
/// overdue, how often and how fast it followed up, how often its reports bounced.
public struct BoardLine: Sendable, Equatable {
    public var code: String
    public var name: String
    public var counts: [ReportState: Int]
    public var overdue: Int
    /// Share of first follow-ups within the follow-up limit (nil when none happened in the period).
    public var followUpMetPercent: Double?
    public var medianFollowUpWorkingDays: Double?
    public var bounces: Int
    /// Incidents among the agency's reports, and the reports they hold (members and primaries).
    public var incidents = 0
    public var incidentReports = 0

    public init(code: String, name: String) {
        self.code = code
        self.name = name
        counts = [:]
        overdue = 0
        bounces = 0
    }
}
