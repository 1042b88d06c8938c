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
        try act(action, ref: ref, locate: { db in try Self.findReport(db, ref) }, by: user, at: now, note: note,
                agency: agencyRef, expectedVersion: expectedVersion, fill: fill, detail: detail)
    }

    public func act(_ action: LifecycleAction, reportID: Int64, by user: User, at now: Date, note: String = "",
                    agency agencyRef: String? = nil, expectedVersion: Int? = nil, fill: Language? = nil,
                    detail: ActionDetail = .none) throws -> ActionResult {
        try act(action, ref: String(reportID), locate: { db in try Self.findReport(db, id: reportID) }, by: user, at: now,
                note: note, agency: agencyRef, expectedVersion: expectedVersion, fill: fill, detail: detail)
    }

    private func act(_ action: LifecycleAction, ref: String, locate: (Database) throws -> Report?, by user: User, at now: Date,
                     note: String, agency agencyRef: String?, expectedVersion: Int?, fill: Language?,
                     detail: ActionDetail) throws -> ActionResult {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        let zone = self.zone
        return try write { db in
            guard let report = try locate(db) else { throw LaporError.reportNotFound(ref) }
            if let expectedVersion, expectedVersion != report.version { throw LaporError.staleReport(trackingID: report.trackingID) }
            let target = fill == nil ? nil : try Self.agencyName(db, agencyRef)
            func noteFor(_ r: Report) throws -> String {
                guard let fill else { return note }
                return try Self.fill(db, note, report: r, agencyName: target, language: fill, by: user, zone: zone)
            }
            let engine = try Self.clockEngine(db, zone: zone)
            let first = try Self.apply(db, action, to: report, by: user, at: now, note: noteFor(report), agency: agencyRef,
                                       via: nil, engine: engine, detail: detail)
            var result = ActionResult(report: first.report, auditIDs: [first.auditID], members: [])
            guard report.incidentOf == report.id else { return result }
            let reached: [ReportState] = action == .reopen ? [.resolved] : ReportState.allCases.filter(\.isOpen)
            let members = try Row.fetchAll(db, sql: """
                SELECT \(RowDecoding.reportColumns) FROM report WHERE incident_of = ? AND id <> ?
                    AND state IN (\(reached.map { "'\($0.rawValue)'" }.joined(separator: ","))) ORDER BY submitted_at, id
                """, arguments: [report.id, report.id]).map(RowDecoding.report)
            for member in members {
                do {
                    let done = try Self.apply(db, action, to: member, by: user, at: now, note: noteFor(member), agency: agencyRef,
                                              via: report.id, engine: engine, detail: detail)
                    result.auditIDs.append(done.auditID)
                    result.members.append(MemberOutcome(trackingID: member.trackingID, state: done.report.state, refusal: nil))
                } catch let refusal as LaporError {
                    if case .databaseBusy = refusal { throw refusal }
                    result.members.append(MemberOutcome(trackingID: member.trackingID, state: member.state, refusal: refusal))
                }
            }
            return result
        }
    }

    /// Checks and applies one action to one report inside the caller's transaction; every check comes
    /// before the first write, so a refusal (thrown) leaves the report as it was.
    static func apply(_ db: Database, _ action: LifecycleAction, to report: Report, by user: User, at now: Date, note: String,
                      agency agencyRef: String?, via incident: Int64?, engine: SLAClocks,
                      detail: ActionDetail = .none) throws -> (report: Report, auditID: Int64) {
        guard Visibility(user: user).allows(agencyID: report.agencyID) else {
            throw LaporError.notVisible(login: user.login, trackingID: report.trackingID)
        }
        guard Permissions.allows(user.role, action, from: report.state) else {
            throw LaporError.permissionDenied(login: user.login, role: user.role,
                                              what: "\(action.rawValue) a report that is \(report.state.rawValue)")
        }
        let target: ReportState
        switch Lifecycle.next(from: report.state, action: action, type: report.type) {
        case .success(let next): target = next
        case .failure(let refusal): throw LaporError.illegalTransition(trackingID: report.trackingID, refusal)
        }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if action.requiresNote && note.isEmpty { throw LaporError.noteRequired(action) }
        let request = try checkRequestRules(db, action, on: report, detail: detail, at: now, engine: engine)

        var updated = report
        updated.state = target
        switch action {
        case .route:
            let agency = try resolveAgency(db, agencyRef ?? "")
            if report.state == .dispositioned {
                if agency.id == report.agencyID && !report.returned {
                    throw LaporError.sameAgency(trackingID: report.trackingID, agency: agency.code)
                }
                if !report.returned { updated.bounces += 1 }
            }
            updated.agencyID = agency.id
            updated.returned = false
        case .returnReport:
            if report.returned { throw LaporError.alreadyReturned(trackingID: report.trackingID) }
            updated.returned = true
            updated.bounces += 1
        case .followUp:
            updated.returned = false
        default:
            break
        }
        updated.version += 1
        updated.updatedAt = now
        let seconds = RowDecoding.seconds(now)
        try db.execute(sql: """
            UPDATE report SET state = ?, agency_id = ?, bounces = ?, returned = ?, version = ?, updated_at = ?,
                state_since = CASE WHEN ? THEN ? ELSE state_since END, desk_touched = 1
            WHERE id = ?
            """, arguments: [updated.state.rawValue, updated.agencyID, updated.bounces, updated.returned, updated.version,
                             seconds, report.state != target || action == .route, seconds, report.id])
        try appendAudit(db, AuditEntry(at: now, actor: user.login, role: user.role, action: action.rawValue,
                                       reportID: report.id, fromState: report.state, toState: target),
                        fromAgencyID: report.agencyID, toAgencyID: updated.agencyID, note: note, viaIncident: incident,
                        detail: detail.auditText)
        let auditID = db.lastInsertedRowID
        if let request { try recordRequestStep(db, action, request: request, from: report.state, detail: detail, at: now) }
        try refreshDue(db, reportID: report.id, submitted: report.submittedAt, engine: engine, type: report.type)
        return (updated, auditID)
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
