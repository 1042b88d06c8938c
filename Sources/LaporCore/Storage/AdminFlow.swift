import Foundation

/// The supervisor's changes, decided once for both engines: who may, what is valid, what is a
/// duplicate, and the audit record each change leaves. Runs inside the engine's write transaction.
struct AdminFlow<Steps: AdminSteps> {
    let steps: Steps
    let now: Date

    init(_ steps: Steps, at now: Date) {
        self.steps = steps
        self.now = now
    }

    /// Makes `login` the first supervisor of a desk without people; an existing user is returned
    /// as is; anyone else is refused once the desk has people.
    func initialize(login: String) throws -> User {
        if let user = try steps.user(login: login) { return user }
        guard try steps.peopleCount() == 0 else { throw LaporError.unknownUser(login: login) }
        if try steps.user(login: User.systemLogin) == nil { try seedNewDesk() }
        let user = try steps.insertUser(User(login: login, name: login, role: .supervisor), at: now)
        try audit(AuditEntry(at: now, actor: login, role: .supervisor, action: "init",
                             note: "first user \(login) becomes supervisor"))
        return user
    }

    /// What every new desk starts with (SQLite's migrations write it; a server's schema starts
    /// empty so that `db copy` can fill it): the system user, the bundled national calendar and
    /// the starter reply templates, none of them audited, as there.
    private func seedNewDesk() throws {
        let epoch = Date(timeIntervalSince1970: 0)
        let system = try steps.insertUser(User(login: User.systemLogin, name: "Sistem Lapor Desk", role: .system),
                                          at: epoch)
        for entry in CalendarEntry.bundledDefaults { try steps.storeCalendarEntry(entry) }
        for template in StarterTemplates.all {
            try steps.storeTemplate(try template.validated(), agencyID: nil,
                                    by: User(login: "system", role: system.role), at: epoch)
        }
    }

