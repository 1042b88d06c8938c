import Foundation

/// The lifecycle actions on a PostgreSQL desk: the shared ``ActionFlow`` in one write transaction.
extension PGStore: ReportActing {
    public func act(_ action: LifecycleAction, on ref: String, by user: User, at now: Date, note: String = "",
                    agency agencyRef: String? = nil, expectedVersion: Int? = nil, fill: Language? = nil,
                    detail: ActionDetail = .none) throws -> ActionResult {
        try write {
            var flow = ActionFlow(PGActionSteps(store: self), user: user, now: now, zone: zone)
            return try flow.act(action, on: .ref(ref), note: note, agency: agencyRef, expectedVersion: expectedVersion,
                                fill: fill, detail: detail)
        }
    }

    public func template(named name: String, for user: User) throws -> ReplyTemplate {
        let rows = try query("""
            SELECT t.name, t.lang, t.actions, t.agency_id, a.code, t.text
            FROM reply_template t LEFT JOIN agency a ON a.id = t.agency_id ORDER BY t.name
            """)
        let stored = (0..<rows.count).map { i in
            let actions = (rows.text(i, 2) ?? "").split(separator: ",")
                .compactMap { LifecycleAction(rawValue: String($0)) }
            let language = Language(rawValue: rows.text(i, 1) ?? "") ?? .id
            let template = ReplyTemplate(name: rows.text(i, 0) ?? "", language: language, actions: actions, agencyCode: rows.text(i, 4), text: rows.text(i, 5) ?? "")
            return (template: template, agencyID: PGRowDecoding.int(rows, i, 3))
        }
        return try ReplyTemplate.pick(name, among: stored, for: user)
    }
}
