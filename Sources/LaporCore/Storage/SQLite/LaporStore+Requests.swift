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

    /// Records the requester's stated purpose and delivery method (``InformationRequest/edited``).
    public func setRequestDetails(_ ref: String, purpose: String?, delivery: String?, by user: User, at now: Date) throws
        -> InformationRequest {
        try InformationRequest.requireRegisterKeeper(user)
        return try write { db in
            guard let report = try Self.findReport(db, ref) else { throw LaporError.reportNotFound(ref) }
            guard let request = try Self.informationRequest(db, reportID: report.id) else {
                throw InformationRequest.notARequest(report)
            }
            let (edited, note) = InformationRequest.edited(request, purpose: purpose, delivery: delivery)
            try db.execute(sql: "UPDATE info_request SET purpose = ?, delivery = ? WHERE report_id = ?",
                           arguments: [edited.purpose, edited.delivery, report.id])
            try Self.appendAudit(db, AuditEntry(at: now, actor: user.login, role: user.role, action: "request_details",
                                                reportID: report.id, note: note))
            return edited
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
        let columns = InformationRequest.fieldsUndone(by: action, from: from)
        guard !columns.isEmpty else { return }
        let assignments = columns.map { "\($0) = NULL" }.joined(separator: ", ")
        try db.execute(sql: "UPDATE info_request SET \(assignments) WHERE report_id = ?", arguments: [reportID])
    }
}

/// What the PPID's registers read from the file.
extension LaporStore: RequestRegistering {
    /// What the registers of `year` read, as both engines hand it to ``RequestRegisterRows``.
    public func requestRegisterRows(year: Int, for user: User) throws -> RequestRegisterRows {
        try read { db in
            let (whereSQL, arguments) = Self.whereClause(.registeredIn(year: year), visibility: Visibility(user: user))
            let reports = try Row.fetchAll(db, sql: "SELECT \(RowDecoding.reportColumns) FROM report \(whereSQL)",
                                           arguments: arguments).map(RowDecoding.report)
            var requests: [Int64: InformationRequest] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT \(Self.requestColumns) FROM info_request WHERE year = ?",
                                        arguments: [year]) {
                let r = Self.requestRow(row)
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
            return RequestRegisterRows(reports: reports, requests: requests, agencyCodes: codes, objectionReasons: reasons,
                                       clocks: try Self.clockEngine(db, zone: zone),
                                       events: try Self.clockEvents(db, whereSQL: whereSQL, arguments: arguments))
        }
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
