import Foundation
import GRDB

/// The lifecycle verbs: the same calls serve the CLI, the desk and automatic actions.
extension LaporStore {
    public func verify(_ ref: String, by user: User, at now: Date, expectedVersion: Int? = nil) throws -> Report {
        try perform(.verify, on: ref, by: user, at: now, expectedVersion: expectedVersion)
    }

    /// Routes (disposisi) to an agency named by code, name or alias; from `new` this verifies and routes at once.
    public func route(_ ref: String, to agency: String, by user: User, at now: Date, note: String = "", expectedVersion: Int? = nil) throws -> Report {
        try perform(.route, on: ref, by: user, at: now, note: note, agency: agency, expectedVersion: expectedVersion)
    }

    public func hold(_ ref: String, note: String, by user: User, at now: Date, expectedVersion: Int? = nil) throws -> Report {
        try perform(.hold, on: ref, by: user, at: now, note: note, expectedVersion: expectedVersion)
    }

    public func release(_ ref: String, note: String = "", by user: User, at now: Date, expectedVersion: Int? = nil) throws -> Report {
        try perform(.release, on: ref, by: user, at: now, note: note, expectedVersion: expectedVersion)
    }

    public func archive(_ ref: String, reason: String, by user: User, at now: Date, expectedVersion: Int? = nil) throws -> Report {
        try perform(.archive, on: ref, by: user, at: now, note: reason, expectedVersion: expectedVersion)
    }

    public func followUp(_ ref: String, note: String, by user: User, at now: Date, expectedVersion: Int? = nil) throws -> Report {
        try perform(.followUp, on: ref, by: user, at: now, note: note, expectedVersion: expectedVersion)
    }

    /// *Bukan wewenang*: the agency returns the report for re-routing; counts as a bounce.
    public func returnReport(_ ref: String, reason: String, by user: User, at now: Date, expectedVersion: Int? = nil) throws -> Report {
        try perform(.returnReport, on: ref, by: user, at: now, note: reason, expectedVersion: expectedVersion)
    }

    public func respond(_ ref: String, note: String, by user: User, at now: Date, expectedVersion: Int? = nil) throws -> Report {
        try perform(.respond, on: ref, by: user, at: now, note: note, expectedVersion: expectedVersion)
    }

    public func dispute(_ ref: String, note: String, by user: User, at now: Date, expectedVersion: Int? = nil) throws -> Report {
        try perform(.dispute, on: ref, by: user, at: now, note: note, expectedVersion: expectedVersion)
    }

    public func resolve(_ ref: String, note: String = "", by user: User, at now: Date, expectedVersion: Int? = nil) throws -> Report {
        try perform(.resolve, on: ref, by: user, at: now, note: note, expectedVersion: expectedVersion)
    }

    public func reopen(_ ref: String, note: String = "", by user: User, at now: Date, expectedVersion: Int? = nil) throws -> Report {
        try perform(.reopen, on: ref, by: user, at: now, note: note, expectedVersion: expectedVersion)
    }

    /// Applies one lifecycle action: visibility, role, transition and note checks, then the update and
    /// its audit record in one transaction. A refusal throws and changes nothing.
    public func perform(_ action: LifecycleAction, on ref: String, by user: User, at now: Date,
                        note: String = "", agency agencyRef: String? = nil, expectedVersion: Int? = nil) throws -> Report {
        try act(action, on: ref, by: user, at: now, note: note, agency: agencyRef, expectedVersion: expectedVersion).report
    }

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
