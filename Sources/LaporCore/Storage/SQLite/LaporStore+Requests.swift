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

/// The PPID's registers and annual report, read for one year of receipt.
extension LaporStore {
    /// The register of requests received in `year` that `user` may see, in registration order.
    public func requestRegister(year: Int, for user: User, now: Date, revealed: Bool = false) throws -> [RegisterEntry] {
        if revealed && !Permissions.mayReveal(user.role) {
            throw LaporError.permissionDenied(login: user.login, role: user.role, what: "reveal requesters' identities")
        }
        return try read { db in try Self.requestLines(db, year: year, user: user, now: now, zone: zone).map { line in
            line.entry(revealed: revealed, zone: zone)
        } }
    }

    /// The register of objections filed against requests received in `year`.
    public func objectionRegister(year: Int, for user: User, now: Date) throws -> [ObjectionEntry] {
        try read { db in
            try Self.requestLines(db, year: year, user: user, now: now, zone: zone).compactMap { $0.objection(zone: zone) }
        }
    }

    /// The annual public-information service report, counted from the year's register.
    public func ppidReport(year: Int, for user: User, now: Date) throws -> PPIDAnnualReport {
        PPIDAnnualReport(year: year, register: try requestRegister(year: year, for: user, now: now))
    }

    /// One request with everything the registers show, its clocks judged at `now`.
    struct RequestLine {
        var report: Report
        var request: InformationRequest
        var agency: String?
        var information: ClockReading?
        var objectionClock: ClockReading?
        var objectionReason: String
        var calendar: WorkingCalendar

        func entry(revealed: Bool, zone: DeskZone) -> RegisterEntry {
            let identity = IdentityMask.visible(report, revealed: revealed)
            let days = request.decidedAt.map {
                RequestRules.workingDaysTaken(received: report.submittedAt, answered: $0, calendar: calendar, zone: zone)
            }
            let late = request.decidedAt.map { decided in information.map { decided > $0.deadline } ?? false } ?? false
            return RegisterEntry(
                registration: request.registration, trackingID: report.trackingID,
                received: Trend.Day(report.submittedAt, zone: zone).text, requester: identity.name, contact: identity.contact,
                identityMissing: report.identityProtected || report.reporterName.isEmpty,
                information: report.title.isEmpty ? report.body : report.title, purpose: request.purpose,
                delivery: request.delivery, ppid: agency, state: report.state.rawValue, decision: request.decision,
                ground: request.ground?.id, decided: request.decidedAt.map { Trend.Day($0, zone: zone).text },
                workingDays: days, extended: request.extendedAt != nil, late: late, objected: request.objectedAt != nil,
                objectionOutcome: request.objectionOutcome, disputed: request.disputedAt != nil)
        }

        func objection(zone: DeskZone) -> ObjectionEntry? {
            guard let objected = request.objectedAt else { return nil }
            let answered = request.objectionAnsweredAt
            let againstAnswer = request.decidedAt.map { $0 <= objected } ?? false
            return ObjectionEntry(
                registration: request.registration, trackingID: report.trackingID, objected: Trend.Day(objected, zone: zone).text,
                against: againstAnswer ? "answer" : "no_answer", reason: objectionReason,
                due: objectionClock.map { Trend.Day($0.deadline, zone: zone).text } ?? "",
                answered: answered.map { Trend.Day($0, zone: zone).text }, outcome: request.objectionOutcome,
                workingDays: answered.map { RequestRules.workingDaysTaken(received: objected, answered: $0, calendar: calendar,
                                                                          zone: zone) },
                late: answered.map { a in objectionClock.map { a > $0.deadline } ?? false } ?? false,
                disputed: request.disputedAt != nil, ppid: agency)
        }
    }

    static func requestLines(_ db: Database, year: Int, user: User, now: Date, zone: DeskZone) throws -> [RequestLine] {
        let (whereSQL, arguments) = whereClause(.registeredIn(year: year), visibility: Visibility(user: user))
        let reports = try Row.fetchAll(db, sql: "SELECT \(RowDecoding.reportColumns) FROM report \(whereSQL)",
                                       arguments: arguments).map(RowDecoding.report)
        var requests: [Int64: InformationRequest] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT \(requestColumns) FROM info_request WHERE year = ?", arguments: [year]) {
            let r = requestRow(row)
            requests[r.reportID] = r
        }
        let codes = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, code FROM agency").map {
            ($0[0] as Int64, $0[1] as String)
        })
        var reasons: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT report_id, note FROM audit WHERE action = 'object' AND report_id IN
                (SELECT report_id FROM info_request WHERE year = ? AND objected_at IS NOT NULL) ORDER BY id
            """, arguments: [year]) {
            reasons[row[0]] = row[1]
        }
        let engine = try clockEngine(db, zone: zone)
        let events = try clockEvents(db, whereSQL: whereSQL, arguments: arguments)
        return reports.compactMap { report -> RequestLine? in
            guard let request = requests[report.id] else { return nil }
            let readings = engine.readings(submitted: report.submittedAt, events: events[report.id] ?? [], now: now,
                                           type: .permintaanInformasi)
            return RequestLine(report: report, request: request, agency: report.agencyID.flatMap { codes[$0] },
                               information: readings.first { $0.clock == .information },
                               objectionClock: readings.first { $0.clock == .objection },
                               objectionReason: Sanitizer.line(reasons[report.id] ?? ""), calendar: engine.deskCalendar)
        }.sorted { $0.request.sequence < $1.request.sequence }
    }
}

extension LaporStore {
    /// A request's register row and objection window, or nil for a complaint.
    public func requestStatus(reportID: Int64) throws -> RequestStatus? {
        try read { db in
            guard let request = try Self.informationRequest(db, reportID: reportID) else { return nil }
            let calendar = try Self.clockEngine(db, zone: zone).deskCalendar
            let window = request.objectedAt == nil ? request.decidedAt.map {
                RequestRules.objectionWindow(decided: $0, calendar: calendar, zone: zone)
            } : nil
            return RequestStatus(request: request, objectionWindowEnds: window)
        }
    }
}
