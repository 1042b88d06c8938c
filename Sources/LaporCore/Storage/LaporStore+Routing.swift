import Foundation
import GRDB

/// Routing rules and the training data for suggestions.
extension LaporStore {
    public func rules() throws -> [RoutingRule] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.kind, r.pattern, a.code, r.weight, r.categories FROM routing_rule r JOIN agency a ON a.id = r.agency_id
                ORDER BY r.kind, r.pattern, a.code
                """).map { row in
                RoutingRule(kind: RoutingRule.Kind(rawValue: row[0]) ?? .keyword, pattern: row[1], agencyCode: row[2], weight: row[3],
                            categories: (row[4] as String).split(separator: "|").map(String.init))
            }
        }
    }

    /// Replaces the rule set (supervisor; audited); every agency must exist.
    public func replaceRules(_ rules: [RoutingRule], by actor: User, at now: Date) throws {
        guard Permissions.mayAdminister(actor.role) else {
            throw LaporError.permissionDenied(login: actor.login, role: actor.role, what: "change routing rules")
        }
        try write { db in
            try db.execute(sql: "DELETE FROM routing_rule")
            for rule in rules { try Self.insertRule(db, rule) }
            try Self.appendAudit(db, AuditEntry(at: now, actor: actor.login, role: actor.role, action: "rules_import", note: "\(rules.count) rules"))
        }
    }

    static func insertRule(_ db: Database, _ rule: RoutingRule) throws {
        let agency = try resolveAgency(db, rule.agencyCode)
        try db.execute(sql: "INSERT OR REPLACE INTO routing_rule (kind, pattern, agency_id, weight, categories) VALUES (?, ?, ?, ?, ?)",
                       arguments: [rule.kind.rawValue, rule.pattern, agency.id, rule.weight, rule.categories.joined(separator: "|")])
    }

    /// A model trained on the most recent accepted routings (an agency followed up), submitted before `before`.
    public func routingModel(before: Date? = nil, limit: Int = 20_000) throws -> RoutingModel {
        try read { db in
            var model = RoutingModel()
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT report.title, report.body, agency.code FROM report JOIN agency ON agency.id = report.agency_id
                WHERE report.state IN ('in_progress', 'awaiting_reporter', 'resolved') AND report.submitted_at < ?
                ORDER BY report.submitted_at DESC LIMIT ?
                """, arguments: [before.map(RowDecoding.seconds) ?? Int64.max, limit])
            while let row = try cursor.next() {
                model.learn(text: (row[0] as String) + " " + (row[1] as String), agency: row[2])
            }
            return model
        }
    }

    /// Ranked agencies for one report, from the rules and the learned model.
    public func suggestions(for report: Report, language: Language, limit: Int = 5) throws -> [Suggestion] {
        Suggester(rules: try rules(), model: try routingModel(), language: language).suggest(for: report, limit: limit)
    }
}
