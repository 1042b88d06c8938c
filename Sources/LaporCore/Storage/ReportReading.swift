import Foundation

/// What the read-only commands (`list`, `export`, `show`, `audit`, `sla`, `stats`) need from a desk,
/// answered by both engines: SQLite's ``LaporStore`` and PostgreSQL's ``PGStore``. Visibility, agency
/// resolution, clocks and the board's figures are decided in the core from what each engine loads.
public protocol ReportReading: AnyObject {
    /// The file path or the server's URI without its password, for messages.
    var location: String { get }
    var zone: DeskZone { get }
    /// Whether the desk has any human user yet (a fresh store has only the system user).
    func hasPeople() throws -> Bool
    /// The desk user with this login, or ``LaporError/unknownUser(login:)``.
    func user(login: String) throws -> User
    /// The current agencies (merged ones left out), by code.
    func agencies() throws -> [Agency]
    /// Merged agency id → the id of the agency it became.
    func mergedAgencies() throws -> [Int64: Int64]
    /// The agency named by code, name or alias (``Agency/resolve(_:among:)``).
    func agency(named ref: String) throws -> Agency
    /// Reports matching the query, limited to what `user` may see.
    func reports(_ query: ReportQuery, for user: User) throws -> [Report]
    /// How many reports match, limited to what `user` may see.
    func countReports(_ condition: ReportCondition?, for user: User) throws -> Int
    /// The desk's working calendar (national holidays), for `~w` in filters.
    func deskCalendar() throws -> WorkingCalendar

    // What `show` and `audit` read.

    /// One report by tracking id (with or without `#`) or internal id, if `user` may see it.
    func report(_ ref: String, for user: User) throws -> Report
    /// The agencies a report has been routed to, in order, with returns marked.
    func routingChain(reportID: Int64) throws -> [RoutingStep]
    /// The audit trail (of one report when `ref` is given), newest last, through `user`'s visibility.
    func audit(_ ref: String?, for user: User, limit: Int?) throws -> [AuditEntry]
    /// Every SLA clock of one report, judged at `now`.
    func clockReadings(reportID: Int64, now: Date) throws -> [ClockReading]
    /// What an imported LAPOR! row said in its own words.
    func origin(trackingID: String) throws -> ReportOrigin?
    /// The incident a report is in, if any.
    func incident(of reportID: Int64) throws -> IncidentSummary?
    /// An information request's register row and objection window.
    func requestStatus(reportID: Int64) throws -> RequestStatus?

    // What `sla` and `stats` read.

    /// The clock engine from the desk's policy, calendars and agencies' calendars.
    func clockEngine() throws -> SLAClocks
    /// Every clock of each open report matching `condition` that `user` may see, judged at `now`, by id.
    func slaReadings(_ condition: ReportCondition?, for user: User, now: Date) throws -> [(Report, [ClockReading])]
    /// Reports submitted per day (desk zone) between two days inclusive, as `user` sees them; without a
    /// condition they come from the daily counters.
    func dailyCounts(from: Trend.Day, to: Trend.Day, condition: ReportCondition?,
                     for user: User) throws -> [Trend.Day: Int]
    /// The disposition board for reports submitted between two days inclusive, judged at `now`, by code.
    func board(from: Trend.Day, to: Trend.Day, now: Date, for user: User) throws -> [BoardLine]
    /// Rows where the kept daily counters differ from a full recount (0 when they agree).
    func verifyDailyCounts() throws -> Int
}

extension ReportReading {
    /// Every report submitted per day, from the counters.
    public func dailyCounts(from: Trend.Day, to: Trend.Day, for user: User) throws -> [Trend.Day: Int] {
        try dailyCounts(from: from, to: to, condition: nil, for: user)
    }
}
