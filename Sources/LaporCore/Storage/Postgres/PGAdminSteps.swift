import Foundation

/// ``AdminSteps`` on PostgreSQL, inside one of ``PGStore/write(rollback:_:)``'s transactions.
struct PGAdminSteps: AdminSteps {
    let store: PGStore

    func user(login: String) throws -> User? {
        let rows = try store.query("SELECT \(PGRowDecoding.userColumns) FROM \"user\" WHERE login = $1", [login])
        return rows.count > 0 ? PGRowDecoding.user(rows, 0) : nil
    }

    func peopleCount() throws -> Int {
        Int(try store.query("SELECT count(*) FROM \"user\" WHERE role <> 'system'").int(0, 0) ?? 0)
    }

    func currentAgencies() throws -> [Agency] {
        let rows = try store.query("SELECT \(PGRowDecoding.agencyColumns) FROM agency WHERE merged_into IS NULL ORDER BY id")
        return (0..<rows.count).map { PGRowDecoding.agency(rows, $0) }
    }

    func agencyTaken(code: String, name: String) throws -> Bool {
        try store.query("SELECT EXISTS (SELECT 1 FROM agency WHERE code = $1 OR name = $2)", [code, name]).text(0, 0) == "t"
    }

    func insertUser(_ user: User, at now: Date) throws -> User {
        let rows = try store.query("""
            INSERT INTO "user" (login, name, role, agency_id, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id
            """, [user.login, user.name, user.role.rawValue, user.agencyID.map(String.init), PGRowDecoding.seconds(now)])
        var saved = user
        saved.id = PGRowDecoding.int(rows, 0, 0) ?? 0
        // The person's server role, in the same transaction: made (or granted) by the connected
        // role's own right to create roles, so a supervisor without it is refused here.
        if Role.assignable.contains(user.role) {
            try store.query("SELECT lapor_desk_role($1, $2)", [user.login, user.role.rawValue])
        }
        return saved
    }

    func insertAgency(_ agency: Agency, at now: Date) throws -> Agency {
        try store.insertAgency(agency, at: now)
    }

    func setSetting(_ key: String, to value: String) throws {
        try store.query("""
            INSERT INTO setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """, [key, value])
    }

    func settings(prefix: String) throws -> [(key: String, value: String)] {
        let rows = try store.query("SELECT key, value FROM setting WHERE left(key, length($1)) = $1", [prefix])
        return (0..<rows.count).map { (key: rows.text($0, 0) ?? "", value: rows.text($0, 1) ?? "") }
    }

    /// `lapor_day` reads the zone from the settings, so the counts are taken again under it.
    func zoneChanged() throws {
        try store.query("""
            DELETE FROM daily_count;
            DELETE FROM daily_total;
            INSERT INTO daily_count (day, state, agency_id, category, channel, n)
                SELECT lapor_day(submitted_at), state, coalesce(agency_id, 0), category, channel, count(*)
                FROM report GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5;
            INSERT INTO daily_total (day, n) SELECT lapor_day(submitted_at), count(*) FROM report GROUP BY 1 ORDER BY 1;
            """)
    }

    /// Every open report's deadline from its clocks, written by one statement; closed ones lose theirs.
    func recomputeDue() throws {
        let zoneName = try store.query("SELECT value FROM setting WHERE key = 'time_zone'").text(0, 0)
        let engine = try store.clockEngine(zone: zoneName.flatMap(DeskZone.init(identifier:)) ?? store.zone)
        var open = PGCondition()
        let openSQL = open.sql(.open)
        let events = try store.clockEvents(whereSQL: "WHERE \(openSQL)", open.parameters)
        let rows = try store.query("SELECT id, submitted_at, type FROM report WHERE \(openSQL) ORDER BY id",
                                   open.parameters)
        var ids: [String] = []
        var deadlines: [String] = []
        var soon: [String] = []
        var clocks: [String] = []
        for i in 0..<rows.count {
            let id = Int64(rows.int(i, 0) ?? 0)
            let submitted = PGRowDecoding.date(rows, i, 1) ?? Date(timeIntervalSince1970: 0)
            let type = ReportType(rawValue: rows.text(i, 2) ?? "") ?? .pengaduan
            let readings = engine.readings(submitted: submitted, events: events[id] ?? [], now: submitted, type: type)
            let mark = DueMark(readings: readings)
            ids.append(String(id))
            deadlines.append(mark.deadline.map(PGRowDecoding.seconds) ?? "NULL")
            soon.append(mark.soon.map(PGRowDecoding.seconds) ?? "NULL")
            clocks.append(mark.clock?.rawValue ?? "NULL")
        }
        let list = { (items: [String]) in "{" + items.joined(separator: ",") + "}" }
        try store.query("""
            UPDATE report SET due_at = d.due_at, due_soon_at = d.due_soon_at, due_clock = d.due_clock
            FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[]) AS d(id, due_at, due_soon_at, due_clock)
            WHERE report.id = d.id
              AND (report.due_at, report.due_soon_at, report.due_clock)
                  IS DISTINCT FROM (d.due_at, d.due_soon_at, d.due_clock)
            """, [list(ids), list(deadlines), list(soon), list(clocks)])
        try store.query("""
            UPDATE report SET due_at = NULL, due_soon_at = NULL, due_clock = NULL
            WHERE state IN ('resolved', 'archived') AND due_at IS NOT NULL
            """)
    }

