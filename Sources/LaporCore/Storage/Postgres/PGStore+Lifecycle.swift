import Foundation

/// The lifecycle actions on a PostgreSQL desk: the shared ``ActionFlow`` in one write transaction.
extension PGStore: ReportActing {
    public func act(_ action: LifecycleAction, on ref: String, by user: User, at now: Date, note: String = "",
                    agency agencyRef: String? = nil, expectedVersion: Int? = nil, fill: Language? = nil,
                    detail: ActionDetail = .none) throws -> ActionResult {
        try act(action, .ref(ref), by: user, at: now, note: note, agency: agencyRef, expectedVersion: expectedVersion,
                fill: fill, detail: detail)
    }

    /// The shared action flow in one write transaction, for a report named either way.
    func act(_ action: LifecycleAction, _ key: ReportKey, by user: User, at now: Date, note: String,
             agency agencyRef: String?, expectedVersion: Int?, fill: Language?, detail: ActionDetail) throws -> ActionResult {
        try write {
            var flow = ActionFlow(PGActionSteps(store: self), user: user, now: now, zone: zone)
            return try flow.act(action, on: key, note: note, agency: agencyRef, expectedVersion: expectedVersion,
                                fill: fill, detail: detail)
        }
    }

    public func template(named name: String, for user: User) throws -> ReplyTemplate {
        try ReplyTemplate.pick(name, among: storedTemplates(), for: user)
    }

    /// Every template with the agency it belongs to (nil: shared), by name.
    func storedTemplates() throws -> [(template: ReplyTemplate, agencyID: Int64?)] {
        let rows = try query("""
            SELECT t.name, t.lang, t.actions, t.agency_id, a.code, t.text
            FROM reply_template t LEFT JOIN agency a ON a.id = t.agency_id ORDER BY t.name
            """)
        return (0..<rows.count).map { i in
            let actions = (rows.text(i, 2) ?? "").split(separator: ",")
                .compactMap { LifecycleAction(rawValue: String($0)) }
            let language = Language(rawValue: rows.text(i, 1) ?? "") ?? .id
            let template = ReplyTemplate(name: rows.text(i, 0) ?? "", language: language, actions: actions,
                                         agencyCode: rows.text(i, 4), text: rows.text(i, 5) ?? "")
            return (template: template, agencyID: PGRowDecoding.int(rows, i, 3))
        }
    }
}

extension PGStore {
    /// As on SQLite; a report another process changed or closed meanwhile is left to it (the
    /// actions are idempotent), and two runs at once escalate each bounce count once (they take
    /// turns on an advisory lock).
    public func applyDueActions(now: Date) throws -> AutomationResult {
        let system = try user(login: User.systemLogin)
        let seconds = Int64(now.timeIntervalSince1970.rounded(.down))
        let due = try slaReadings(.all([.state(.awaitingReporter), .dueBefore(seconds)]), for: system, now: now)
        var closed: [String] = []
        for report in DueActions.autoCloses(due) {
            do {
                _ = try act(.autoClose, on: report.trackingID, by: system, at: now, note: DueActions.autoCloseNote,
                            expectedVersion: report.version)
                closed.append(report.trackingID)
            } catch LaporError.staleReport {
                continue
            }
        }
        let threshold = try clockEngine().policy.escalateAfterBounces
        let escalated: [String] = try write {
            try query("SELECT pg_advisory_xact_lock(7274067)")
            var open = PGCondition()
            let openSQL = open.sql(.open)
            let rows = try query("""
                SELECT report.id, report.tracking_id, report.bounces FROM report
                WHERE report.bounces >= $\(open.parameters.count + 1) AND \(openSQL)
                  AND NOT EXISTS (SELECT 1 FROM audit WHERE audit.report_id = report.id AND audit.action = 'escalate'
                                  AND audit.note = 'bounces=' || report.bounces)
                ORDER BY report.id
                """, open.parameters + [String(threshold)])
            for i in 0..<rows.count {
                try query("""
                    INSERT INTO audit (at, actor, role, action, report_id, note) VALUES ($1, $2, 'system', 'escalate', $3, $4)
                    """, [String(seconds), system.login, rows.text(i, 0),
                          DueActions.escalationNote(bounces: rows.int(i, 2) ?? 0)])
            }
            return (0..<rows.count).map { rows.text($0, 1) ?? "" }
        }
        return AutomationResult(autoClosed: closed, escalated: escalated)
    }
}
