import Foundation
import GRDB

/// Reply templates: read by every desk user (a liaison sees its agency's and the shared ones),
/// changed by supervisors only, each change audited with the template's text.
extension LaporStore {
    /// The templates `user` may use, by name; with `action`, only those that fit it.
    public func templates(for user: User, action: LifecycleAction? = nil) throws -> [ReplyTemplate] {
        try read { db in ReplyTemplate.usable(try Self.loadTemplates(db), for: user, action: action) }
    }

    /// One template by name, if `user` may see it.
    public func template(named name: String, for user: User) throws -> ReplyTemplate {
        try read { db in try Self.visibleTemplate(db, name, for: user) }
    }

    /// Adds a template (`replacing` false) or changes an existing one (`replacing` true).
    @discardableResult
    public func saveTemplate(_ template: ReplyTemplate, replacing: Bool, by actor: User, at now: Date) throws -> ReplyTemplate {
        try administer(at: now) { try $0.saveTemplate(template, replacing: replacing, by: actor) }
    }

    /// Removes a template; the audit record keeps its last text.
    public func removeTemplate(_ name: String, by actor: User, at now: Date) throws {
        try administer(at: now) { try $0.removeTemplate(name, by: actor) }
    }

    /// Loads a file's templates in one transaction: new names are added, changed ones replaced,
    /// equal ones left alone (no audit record). Nothing changes if one of them is refused.
    public func importTemplates(_ templates: [ReplyTemplate], by actor: User, at now: Date) throws
        -> (added: Int, updated: Int, unchanged: Int) {
        try administer(at: now) { try $0.importTemplates(templates, by: actor) }
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

    static func loadTemplates(_ db: Database) throws -> [(template: ReplyTemplate, agencyID: Int64?)] {
        try Row.fetchAll(db, sql: """
            SELECT t.name, t.lang, t.actions, t.agency_id, a.code, t.text
            FROM reply_template t LEFT JOIN agency a ON a.id = t.agency_id ORDER BY t.name
            """).map { row in
            let actions = (row[2] as String).split(separator: ",").compactMap { LifecycleAction(rawValue: String($0)) }
            let template = ReplyTemplate(name: row[0], language: Language(rawValue: row[1]) ?? .id, actions: actions,
                                         agencyCode: row[4], text: row[5])
            return (template: template, agencyID: row[3])
        }
    }

    static func visibleTemplate(_ db: Database, _ name: String, for user: User) throws -> ReplyTemplate {
        try ReplyTemplate.pick(name, among: loadTemplates(db), for: user)
    }
}
