import Foundation

/// What the terminal desk reads and writes, on either engine: the commands' store plus the
/// queue's positions and counts, the board's tallies, templates, suggestions and incidents.
public protocol DeskBackend: DeskStore, DeskAdministering, RoutingReading, RequestRegistering, IdentityRevealing {
    /// How often the desk asks ``changeMarker()`` whether another process changed the desk.
    var changeCheckInterval: TimeInterval { get }
    /// A value that moves whenever another process (or this one) changed the desk.
    func changeMarker() throws -> Int64
    /// Ids a plain full-text search matches, ascending; nil when the engine has no such shortcut.
    func fullTextHits(_ filter: String) throws -> [Int64]?
    func hasIncidents() throws -> Bool
    func report(id: Int64, for user: User) throws -> Report
    func similar(to ref: String, for user: User, limit: Int) throws -> [SimilarReport]
    func templates(for user: User, action: LifecycleAction?) throws -> [ReplyTemplate]
    func fillNotes(_ texts: [(text: String, language: Language)], reportID id: Int64, agency agencyRef: String?,
                   by user: User) throws -> [String]
    func group(_ refs: [String], into primaryRef: String, by user: User, at now: Date) throws -> IncidentSummary
    /// Takes reports out of their incident; the primary dissolves it.
    func ungroup(_ refs: [String], by user: User, at now: Date) throws -> [String]
    func undo(auditID: Int64, by user: User, at now: Date) throws -> Report
    func countReports(_ condition: ReportCondition?, for user: User, cap: Int) throws -> (Int, Bool)
    func position(ofNextAmong hits: [Int64], after index: Int, forward: Bool, for user: User,
                  budget: Int) throws -> HitPosition
    func position(ofNext matching: ReportCondition, within: ReportCondition?, after index: Int, forward: Bool,
                  for user: User, walkOrder: Bool) throws -> Int?
    func reportIDs(_ condition: ReportCondition?, for user: User) throws -> [Int64]
    func agencyTallies(now: Date, for user: User) throws -> [AgencyTally]
    func slaGroups(now: Date, for user: User) throws -> [(clock: String, agency: String, overdue: Int, dueSoon: Int)]
    func bouncedReports(limit: Int, for user: User) throws -> [Report]
    func memberCounts(_ ids: [Int64]) throws -> [Int64: Int]
    func act(_ action: LifecycleAction, reportID: Int64, by user: User, at now: Date, note: String,
             agency agencyRef: String?, expectedVersion: Int?, fill: Language?, detail: ActionDetail) throws -> ActionResult
    func reportDayRange(for user: User) throws -> (Trend.Day, Trend.Day)?
    func breakdown(from: Trend.Day, to: Trend.Day,
                   for user: User) throws -> (channels: [(String, Int)], categories: [(String, Int)])
}

extension DeskBackend {
    public func position(ofNextAmong hits: [Int64], after index: Int, forward: Bool, for user: User) throws -> HitPosition {
        try position(ofNextAmong: hits, after: index, forward: forward, for: user, budget: 20_000)
    }
}

extension LaporStore: DeskBackend {
    /// A cheap read of the audit trail's last id, asked a little more than once a second.
    public var changeCheckInterval: TimeInterval { 0.7 }
}