    func addUser(login raw: String, name: String, role: Role, agency agencyRef: String?, by actor: User) throws -> User {
        try Self.requireAdmin(actor, "add users")
        guard Role.assignable.contains(role) else {
            throw LaporError.invalidArgument("Role \(role.rawValue) cannot be given to a person.")
        }
        let login = raw.trimmingCharacters(in: .whitespaces)
        guard !login.isEmpty, !login.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            throw LaporError.invalidArgument("A login must be one word without spaces.")
        }
        var agencyID: Int64?
        if role == .agency {
            guard let agencyRef else { throw LaporError.invalidArgument("An agency user needs --agency CODE.") }
            agencyID = try resolveAgency(agencyRef).id
        } else if agencyRef != nil {
            throw LaporError.invalidArgument("Only agency users belong to an agency; drop --agency or use --role agency.")
        }
        if try steps.user(login: login) != nil { throw LaporError.duplicate("User \(login)") }
        let person = User(login: login, name: name.isEmpty ? login : name, role: role, agencyID: agencyID)
        let user = try steps.insertUser(person, at: now)
        try audit(AuditEntry(at: now, actor: actor.login, role: actor.role, action: "user_add",
                             note: "\(login) as \(role.rawValue)"), to: agencyID)
        return user
    }

    func addAgency(_ agency: Agency, by actor: User) throws -> Agency {
        try Self.requireAdmin(actor, "add agencies")
        guard !agency.code.isEmpty, !agency.name.isEmpty else {
            throw LaporError.invalidArgument("An agency needs a code and a name.")
        }
        if try steps.agencyTaken(code: agency.code, name: agency.name) { throw LaporError.duplicate("Agency \(agency.code)") }
        let saved = try steps.insertAgency(agency, at: now)
        try audit(AuditEntry(at: now, actor: actor.login, role: actor.role, action: "agency_add",
                             note: "\(agency.code) \(agency.name)"), to: saved.id)
        return saved
    }

    func mergeAgency(_ fromRef: String, into intoRef: String, by actor: User) throws -> AgencyMerge {
        try Self.requireAdmin(actor, "merge agencies")
        let from = try resolveAgency(fromRef)
        var into = try resolveAgency(intoRef)
        guard from.id != into.id else {
            throw LaporError.invalidArgument("\(from.code) and \(into.code) are the same agency; nothing to merge.")
        }
        let record = AuditEntry(at: now, actor: actor.login, role: actor.role, action: "agency_merge",
                                note: "\(from.code) merged into \(into.code)")
        let moved = try steps.moveAgency(from: from, into: into, record: record)
        for name in [from.code, from.name] + from.aliases where !into.isNamed(name) { into.aliases.append(name) }
        try steps.finishMerge(from: from, into: into)
        let merge = AgencyMerge(from: from, into: into, reports: moved.reports, users: moved.users, rules: moved.rules)
        try steps.appendAudit(AuditEntry(at: now, actor: actor.login, role: actor.role, action: "agency_merge",
                                         note: "\(from.code) (\(from.name)) merged into \(into.code): "
                                            + "\(merge.reports) reports, \(merge.users) users, \(merge.rules) rules"),
                              fromAgencyID: from.id, toAgencyID: into.id)
        try steps.recomputeDue()
        return merge
    }

    func setPolicy(_ change: PolicyChange, by actor: User) throws -> SLAPolicy {
        try Self.requireAdmin(actor, "change the SLA policy")
        if case .timeZone(let name) = change, DeskZone(identifier: name) == nil {
            throw LaporError.invalidArgument(
                "Unknown time zone '\(name)'; use Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT).")
        }
        let (key, value) = change.setting
        try steps.setSetting(key, to: value)
        try audit(AuditEntry(at: now, actor: actor.login, role: actor.role, action: "policy_set", note: "\(key) = \(value)"))
        if case .timeZone = change { try steps.zoneChanged() }
        try steps.recomputeDue()
        return SLAPolicy(settings: try steps.settings(prefix: "sla."))
    }

    func setIncidentPolicy(_ policy: IncidentPolicy, by actor: User) throws -> IncidentPolicy {
        try Self.requireAdmin(actor, "change the incident policy")
        guard (1...30).contains(policy.windowDays), (2...1000).contains(policy.emergingCount),
              (1...168).contains(policy.emergingHours) else {
            throw LaporError.invalidArgument(
                "Similar reports: 1 to 30 days either side; emerging: 2 to 1000 reports in 1 to 168 hours.")
        }
        for (key, value) in policy.settings { try steps.setSetting(key, to: value) }
        try audit(AuditEntry(at: now, actor: actor.login, role: actor.role, action: "policy",
                             note: "incidents: ±\(policy.windowDays) days, emerging \(policy.emergingCount) "
                                + "in \(policy.emergingHours) h"))
        return policy
    }

    /// Adds or replaces dated rows; returns (added, changed). Equal rows change nothing.
    func importCalendar(_ entries: [CalendarEntry], by actor: User) throws -> (added: Int, changed: Int) {
        try Self.requireAdmin(actor, "change holiday calendars")
        var added = 0
        var changed = 0
        for entry in entries {
            let old = try steps.calendarEntry(calendar: entry.calendar, date: entry.date)
            if old == entry { continue }
            if old == nil { added += 1 } else { changed += 1 }
            try steps.storeCalendarEntry(entry)
        }
        if added + changed > 0 {
            try audit(AuditEntry(at: now, actor: actor.login, role: actor.role, action: "calendar_import",
                                 note: "\(added) added, \(changed) changed"))
            try steps.recomputeDue()
        }
        return (added, changed)
    }

    func removeHoliday(_ day: Trend.Day, calendar: String, by actor: User) throws -> Bool {
        try Self.requireAdmin(actor, "change holiday calendars")
        guard try steps.deleteCalendarEntry(calendar: calendar, date: day) else { return false }
        try audit(AuditEntry(at: now, actor: actor.login, role: actor.role, action: "calendar_remove",
                             note: "\(calendar) \(day.text)"))
        try steps.recomputeDue()
        return true
    }

    /// Replaces the rule set; every agency must exist.
    func replaceRules(_ rules: [RoutingRule], by actor: User) throws {
        try Self.requireAdmin(actor, "change routing rules")
        let agencies = try steps.currentAgencies()
        let resolved = try rules.map { (rule: $0, agencyID: try Agency.resolve($0.agencyCode, among: agencies).id) }
        try steps.replaceRules(resolved)
        try audit(AuditEntry(at: now, actor: actor.login, role: actor.role, action: "rules_import",
                             note: "\(rules.count) rules"))
    }

    func saveTemplate(_ template: ReplyTemplate, replacing: Bool, by actor: User) throws -> ReplyTemplate {
        try Self.requireAdmin(actor, "change reply templates")
        let checked = try template.validated()
        let existing = try steps.storedTemplates().first { $0.template.name == checked.name }
        if replacing && existing == nil { throw LaporError.templateNotFound(checked.name) }
        if !replacing && existing != nil { throw LaporError.duplicate("Template \(checked.name)") }
        try store(checked, action: replacing ? "template_edit" : "template_add", by: actor)
        return checked
    }

    /// Removes a template; the audit record keeps its last text.
    func removeTemplate(_ name: String, by actor: User) throws {
        try Self.requireAdmin(actor, "change reply templates")
        guard let stored = try steps.storedTemplates().first(where: { $0.template.name == name }) else {
            throw LaporError.templateNotFound(name)
        }
        try steps.deleteTemplate(named: name)
        try audit(AuditEntry(at: now, actor: actor.login, role: actor.role, action: "template_remove",
                             note: "\(name): \(stored.template.text)"), to: stored.agencyID)
    }

    /// A file's templates: new names added, changed ones replaced, equal ones left alone.
    func importTemplates(_ templates: [ReplyTemplate], by actor: User) throws -> (added: Int, updated: Int, unchanged: Int) {
        try Self.requireAdmin(actor, "change reply templates")
        let checked = try templates.map { try $0.validated() }
        let pairs = try steps.storedTemplates().map { ($0.template.name, $0.template) }
        let existing = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        var counts = (added: 0, updated: 0, unchanged: 0)
        for template in checked {
            if let old = existing[template.name] {
                if old == template {
                    counts.unchanged += 1
                    continue
                }
                try store(template, action: "template_edit", by: actor)
                counts.updated += 1
            } else {
                try store(template, action: "template_add", by: actor)
                counts.added += 1
            }
        }
        return counts
    }

    /// A template's agency is stored by id and shown by its current code.
    private func store(_ template: ReplyTemplate, action: String, by actor: User) throws {
        let agency = try template.agencyCode.map { try resolveAgency($0) }
        var stored = template
        stored.agencyCode = agency?.code
        try steps.storeTemplate(stored, agencyID: agency?.id, by: actor, at: now)
        try audit(AuditEntry(at: now, actor: actor.login, role: actor.role, action: action,
                             note: "\(stored.name): \(stored.text)"), to: agency?.id)
    }

    private func resolveAgency(_ ref: String) throws -> Agency {
        try Agency.resolve(ref, among: steps.currentAgencies())
    }

    private func audit(_ entry: AuditEntry, to agencyID: Int64? = nil) throws {
        try steps.appendAudit(entry, fromAgencyID: nil, toAgencyID: agencyID)
    }

    static func requireAdmin(_ actor: User, _ what: String) throws {
        guard Permissions.mayAdminister(actor.role) else {
            throw LaporError.permissionDenied(login: actor.login, role: actor.role, what: what)
        }
    }
}

