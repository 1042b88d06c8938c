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
        try administer(at: now) { try $0.replaceRules(rules, by: actor) }
    }

    static func insertRule(_ db: Database, _ rule: RoutingRule) throws {
        let agency = try resolveAgency(db, rule.agencyCode)
        try db.execute(sql: "INSERT OR REPLACE INTO routing_rule (kind, pattern, agency_id, weight, categories) VALUES (?, ?, ?, ?, ?)",
                       arguments: [rule.kind.rawValue, rule.pattern, agency.id, rule.weight, rule.categories.joined(separator: "|")])
    }

    /// One accepted routing to learn from: the report (its text and fields), its terms, and the agency that took it.
    /// The newest `limit` accepted routings (an agency followed up) submitted before `before`, oldest first.
    public func routingExamples(before: Date? = nil, limit: Int = RoutingExample.window) throws -> [RoutingExample] {
        try read { db in
            var out: [RoutingExample] = []
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT report.title, report.body, report.category, report.kecamatan, report.kelurahan, agency.code,
                       report.submitted_at, report.tracking_id
                FROM report JOIN agency ON agency.id = report.agency_id
                WHERE report.state IN ('in_progress', 'awaiting_reporter', 'resolved') AND report.submitted_at < ?
                ORDER BY report.submitted_at DESC LIMIT ?
                """, arguments: [before.map(RowDecoding.seconds) ?? Int64.max, limit])
            while let row = try cursor.next() {
                let report = Report(trackingID: row[7], submittedAt: Date(timeIntervalSince1970: TimeInterval(row[6] as Int64)),
                                    title: row[0], body: row[1], category: row[2], kecamatan: row[3], kelurahan: row[4])
                out.append(RoutingExample(report: report, agency: row[5]))
            }
            return out.reversed()
        }
    }

    /// Audit actions that change what the model learns from.
    static let routingActions = "(" + RoutingExample.learningActions.map { "'\($0)'" }.joined(separator: ", ") + ")"

    /// The routing model kept in the database, retrained when the routings it learned from have
    /// changed by more than 2 % (at least one change) since, so a `suggest` reads one row instead of
    /// training (0.8 s at 10,000 reports) on every call.
    public func routingModel() throws -> RoutingModel {
        let stored: (RoutingModel, Bool)? = try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT through_audit_id, documents, data FROM routing_model WHERE id = 1"),
                  let model = RoutingModel(encoded: row[2]) else { return nil }
            let through: Int64 = row[0], documents: Int = row[1]
            let changed = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit WHERE id > ? AND action IN \(Self.routingActions)",
                                           arguments: [through]) ?? 0
            return (model, RoutingExample.keptModelIsFresh(documents: documents, changedSince: changed))
        }
        if let (model, fresh) = stored, fresh { return model }
        let through = try read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit") ?? 0 }
        let model = try trainRoutingModel()
        do {
            try write { db in
                try db.execute(sql: """
                    INSERT INTO routing_model (id, through_audit_id, documents, data) VALUES (1, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET through_audit_id = excluded.through_audit_id, documents = excluded.documents,
                        data = excluded.data
                    """, arguments: [through, model.documentCount, model.encoded()])
            }
        } catch LaporError.databaseBusy {
            // Another desk holds the write lock: suggest from the fresh model now, store it next time.
        }
        return model
    }
}
