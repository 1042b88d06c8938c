import Foundation

/// The supervisor's changes on a PostgreSQL desk: the shared ``AdminFlow`` in one write
/// transaction each, and the reads they show.
extension PGStore: DeskAdministering {
    func administer<T>(at now: Date, _ body: (AdminFlow<PGAdminSteps>) throws -> T) throws -> T {
        try write { try body(AdminFlow(PGAdminSteps(store: self), at: now)) }
    }

    /// Adds an agency row (import's new names and `agency add` alike) and returns it with its id.
    func insertAgency(_ agency: Agency, at now: Date) throws -> Agency {
        let rows = try query("""
            INSERT INTO agency (code, name, aliases, calendar, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id
            """, [agency.code, agency.name, agency.aliases.joined(separator: "\n"), agency.calendar,
                  PGRowDecoding.seconds(now)])
        var saved = agency
        saved.id = PGRowDecoding.int(rows, 0, 0) ?? 0
        return saved
    }

    public func initialize(login: String, at now: Date) throws -> User {
        try administer(at: now) { try $0.initialize(login: login) }
    }

    public func addUser(login: String, name: String, role: Role, agency agencyRef: String?, by actor: User,
                        at now: Date) throws -> User {
        try administer(at: now) { try $0.addUser(login: login, name: name, role: role, agency: agencyRef, by: actor) }
    }

    public func users() throws -> [User] {
        let rows = try query("""
            SELECT \(PGRowDecoding.userColumns) FROM "user" ORDER BY role = 'system', login COLLATE "C"
            """)
        return (0..<rows.count).map { PGRowDecoding.user(rows, $0) }
    }

    public func addAgency(_ agency: Agency, by actor: User, at now: Date) throws -> Agency {
        try administer(at: now) { try $0.addAgency(agency, by: actor) }
    }

    public func mergeAgency(_ fromRef: String, into intoRef: String, by actor: User, at now: Date) throws -> AgencyMerge {
        try administer(at: now) { try $0.mergeAgency(fromRef, into: intoRef, by: actor) }
    }

    public func policy() throws -> SLAPolicy {
        SLAPolicy(settings: try PGAdminSteps(store: self).settings(prefix: "sla."))
    }

    public func setPolicy(_ change: PolicyChange, by actor: User, at now: Date) throws -> SLAPolicy {
        try administer(at: now) { try $0.setPolicy(change, by: actor) }
    }

    public func incidentPolicy() throws -> IncidentPolicy {
        IncidentPolicy(settings: try PGAdminSteps(store: self).settings(prefix: "incident."))
    }

    public func setIncidentPolicy(_ policy: IncidentPolicy, by actor: User, at now: Date) throws -> IncidentPolicy {
        try administer(at: now) { try $0.setIncidentPolicy(policy, by: actor) }
    }

    /// By calendar, then date (SQLite's order: both are plain ASCII).
    public func calendarEntries(calendar: String?) throws -> [CalendarEntry] {
        let rows = try query("""
            SELECT date, name, kind, calendar, source FROM holiday WHERE $1::text IS NULL OR calendar = $1
            ORDER BY calendar COLLATE "C", date COLLATE "C"
            """, [calendar])
        return (0..<rows.count).map { Self.calendarEntry(rows, $0) }
    }

    public func importCalendar(_ entries: [CalendarEntry], by actor: User, at now: Date) throws -> (added: Int, changed: Int) {
        try administer(at: now) { try $0.importCalendar(entries, by: actor) }
    }

    public func removeHoliday(_ day: Trend.Day, calendar: String, by actor: User, at now: Date) throws -> Bool {
        try administer(at: now) { try $0.removeHoliday(day, calendar: calendar, by: actor) }
    }

    public func replaceRules(_ rules: [RoutingRule], by actor: User, at now: Date) throws {
        try administer(at: now) { try $0.replaceRules(rules, by: actor) }
    }

    public func saveTemplate(_ template: ReplyTemplate, replacing: Bool, by actor: User, at now: Date) throws
        -> ReplyTemplate {
        try administer(at: now) { try $0.saveTemplate(template, replacing: replacing, by: actor) }
    }

    public func removeTemplate(_ name: String, by actor: User, at now: Date) throws {
        try administer(at: now) { try $0.removeTemplate(name, by: actor) }
    }

    public func importTemplates(_ templates: [ReplyTemplate], by actor: User, at now: Date) throws
        -> (added: Int, updated: Int, unchanged: Int) {
        try administer(at: now) { try $0.importTemplates(templates, by: actor) }
    }

    public func fillTemplate(_ name: String, action: LifecycleAction, report ref: String, agency agencyRef: String?,
                             by user: User, at now: Date) throws -> String {
        let template = try template(named: name, for: user)
        guard template.fits(action) else {
            throw LaporError.invalidArgument("Template \(name) is for \(template.actionList), not \(action.rawValue).")
        }
        let report = try report(ref, for: user)
        return try fillNotes([(text: template.text, language: template.language)], reportID: report.id,
                             agency: agencyRef, by: user)[0]
    }

    /// Appends one audit record inside the caller's transaction.
    func appendAudit(_ entry: AuditEntry, fromAgencyID: Int64?, toAgencyID: Int64?, viaIncident: Int64? = nil) throws {
        try query("""
            INSERT INTO audit (at, actor, role, action, report_id, from_state, to_state, from_agency_id, to_agency_id, note,
                via_incident)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """, [PGRowDecoding.seconds(entry.at), entry.actor, entry.role.rawValue, entry.action,
                  entry.reportID.map(String.init), entry.fromState?.rawValue, entry.toState?.rawValue,
                  fromAgencyID.map(String.init), toAgencyID.map(String.init), entry.note, viaIncident.map(String.init)])
    }
}
