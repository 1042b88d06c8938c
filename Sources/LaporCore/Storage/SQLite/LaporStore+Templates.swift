import Foundation
import GRDB

/// Reply templates: read by every desk user (a liaison sees its agency's and the shared ones),
/// changed by supervisors only, each change audited with the template's text.
extension LaporStore {
    /// The templates `user` may use, by name; with `action`, only those that fit it.
    public func templates(for user: User, action: LifecycleAction? = nil) throws -> [ReplyTemplate] {
        try read { db in
            try Self.loadTemplates(db).filter { stored in
                Self.templateVisible(stored, to: user) && (action.map(stored.template.fits) ?? true)
            }.map(\.template)
        }
    }

    /// One template by name, if `user` may see it.
    public func template(named name: String, for user: User) throws -> ReplyTemplate {
        try read { db in try Self.visibleTemplate(db, name, for: user) }
    }

    /// Adds a template (`replacing` false) or changes an existing one (`replacing` true).
    @discardableResult
    public func saveTemplate(_ template: ReplyTemplate, replacing: Bool, by actor: User, at now: Date) throws -> ReplyTemplate {
        try Self.requireTemplateAdmin(actor)
        let checked = try template.validated()
        return try write { db in
            let existing = try Self.loadTemplates(db).first { $0.template.name == checked.name }
            if replacing && existing == nil { throw LaporError.templateNotFound(checked.name) }
            if !replacing && existing != nil { throw LaporError.duplicate("Template \(checked.name)") }
            try Self.storeTemplate(db, checked, action: replacing ? "template_edit" : "template_add", by: actor, at: now)
            return checked
        }
    }

    /// Removes a template; the audit record keeps its last text.
    public func removeTemplate(_ name: String, by actor: User, at now: Date) throws {
        try Self.requireTemplateAdmin(actor)
        try write { db in
            guard let stored = try Self.loadTemplates(db).first(where: { $0.template.name == name }) else {
                throw LaporError.templateNotFound(name)
            }
            try db.execute(sql: "DELETE FROM reply_template WHERE name = ?", arguments: [name])
            try Self.appendAudit(db, AuditEntry(at: now, actor: actor.login, role: actor.role, action: "template_remove",
                                                note: "\(name): \(stored.template.text)"), toAgencyID: stored.agencyID)
        }
    }

    /// Loads a file's templates in one transaction: new names are added, changed ones replaced,
    /// equal ones left alone (no audit record). Nothing changes if one of them is refused.
    public func importTemplates(_ templates: [ReplyTemplate], by actor: User, at now: Date) throws
        -> (added: Int, updated: Int, unchanged: Int) {
        try Self.requireTemplateAdmin(actor)
        let checked = try templates.map { try $0.validated() }
        return try write { db in
            let existing = Dictionary(try Self.loadTemplates(db).map { ($0.template.name, $0.template) }, uniquingKeysWith: { a, _ in a })
            var counts = (added: 0, updated: 0, unchanged: 0)
            for template in checked {
                if let old = existing[template.name] {
                    if old == template { counts.unchanged += 1; continue }
                    try Self.storeTemplate(db, template, action: "template_edit", by: actor, at: now)
                    counts.updated += 1
                } else {
                    try Self.storeTemplate(db, template, action: "template_add", by: actor, at: now)
                    counts.added += 1
                }
            }
            return counts
        }
    }

    /// A template filled for one report, for `action`: refused when the template does not fit the
    /// action or `user` may not see the report. `agency` names a route's target.
    public func fillTemplate(_ name: String, action: LifecycleAction, report ref: String, agency agencyRef: String? = nil,
                             by user: User, at now: Date) throws -> String {
        try read { db in
            let template = try Self.visibleTemplate(db, name, for: user)
            guard template.fits(action) else {
                throw LaporError.invalidArgument("Template \(name) is for \(template.actionList), not \(action.rawValue).")
            }
            guard let report = try Self.findReport(db, ref) else { throw LaporError.reportNotFound(ref) }
            return try Self.fill(db, template.text, report: report, agencyName: Self.agencyName(db, agencyRef),
                                 language: template.language, by: user, zone: zone)
        }
    }

