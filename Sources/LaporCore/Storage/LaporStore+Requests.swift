import Foundation
import GRDB

/// Information requests (UU 14/2008): the register row beside each request, the legal rules checked
/// inside every lifecycle action, and the PPID's registers and annual report.
extension LaporStore {
    /// The register row of a request the user may see (nil for a complaint).
    public func informationRequest(_ ref: String, for user: User) throws -> InformationRequest? {
        let report = try self.report(ref, for: user)
        return try read { db in try Self.informationRequest(db, reportID: report.id) }
    }

    /// Records the requester's stated purpose and delivery method (operators and supervisors; audited).
    public func setRequestDetails(_ ref: String, purpose: String?, delivery: String?, by user: User, at now: Date) throws
        -> InformationRequest {
        guard user.role == .operator || user.role == .supervisor else {
            throw LaporError.permissionDenied(login: user.login, role: user.role, what: "edit an information request's register entry")
        }
        return try write { db in
            guard let report = try Self.findReport(db, ref) else { throw LaporError.reportNotFound(ref) }
            guard var request = try Self.informationRequest(db, reportID: report.id) else {
                throw LaporError.refused(en: "\(report.trackingID) is not an information request.",
                                         id: "\(report.trackingID) bukan permintaan informasi.")
            }
            if let purpose { request.purpose = Sanitizer.storable(purpose).trimmingCharacters(in: .whitespacesAndNewlines) }
            if let delivery { request.delivery = Sanitizer.storable(delivery).trimmingCharacters(in: .whitespacesAndNewlines) }
            try db.execute(sql: "UPDATE info_request SET purpose = ?, delivery = ? WHERE report_id = ?",
                           arguments: [request.purpose, request.delivery, report.id])
            try Self.appendAudit(db, AuditEntry(at: now, actor: user.login, role: user.role, action: "request_details",
                                                reportID: report.id, note: "tujuan: \(request.purpose); cara: \(request.delivery)"))
            return request
        }
    }

    // MARK: - Inside transactions

    static func informationRequest(_ db: Database, reportID: Int64) throws -> InformationRequest? {
        try Row.fetchOne(db, sql: "SELECT \(requestColumns) FROM info_request WHERE report_id = ?", arguments: [reportID])
            .map(requestRow)
    }

    static let requestColumns = """
        report_id, year, seq, purpose, delivery, decision, ground, decided_at, extended_at, objected_at,
        objection_answered_at, objection_outcome, disputed_at
        """

    static func requestRow(_ row: Row) -> InformationRequest {
        func date(_ i: Int) -> Date? { (row[i] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) } }
        var r = InformationRequest(reportID: row[0], year: row[1], sequence: row[2], purpose: row[3], delivery: row[4])
        r.decision = (row[5] as String?).flatMap(RequestDecision.init(rawValue:))
        r.ground = (row[6] as String?).flatMap(RefusalGround.parse)
        r.decidedAt = date(7)
        r.extendedAt = date(8)
        r.objectedAt = date(9)
        r.objectionAnsweredAt = date(10)
        r.objectionOutcome = (row[11] as String?).flatMap(ObjectionOutcome.init(rawValue:))
        r.disputedAt = date(12)
        return r
    }

    /// Loads a request's register row and clocks and asks ``RequestRules`` whether the action may go
    /// ahead; returns the row for ``recordRequestStep``. For complaints, refuses request-only details.
    static func checkRequestRules(_ db: Database, _ action: LifecycleAction, on report: Report, detail: ActionDetail,
                                  at now: Date, engine: SLAClocks) throws -> InformationRequest? {
        guard report.type == .permintaanInformasi else {
            if detail != .none {
                throw LaporError.invalidArgument("--decision, --ground and --outcome belong to information requests; \(report.trackingID) is a \(report.type.rawValue).")
            }
            return nil
        }
        if try informationRequest(db, reportID: report.id) == nil {
            try RequestRegister.registerNew(db, after: report.id - 1, offsetSeconds: try zoneOffset(db))
        }
        let request = try informationRequest(db, reportID: report.id)
        let events = try clockEvents(db, whereSQL: "WHERE report.id = ?", arguments: [report.id])[report.id] ?? []
        let readings = engine.readings(submitted: report.submittedAt, events: events, now: now, type: report.type)
        let window = request?.decidedAt.map {
            RequestRules.objectionWindow(decided: $0, calendar: engine.deskCalendar, zone: engine.zone)
        }
        if let refusal = RequestRules.refusal(action, detail: detail, request: request, state: report.state, readings: readings,
                                              window: window, now: now, trackingID: report.trackingID, zone: engine.zone) {
            throw refusal
        }
        return request
    }

    /// Writes the legal step an action took into the register row, in the action's transaction.
    static func recordRequestStep(_ db: Database, _ action: LifecycleAction, request: InformationRequest, from: ReportState,
                                  detail: ActionDetail, at now: Date) throws {
        let at = RowDecoding.seconds(now)
        let id = request.reportID
        switch action {
        case .decide:
            try db.execute(sql: "UPDATE info_request SET decision = ?, ground = ?, decided_at = ? WHERE report_id = ?",
                           arguments: [detail.decision?.rawValue, detail.ground?.id, at, id])
        case .extend:
            try db.execute(sql: "UPDATE info_request SET extended_at = ? WHERE report_id = ?", arguments: [at, id])
        case .object:
            try db.execute(sql: "UPDATE info_request SET objected_at = ? WHERE report_id = ?", arguments: [at, id])
        case .respond where from == .objected:
            try db.execute(sql: """
                UPDATE info_request SET objection_answered_at = ?, objection_outcome = ? WHERE report_id = ?
                """, arguments: [at, detail.outcome?.rawValue, id])
        case .dispute:
            try db.execute(sql: "UPDATE info_request SET disputed_at = ? WHERE report_id = ?", arguments: [at, id])
        default:
            break
        }
    }

    /// Takes back what an undone action wrote into the register row.
    static func undoRequestStep(_ db: Database, _ action: LifecycleAction, reportID: Int64, from: ReportState) throws {
        let columns: String? = switch action {
        case .decide: "decision = NULL, ground = NULL, decided_at = NULL"
        case .extend: "extended_at = NULL"
        case .object: "objected_at = NULL"
        case .respond where from == .objected: "objection_answered_at = NULL, objection_outcome = NULL"
        case .dispute: "disputed_at = NULL"
        default: nil
        }
        guard let columns else { return }
        try db.execute(sql: "UPDATE info_request SET \(columns) WHERE report_id = ?", arguments: [reportID])
    }
}