/// One agency under two names become one (`lapor agency merge FROM INTO`).
public struct AgencyMerge: Sendable, Equatable {
    public var from: Agency
    public var into: Agency
    public var reports = 0
    public var users = 0
    public var rules = 0
}

extension PolicyChange {
    /// The setting row a change writes.
    var setting: (key: String, value: String) {
        switch self {
        case .timeZone(let name): ("time_zone", name)
        case .limit(let clock, let limit): ("sla.\(clock.rawValue)", limit.description)
        case .dueSoonPercent(let percent): ("sla.due_soon_percent", String(percent))
        case .escalateAfterBounces(let count): ("sla.escalate_after_bounces", String(count))
        }
    }
}

extension IncidentPolicy {
    /// The policy as stored in settings; keys that are absent keep their defaults.
    init(settings: [(key: String, value: String)]) {
        self.init()
        for (key, text) in settings {
            let value = Int(text) ?? 0
            switch key {
            case "incident.window_days": windowDays = value
            case "incident.emerging_count": emergingCount = value
            case "incident.emerging_hours": emergingHours = value
            default: break
            }
        }
    }

    var settings: [(key: String, value: String)] {
        [("incident.window_days", String(windowDays)), ("incident.emerging_count", String(emergingCount)),
         ("incident.emerging_hours", String(emergingHours))]
    }
}