    /// Several texts filled for the report `id` in one read (the desk's template list: each template
    /// in its own language).
    public func fillNotes(_ texts: [(text: String, language: Language)], reportID id: Int64, agency agencyRef: String? = nil,
                          by user: User) throws -> [String] {
        try read { db in
            guard let report = try Self.findReport(db, id: id) else { throw LaporError.reportNotFound(String(id)) }
            let agency = try Self.agencyName(db, agencyRef)
            return try texts.map { try Self.fill(db, $0.text, report: report, agencyName: agency, language: $0.language, by: user, zone: zone) }
        }
    }

    /// The name of a route's target for `{instansi}`, resolved once for every report it is filled for.
    static func agencyName(_ db: Database, _ agencyRef: String?) throws -> String? {
        guard let agencyRef, !agencyRef.isEmpty else { return nil }
        return try resolveAgency(db, agencyRef).name
    }

    /// `agencyName` is a route's target; nil is the report's own agency.
    static func fill(_ db: Database, _ text: String, report: Report, agencyName target: String?, language: Language,
                     by user: User, zone: DeskZone) throws -> String {
        var agencyName = target
        if agencyName == nil, let id = report.agencyID {
            agencyName = try String.fetchOne(db, sql: "SELECT name FROM agency WHERE id = ?", arguments: [id])
        }
        return try TemplateText.fill(text, for: report, agencyName: agencyName, by: user, zone: zone, language: language)
    }

    struct StoredTemplate {
        var template: ReplyTemplate
        var agencyID: Int64?
    }

    static func loadTemplates(_ db: Database) throws -> [StoredTemplate] {
        try Row.fetchAll(db, sql: """
            SELECT t.name, t.lang, t.actions, t.agency_id, a.code, t.text
            FROM reply_template t LEFT JOIN agency a ON a.id = t.agency_id ORDER BY t.name
            """).map { row in
            let actions = (row[2] as String).split(separator: ",").compactMap { LifecycleAction(rawValue: String($0)) }
            let template = ReplyTemplate(name: row[0], language: Language(rawValue: row[1]) ?? .id, actions: actions,
                                         agencyCode: row[4], text: row[5])
            return StoredTemplate(template: template, agencyID: row[3])
        }
    }

    static func templateVisible(_ stored: StoredTemplate, to user: User) -> Bool {
        guard let own = stored.agencyID, user.role == .agency else { return true }
        return user.agencyID == own
    }

    static func visibleTemplate(_ db: Database, _ name: String, for user: User) throws -> ReplyTemplate {
        try ReplyTemplate.pick(name, among: loadTemplates(db).map { ($0.template, $0.agencyID) }, for: user)
    }

    static func storeTemplate(_ db: Database, _ template: ReplyTemplate, action: String, by actor: User, at now: Date) throws {
        let agencyID = try template.agencyCode.map { try resolveAgency(db, $0).id }
        var stored = template
        if let agencyID { stored.agencyCode = try String.fetchOne(db, sql: "SELECT code FROM agency WHERE id = ?", arguments: [agencyID]) }
        try db.execute(sql: """
            INSERT INTO reply_template (name, lang, actions, agency_id, text, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET lang = excluded.lang, actions = excluded.actions, agency_id = excluded.agency_id,
                text = excluded.text, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, arguments: [stored.name, stored.language.rawValue, stored.actions.map(\.rawValue).joined(separator: ","), agencyID,
                             stored.text, RowDecoding.seconds(now), actor.login])
        try appendAudit(db, AuditEntry(at: now, actor: actor.login, role: actor.role, action: action,
                                       note: "\(stored.name): \(stored.text)"), toAgencyID: agencyID)
    }

    static func requireTemplateAdmin(_ actor: User) throws {
        guard Permissions.mayAdminister(actor.role) else {
            throw LaporError.permissionDenied(login: actor.login, role: actor.role, what: "change reply templates")
        }
    }
}
