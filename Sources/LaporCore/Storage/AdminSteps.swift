import Foundation

/// What the supervisor's changes (people, agencies, policy, calendars, rules, templates) read and
/// write inside one of the engine's write transactions. Each engine answers with its own SQL;
/// ``AdminFlow`` decides for both, so the same command refuses and records the same on either.
protocol AdminSteps {
    func user(login: String) throws -> User?
    /// People other than the system user.
    func peopleCount() throws -> Int
    /// The agencies a name may resolve to (merged ones left out).
    func currentAgencies() throws -> [Agency]
    func agencyTaken(code: String, name: String) throws -> Bool
    func insertUser(_ user: User, at now: Date) throws -> User
    func insertAgency(_ agency: Agency, at now: Date) throws -> Agency
    func setSetting(_ key: String, to value: String) throws
    func settings(prefix: String) throws -> [(key: String, value: String)]
    /// After the desk's zone changed: what is kept per calendar day is counted again in the new zone.
    func zoneChanged() throws
    /// Every open report's stored deadline, after the policy or a calendar changed.
    func recomputeDue() throws
    func calendarEntry(calendar: String, date: Trend.Day) throws -> CalendarEntry?
    func storeCalendarEntry(_ entry: CalendarEntry) throws
    func deleteCalendarEntry(calendar: String, date: Trend.Day) throws -> Bool
    /// Replaces the whole rule set; each rule comes with its agency's id.
    func replaceRules(_ rules: [(rule: RoutingRule, agencyID: Int64)]) throws
    /// Every template with the agency it belongs to (nil: shared), by name.
    func storedTemplates() throws -> [(template: ReplyTemplate, agencyID: Int64?)]
    func storeTemplate(_ template: ReplyTemplate, agencyID: Int64?, by actor: User, at now: Date) throws
    func deleteTemplate(named name: String) throws
    /// Moves FROM's reports (one `agency_merge` record each, `record` as their template), liaisons
    /// and rules to INTO; returns how many of each moved.
    func moveAgency(from: Agency, into: Agency, record: AuditEntry) throws -> (reports: Int, users: Int, rules: Int)
    /// Stores INTO's aliases and marks FROM (and what was merged into FROM) as merged into INTO.
    func finishMerge(from: Agency, into: Agency) throws
    func appendAudit(_ entry: AuditEntry, fromAgencyID: Int64?, toAgencyID: Int64?) throws
}