    func calendarEntry(calendar: String, date: Trend.Day) throws -> CalendarEntry? {
        let rows = try store.query("""
            SELECT date, name, kind, calendar, source FROM holiday WHERE calendar = $1 AND date = $2
            """, [calendar, date.text])
        return rows.count > 0 ? PGStore.calendarEntry(rows, 0) : nil
    }

    func storeCalendarEntry(_ entry: CalendarEntry) throws {
        try store.query("""
            INSERT INTO holiday (calendar, date, name, kind, source) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (calendar, date) DO UPDATE SET name = excluded.name, kind = excluded.kind, source = excluded.source
            """, [entry.calendar, entry.date.text, entry.name, entry.kind.rawValue, entry.source])
    }

    func deleteCalendarEntry(calendar: String, date: Trend.Day) throws -> Bool {
        let rows = try store.query("DELETE FROM holiday WHERE calendar = $1 AND date = $2 RETURNING 1", [calendar, date.text])
        return rows.count > 0
    }

    func replaceRules(_ rules: [(rule: RoutingRule, agencyID: Int64)]) throws {
        try store.query("DELETE FROM routing_rule")
        for (rule, agencyID) in rules {
            try store.query("""
                INSERT INTO routing_rule (kind, pattern, agency_id, weight, categories) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (kind, pattern, agency_id) DO UPDATE SET weight = excluded.weight, categories = excluded.categories
                """, [rule.kind.rawValue, rule.pattern, String(agencyID), String(rule.weight),
                      rule.categories.joined(separator: "|")])
        }
    }

    func storedTemplates() throws -> [(template: ReplyTemplate, agencyID: Int64?)] { try store.storedTemplates() }

    func storeTemplate(_ template: ReplyTemplate, agencyID: Int64?, by actor: User, at now: Date) throws {
        try store.query("""
            INSERT INTO reply_template (name, lang, actions, agency_id, text, updated_at, updated_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (name) DO UPDATE SET lang = excluded.lang, actions = excluded.actions,
                agency_id = excluded.agency_id, text = excluded.text, updated_at = excluded.updated_at,
                updated_by = excluded.updated_by
            """, [template.name, template.language.rawValue, template.actions.map(\.rawValue).joined(separator: ","),
                  agencyID.map(String.init), template.text, PGRowDecoding.seconds(now), actor.login])
    }

    func deleteTemplate(named name: String) throws {
        try store.query("DELETE FROM reply_template WHERE name = $1", [name])
    }

    func moveAgency(from: Agency, into: Agency, record: AuditEntry) throws -> (reports: Int, users: Int, rules: Int) {
        let ids = [String(into.id), String(from.id)]
        try store.query("""
            INSERT INTO audit (at, actor, role, action, report_id, from_agency_id, to_agency_id, note)
            SELECT $1, $2, $3, $4, id, $5, $6, $7 FROM report WHERE agency_id = $5 ORDER BY id
            """, [PGRowDecoding.seconds(record.at), record.actor, record.role.rawValue, record.action,
                  String(from.id), String(into.id), record.note])
        let reports = try store.query("""
            UPDATE report SET agency_id = $1, version = version + 1 WHERE agency_id = $2 RETURNING 1
            """, ids).count
        let users = try store.query("UPDATE \"user\" SET agency_id = $1 WHERE agency_id = $2 RETURNING 1", ids).count
        let rules = try store.query("""
            UPDATE routing_rule r SET agency_id = $1 WHERE agency_id = $2
              AND NOT EXISTS (SELECT 1 FROM routing_rule o
                              WHERE o.agency_id = $1 AND o.kind = r.kind AND o.pattern = r.pattern)
            RETURNING 1
            """, ids).count
        try store.query("DELETE FROM routing_rule WHERE agency_id = $1", [String(from.id)])
        return (reports, users, rules)
    }

    func finishMerge(from: Agency, into: Agency) throws {
        try store.query("UPDATE agency SET aliases = $1 WHERE id = $2",
                        [into.aliases.joined(separator: "\n"), String(into.id)])
        try store.query("UPDATE agency SET merged_into = $1 WHERE id = $2 OR merged_into = $2",
                        [String(into.id), String(from.id)])
    }

    func appendAudit(_ entry: AuditEntry, fromAgencyID: Int64?, toAgencyID: Int64?) throws {
        try store.appendAudit(entry, fromAgencyID: fromAgencyID, toAgencyID: toAgencyID)
    }
}
