import Foundation
import GRDB

/// ``AdminSteps`` on SQLite, inside one of ``LaporStore``'s write transactions.
struct SQLiteAdminSteps: AdminSteps {
    let db: Database

    func user(login: String) throws -> User? {
        try Row.fetchOne(db, sql: "SELECT \(RowDecoding.userColumns) FROM user WHERE login = ?", arguments: [login])
            .map(RowDecoding.user)
    }

    func peopleCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM user WHERE role <> 'system'") ?? 0
    }

    func currentAgencies() throws -> [Agency] {
        try Row.fetchAll(db, sql: "SELECT \(RowDecoding.agencyColumns) FROM agency WHERE merged_into IS NULL")
            .map(RowDecoding.agency)
    }

    func agencyTaken(code: String, name: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM agency WHERE code = ? OR name = ?)",
                          arguments: [code, name]) ?? false
    }

    func insertUser(_ user: User, at now: Date) throws -> User { try LaporStore.insertUser(db, user, at: now) }

    func insertAgency(_ agency: Agency, at now: Date) throws -> Agency { try LaporStore.insertAgency(db, agency, at: now) }

    func setSetting(_ key: String, to value: String) throws {
        try db.execute(sql: """
            INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value
            """, arguments: [key, value])
    }

    func settings(prefix: String) throws -> [(key: String, value: String)] {
        try Row.fetchAll(db, sql: "SELECT key, value FROM setting WHERE substr(key, 1, length(?)) = ?",
                         arguments: [prefix, prefix]).map { (key: $0[0], value: $0[1]) }
    }

    func zoneChanged() throws {
        let offset = try LaporStore.zoneOffset(db)
        try DailyCounters.install(db, offsetSeconds: offset)
        try RequestRegister.install(db, offsetSeconds: offset)
    }

    func recomputeDue() throws { try LaporStore.recomputeDue(db) }

    func calendarEntry(calendar: String, date: Trend.Day) throws -> CalendarEntry? {
        try Row.fetchOne(db, sql: "SELECT date, name, kind, calendar, source FROM holiday WHERE calendar = ? AND date = ?",
                         arguments: [calendar, date.text]).map(LaporStore.calendarEntry)
    }

    func storeCalendarEntry(_ entry: CalendarEntry) throws {
        try db.execute(sql: """
            INSERT INTO holiday (calendar, date, name, kind, source) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(calendar, date) DO UPDATE SET name = excluded.name, kind = excluded.kind, source = excluded.source
            """, arguments: [entry.calendar, entry.date.text, entry.name, entry.kind.rawValue, entry.source])
    }

    func deleteCalendarEntry(calendar: String, date: Trend.Day) throws -> Bool {
        try db.execute(sql: "DELETE FROM holiday WHERE calendar = ? AND date = ?", arguments: [calendar, date.text])
        return db.changesCount > 0
    }

    func replaceRules(_ rules: [(rule: RoutingRule, agencyID: Int64)]) throws {
        try db.execute(sql: "DELETE FROM routing_rule")
        for (rule, agencyID) in rules {
            try db.execute(sql: """
                INSERT OR REPLACE INTO routing_rule (kind, pattern, agency_id, weight, categories) VALUES (?, ?, ?, ?, ?)
                """, arguments: [rule.kind.rawValue, rule.pattern, agencyID, rule.weight,
                                 rule.categories.joined(separator: "|")])
        }
    }

    func storedTemplates() throws -> [(template: ReplyTemplate, agencyID: Int64?)] {
        try LaporStore.loadTemplates(db)
    }

    func storeTemplate(_ template: ReplyTemplate, agencyID: Int64?, by actor: User, at now: Date) throws {
        try db.execute(sql: """
            INSERT INTO reply_template (name, lang, actions, agency_id, text, updated_at, updated_by)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET lang = excluded.lang, actions = excluded.actions,
                agency_id = excluded.agency_id, text = excluded.text, updated_at = excluded.updated_at,
                updated_by = excluded.updated_by
            """, arguments: [template.name, template.language.rawValue, template.actions.map(\.rawValue).joined(separator: ","),
                             agencyID, template.text, RowDecoding.seconds(now), actor.login])
    }

    func deleteTemplate(named name: String) throws {
        try db.execute(sql: "DELETE FROM reply_template WHERE name = ?", arguments: [name])
    }

    func moveAgency(from: Agency, into: Agency, record: AuditEntry) throws -> (reports: Int, users: Int, rules: Int) {
        let ids: [DatabaseValueConvertible] = [into.id, from.id]
        try db.execute(sql: """
            INSERT INTO audit (at, actor, role, action, report_id, from_agency_id, to_agency_id, note)
            SELECT ?, ?, ?, ?, id, ?, ?, ? FROM report WHERE agency_id = ? ORDER BY id
            """, arguments: [RowDecoding.seconds(record.at), record.actor, record.role.rawValue, record.action,
                             from.id, into.id, record.note, from.id])
        try db.execute(sql: "UPDATE report SET agency_id = ?, version = version + 1 WHERE agency_id = ?",
                       arguments: StatementArguments(ids))
        let reports = db.changesCount
        try db.execute(sql: "UPDATE user SET agency_id = ? WHERE agency_id = ?", arguments: StatementArguments(ids))
        let users = db.changesCount
        try db.execute(sql: "UPDATE OR IGNORE routing_rule SET agency_id = ? WHERE agency_id = ?",
                       arguments: StatementArguments(ids))
        let rules = db.changesCount
        try db.execute(sql: "DELETE FROM routing_rule WHERE agency_id = ?", arguments: [from.id])
        return (reports, users, rules)
    }

    func finishMerge(from: Agency, into: Agency) throws {
        try db.execute(sql: "UPDATE agency SET aliases = ? WHERE id = ?",
                       arguments: [into.aliases.joined(separator: "\n"), into.id])
        try db.execute(sql: "UPDATE agency SET merged_into = ? WHERE id = ? OR merged_into = ?",
                       arguments: [into.id, from.id, from.id])
    }

    func appendAudit(_ entry: AuditEntry, fromAgencyID: Int64?, toAgencyID: Int64?) throws {
        try LaporStore.appendAudit(db, entry, fromAgencyID: fromAgencyID, toAgencyID: toAgencyID)
    }
}
