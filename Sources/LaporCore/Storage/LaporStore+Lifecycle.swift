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
        try perform(action, ref: ref, locate: { db in try Self.findReport(db, ref) }, by: user, at: now, note: note,
                    agency: agencyRef, expectedVersion: expectedVersion).report
    }

    /// The same action on a report named by internal id; returns the audit record's id too (for undo).
    public func perform(_ action: LifecycleAction, reportID: Int64, by user: User, at now: Date, note: String = "",
                        agency agencyRef: String? = nil, expectedVersion: Int? = nil) throws -> (report: Report, auditID: Int64) {
        try perform(action, ref: String(reportID), locate: { db in try Self.findReport(db, id: reportID) }, by: user, at: now,
                    note: note, agency: agencyRef, expectedVersion: expectedVersion)
    }

    private func perform(_ action: LifecycleAction, ref: String, locate: (Database) throws -> Report?, by user: User, at now: Date,
                         note: String, agency agencyRef: String?, expectedVersion: Int?) throws -> (report: Report, auditID: Int64) {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        return try write { db in
            guard let report = try locate(db) else { throw LaporError.reportNotFound(ref) }
            guard Visibility(user: user).allows(agencyID: report.agencyID) else {
                throw LaporError.notVisible(login: user.login, trackingID: report.trackingID)
            }
            if let expectedVersion, expectedVersion != report.version { throw LaporError.staleReport(trackingID: report.trackingID) }
            guard Permissions.allows(user.role, action, from: report.state) else {
                throw LaporError.permissionDenied(login: user.login, role: user.role,
                                                  what: "\(action.rawValue) a report that is \(report.state.rawValue)")
            }
            let target: ReportState
            switch Lifecycle.next(from: report.state, action: action) {
            case .success(let next): target = next
            case .failure(let refusal): throw LaporError.illegalTransition(trackingID: report.trackingID, refusal)
            }
            if action.requiresNote && note.isEmpty { throw LaporError.noteRequired(action) }

            var updated = report
            updated.state = target
            switch action {
            case .route:
                let agency = try Self.resolveAgency(db, agencyRef ?? "")
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
            try Self.appendAudit(db, AuditEntry(at: now, actor: user.login, role: user.role, action: action.rawValue,
                                                reportID: report.id, fromState: report.state, toState: target),
                                 fromAgencyID: report.agencyID, toAgencyID: updated.agencyID, note: note)
            let auditID = db.lastInsertedRowID
            try Self.refreshDue(db, reportID: report.id, submitted: report.submittedAt, engine: Self.clockEngine(db, zone: zone))
            return (updated, auditID)
        }
    }

    /// Appends one audit row; the table's triggers refuse any later UPDATE or DELETE.
    static func appendAudit(_ db: Database, _ entry: AuditEntry, fromAgencyID: Int64? = nil, toAgencyID: Int64? = nil, note: String? = nil) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO audit (at, actor, role, action, report_id, from_state, to_state, from_agency_id, to_agency_id, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [RowDecoding.seconds(entry.at), entry.actor, entry.role.rawValue, entry.action, entry.reportID,
                             entry.fromState?.rawValue, entry.toState?.rawValue, fromAgencyID, toAgencyID, note ?? entry.note])
    }
}
