import Foundation
import GRDB

/// The lifecycle verbs: the same calls serve the CLI, the desk and automatic actions.
extension LaporStore {
    /// The same action on a report named by internal id; returns the audit record's id too (for undo).
    public func perform(_ action: LifecycleAction, reportID: Int64, by user: User, at now: Date, note: String = "",
                        agency agencyRef: String? = nil, expectedVersion: Int? = nil) throws -> (report: Report, auditID: Int64) {
        let result = try act(action, reportID: reportID, by: user, at: now, note: note, agency: agencyRef,
                             expectedVersion: expectedVersion)
        return (result.report, result.auditIDs[0])
    }

    /// One action as an operator means it: on the report, and when the report is an incident's primary
    /// on every open member too, in the same transaction, each member with its own audit record naming
    /// the incident. A member that cannot take the action is listed in `members`, not skipped quietly.
    /// With `fill`, the note is a template's text, filled for each report it lands on.
    public func act(_ action: LifecycleAction, on ref: String, by user: User, at now: Date, note: String = "",
                    agency agencyRef: String? = nil, expectedVersion: Int? = nil, fill: Language? = nil,
                    detail: ActionDetail = .none) throws -> ActionResult {
        try act(action, .ref(ref), by: user, at: now, note: note, agency: agencyRef, expectedVersion: expectedVersion,
                fill: fill, detail: detail)
    }

    public func act(_ action: LifecycleAction, reportID: Int64, by user: User, at now: Date, note: String = "",
                    agency agencyRef: String? = nil, expectedVersion: Int? = nil, fill: Language? = nil,
                    detail: ActionDetail = .none) throws -> ActionResult {
        try act(action, .id(reportID), by: user, at: now, note: note, agency: agencyRef, expectedVersion: expectedVersion,
                fill: fill, detail: detail)
    }

    /// The shared ``ActionFlow`` inside one write transaction.
    private func act(_ action: LifecycleAction, _ key: ReportKey, by user: User, at now: Date, note: String,
                     agency agencyRef: String?, expectedVersion: Int?, fill: Language?,
                     detail: ActionDetail) throws -> ActionResult {
        let zone = self.zone
        return try write { db in
            var flow = ActionFlow(SQLiteActionSteps(db: db, zone: zone), user: user, now: now, zone: zone)
            return try flow.act(action, on: key, note: note, agency: agencyRef, expectedVersion: expectedVersion,
                                fill: fill, detail: detail)
        }
    }

    /// Appends one audit row; the table's triggers refuse any later UPDATE or DELETE.
    static func appendAudit(_ db: Database, _ entry: AuditEntry, fromAgencyID: Int64? = nil, toAgencyID: Int64? = nil, note: String? = nil,
                            viaIncident: Int64? = nil, detail: String? = nil) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO audit (at, actor, role, action, report_id, from_state, to_state, from_agency_id, to_agency_id, note,
                via_incident, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [RowDecoding.seconds(entry.at), entry.actor, entry.role.rawValue, entry.action, entry.reportID,
                             entry.fromState?.rawValue, entry.toState?.rawValue, fromAgencyID, toAgencyID, note ?? entry.note,
                             viaIncident, detail])
    }
}
