import Foundation

/// The PPID's registers on a server: a year's rows read as SQLite reads them; the registers are
/// assembled by ``RequestRegistering``.
extension PGStore: RequestRegistering {
    public func requestRegisterRows(year: Int, for user: User) throws -> RequestRegisterRows {
        let (whereSQL, parameters) = try whereClause(.registeredIn(year: year), visibility: Visibility(user: user))
        let reportRows = try query("SELECT \(reportColumns) FROM report \(whereSQL)", parameters)
        let reports = (0..<reportRows.count).map { PGRowDecoding.report(reportRows, $0) }
        let requestRows = try query("SELECT \(PGRowDecoding.requestColumns) FROM info_request WHERE year = $1", [String(year)])
        var requests: [Int64: InformationRequest] = [:]
        for i in 0..<requestRows.count {
            let r = PGRowDecoding.request(requestRows, i)
            requests[r.reportID] = r
        }
        let agencyRows = try query("SELECT id, code FROM agency")
        var codes: [Int64: String] = [:]
        for i in 0..<agencyRows.count {
            if let id = PGRowDecoding.int(agencyRows, i, 0) { codes[id] = agencyRows.text(i, 1) ?? "" }
        }
        let reasonRows = try query("""
            SELECT report_id, note FROM audit WHERE action = 'object' AND report_id IN
                (SELECT report_id FROM info_request WHERE year = $1 AND objected_at IS NOT NULL) ORDER BY id
            """, [String(year)])
        var reasons: [Int64: String] = [:]
        for i in 0..<reasonRows.count {
            if let id = PGRowDecoding.int(reasonRows, i, 0) { reasons[id] = reasonRows.text(i, 1) ?? "" }
        }
        return RequestRegisterRows(reports: reports, requests: requests, agencyCodes: codes, objectionReasons: reasons,
                                   clocks: try clockEngine(), events: try clockEvents(whereSQL: whereSQL, parameters))
    }

    public func setRequestDetails(_ ref: String, purpose: String?, delivery: String?, by user: User, at now: Date) throws
        -> InformationRequest {
        try InformationRequest.requireRegisterKeeper(user)
        return try write {
            guard let report = try PGActionSteps(store: self).lockReport(.ref(ref)) else { throw LaporError.reportNotFound(ref) }
            let rows = try query("SELECT \(PGRowDecoding.requestColumns) FROM info_request WHERE report_id = $1 FOR UPDATE",
                                 [String(report.id)])
            guard rows.count > 0 else { throw InformationRequest.notARequest(report) }
            let (edited, note) = InformationRequest.edited(PGRowDecoding.request(rows, 0), purpose: purpose, delivery: delivery)
            try query("UPDATE info_request SET purpose = $1, delivery = $2 WHERE report_id = $3",
                      [edited.purpose, edited.delivery, String(report.id)])
            try appendAudit(AuditEntry(at: now, actor: user.login, role: user.role, action: "request_details",
                                       reportID: report.id, note: note), fromAgencyID: nil, toAgencyID: nil)
            return edited
        }
    }
}
