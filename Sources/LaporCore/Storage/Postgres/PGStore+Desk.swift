import Foundation

/// What the terminal desk reads on a server. The SQL mirrors SQLite's desk queries; positions in
/// the queue are counted by the server (no kept day ordinals here).
extension PGStore: DeskBackend {
    public func rules() throws -> [RoutingRule] {
        let rows = try query("""
            SELECT r.kind, r.pattern, a.code, r.weight, r.categories FROM routing_rule r JOIN agency a ON a.id = r.agency_id
            ORDER BY r.kind, r.pattern, a.code
            """)
        return (0..<rows.count).map { i in
            RoutingRule(kind: RoutingRule.Kind(rawValue: rows.text(i, 0) ?? "") ?? .keyword, pattern: rows.text(i, 1) ?? "",
                        agencyCode: rows.text(i, 2) ?? "", weight: Double(rows.text(i, 3) ?? "") ?? 1,
                        categories: (rows.text(i, 4) ?? "").split(separator: "|").map(String.init))
        }
    }

    /// The kept model while the routings it learned from changed by at most 2 %, as on SQLite;
    /// else trained again from the accepted routings and kept.
    public func routingModel() throws -> RoutingModel {
        let kept = try query("SELECT through_audit_id, documents FROM routing_model WHERE id = 1")
        if kept.count > 0, let through = PGRowDecoding.int(kept, 0, 0), let documents = kept.int(0, 1) {
            let changed = try query("SELECT count(*) FROM audit WHERE id > $1 AND action = ANY($2::text[])",
                                    [String(through), PGCopyText.arrayLiteral(RoutingExample.learningActions)]).int(0, 0) ?? 0
            if RoutingExample.keptModelIsFresh(documents: documents, changedSince: changed) {
                if let cached = keptModel, cached.through == through { return cached.model }
                let data = try query("SELECT encode(data, 'hex') FROM routing_model WHERE id = 1").text(0, 0)
                if let model = data.flatMap(Self.bytes(hex:)).flatMap(RoutingModel.init(encoded:)) {
                    keptModel = (through, model)
                    return model
                }
            }
        }
        let through = PGRowDecoding.int(try query("SELECT coalesce(max(id), 0) FROM audit"), 0, 0) ?? 0
        let model = try trainRoutingModel()
        let hex = Self.hex(model.encoded())
        do {
            try write {
                try query("""
                    INSERT INTO routing_model (id, through_audit_id, documents, data) VALUES (1, $1, $2, decode($3, 'hex'))
                    ON CONFLICT (id) DO UPDATE SET through_audit_id = excluded.through_audit_id,
                        documents = excluded.documents, data = excluded.data
                    """, [String(through), String(model.documentCount), hex])
            }
            keptModel = (through, model)
        } catch LaporError.databaseBusy {
            // Another desk holds the row: suggest from the fresh model now, keep it next time.
        } catch LaporError.serverDenied {
            // A role that may not keep the model (a viewer, a liaison) uses the fresh one unkept.
            keptModel = (through, model)
        }
        return model
    }

    /// The newest `limit` accepted routings submitted before `before`, oldest first.
    public func routingExamples(before: Date?, limit: Int) throws -> [RoutingExample] {
        let rows = try query("""
            SELECT report.title, report.body, report.category, report.kecamatan, report.kelurahan, agency.code,
                   report.submitted_at, report.tracking_id
            FROM report JOIN agency ON agency.id = report.agency_id
            WHERE report.state IN ('in_progress', 'awaiting_reporter', 'resolved') AND report.submitted_at < $1
            ORDER BY report.submitted_at DESC LIMIT $2
            """, [before.map(PGRowDecoding.seconds) ?? String(Int64.max), String(limit)])
        return (0..<rows.count).reversed().map { i in
            let report = Report(trackingID: rows.text(i, 7) ?? "", submittedAt: PGRowDecoding.date(rows, i, 6) ?? Date(),
                                title: rows.text(i, 0) ?? "", body: rows.text(i, 1) ?? "", category: rows.text(i, 2) ?? "",
                                kecamatan: rows.text(i, 3) ?? "", kelurahan: rows.text(i, 4) ?? "")
            return RoutingExample(report: report, agency: rows.text(i, 5) ?? "")
        }
    }

    private static func hex(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(data.count * 2)
        for byte in data {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func bytes(hex: String) -> Data? {
        var data = Data(capacity: hex.utf8.count / 2)
        var high: UInt8?
        for c in hex.utf8 {
            let v: UInt8
            switch c {
            case 48...57: v = c - 48
            case 97...102: v = c - 87
            default: return nil
            }
            if let h = high { data.append(h << 4 | v); high = nil } else { high = v }
        }
        return data
    }

    public func fullTextHits(_ filter: String) throws -> [Int64]? { nil }

    public func hasIncidents() throws -> Bool {
        try query("SELECT EXISTS (SELECT 1 FROM report WHERE incident_of IS NOT NULL)").text(0, 0) == "t"
    }

    public func report(id: Int64, for user: User) throws -> Report {
        let rows = try query("SELECT \(reportColumns) FROM report WHERE id = $1", [String(id)], keep: true)
        guard rows.count > 0 else { throw LaporError.reportNotFound(String(id)) }
        let report = PGRowDecoding.report(rows, 0)
        guard Visibility(user: user).allows(agencyID: report.agencyID) else {
            throw LaporError.notVisible(login: user.login, trackingID: report.trackingID)
        }
        return report
    }

    public func templates(for user: User, action: LifecycleAction?) throws -> [ReplyTemplate] {
        ReplyTemplate.usable(try storedTemplates(), for: user, action: action)
    }

    public func fillNotes(_ texts: [(text: String, language: Language)], reportID id: Int64, agency agencyRef: String?,
                          by user: User) throws -> [String] {
        let report = try report(id: id, for: user)
        var agencyName: String?
        if let agencyRef, !agencyRef.isEmpty {
            agencyName = try agency(named: agencyRef).name
        } else if let own = report.agencyID {
            agencyName = try query("SELECT name FROM agency WHERE id = $1", [String(own)]).text(0, 0)
        }
        return try texts.map {
            try TemplateText.fill($0.text, for: report, agencyName: agencyName, by: user, zone: zone, language: $0.language)
        }
    }

    public func group(_ refs: [String], into primaryRef: String, by user: User, at now: Date) throws -> IncidentSummary {
        try write { try IncidentFlow(steps: PGActionSteps(store: self), user: user, now: now).group(refs, into: primaryRef) }
    }

    public func ungroup(_ refs: [String], by user: User, at now: Date) throws -> [String] {
        try write { try IncidentFlow(steps: PGActionSteps(store: self), user: user, now: now).ungroup(refs) }
    }

    public func undo(auditID: Int64, by user: User, at now: Date) throws -> Report {
        try write { try UndoFlow(steps: PGActionSteps(store: self), user: user, now: now).undo(auditID: auditID) }
    }

    public func countReports(_ condition: ReportCondition?, for user: User, cap: Int) throws -> (Int, Bool) {
        if condition == nil && Visibility(user: user) == .all {
            return (try query("SELECT coalesce(sum(n), 0) FROM daily_total").int(0, 0) ?? 0, false)
        }
        let (whereSQL, parameters) = try whereClause(condition, visibility: Visibility(user: user))
        let n = try query("SELECT count(*) FROM (SELECT 1 FROM report \(whereSQL) LIMIT \(cap + 1)) AS capped",
                          parameters).int(0, 0) ?? 0
        return (min(n, cap), n > cap)
    }

    public func position(ofNextAmong hits: [Int64], after index: Int, forward: Bool, for user: User,
                         budget: Int) throws -> HitPosition {
        hits.isEmpty ? .none : .gaveUp
    }

    /// The queue position of the next match after `index` (wrapping), counted by the server.
    public func position(ofNext matching: ReportCondition, within: ReportCondition?, after index: Int, forward: Bool,
                         for user: User, walkOrder: Bool) throws -> Int? {
        try snapshot {
            let visibility = Visibility(user: user)
            let (allWhere, allParameters) = try whereClause(within, visibility: visibility)
            let (hitWhere, hitParameters) = try whereClause(.both(within, matching), visibility: visibility)
            let order = forward ? "ASC" : "DESC"
            var anchor: (String, String)?
            if forward || index > 0 {
                let n = allParameters.count
                let rows = try query("""
                    SELECT submitted_at, id FROM report \(allWhere) ORDER BY submitted_at, id LIMIT 1 OFFSET $\(n + 1)
                    """, allParameters + [String(max(0, index))])
                if rows.count > 0 { anchor = (rows.text(0, 0) ?? "0", rows.text(0, 1) ?? "0") }
            }
            var hit: (String, String)?
            if let anchor {
                let n = hitParameters.count
                let extra = (hitWhere.isEmpty ? "WHERE " : hitWhere + " AND ")
                    + "(submitted_at, id) \(forward ? ">" : "<") ($\(n + 1)::bigint, $\(n + 2)::bigint)"
                let rows = try query("""
                    SELECT submitted_at, id FROM report \(extra) ORDER BY submitted_at \(order), id \(order) LIMIT 1
                    """, hitParameters + [anchor.0, anchor.1])
                if rows.count > 0 { hit = (rows.text(0, 0) ?? "0", rows.text(0, 1) ?? "0") }
            }
            if hit == nil {
                let rows = try query("""
                    SELECT submitted_at, id FROM report \(hitWhere) ORDER BY submitted_at \(order), id \(order) LIMIT 1
                    """, hitParameters)
                if rows.count > 0 { hit = (rows.text(0, 0) ?? "0", rows.text(0, 1) ?? "0") }
            }
            guard let hit else { return nil }
            let n = allParameters.count
            let before = (allWhere.isEmpty ? "WHERE " : allWhere + " AND ") + "(submitted_at, id) < ($\(n + 1)::bigint, $\(n + 2)::bigint)"
            return try query("SELECT count(*) FROM report \(before)", allParameters + [hit.0, hit.1]).int(0, 0)
        }
    }

    public func reportIDs(_ condition: ReportCondition?, for user: User) throws -> [Int64] {
        let (whereSQL, parameters) = try whereClause(condition, visibility: Visibility(user: user))
        let rows = try query("SELECT id FROM report \(whereSQL) ORDER BY id", parameters)
        return (0..<rows.count).compactMap { PGRowDecoding.int(rows, $0, 0) }
    }

    public func agencyTallies(now: Date, for user: User) throws -> [AgencyTally] {
        try snapshot {
            let (whereSQL, parameters) = try whereClause(.routed, visibility: Visibility(user: user))
            let t = "$\(parameters.count + 1)::bigint"
            let rows = try query("""
                SELECT agency.code, report.state, count(*),
                       count(*) FILTER (WHERE report.due_at < \(t)),
                       count(*) FILTER (WHERE report.due_at >= \(t) AND report.due_soon_at <= \(t)),
                       count(*) FILTER (WHERE report.bounces > 0), coalesce(sum(report.bounces), 0)
                FROM report JOIN agency ON agency.id = report.agency_id \(whereSQL)
                GROUP BY agency.code, report.state
                """, parameters + [PGRowDecoding.seconds(now)])
            var byCode: [String: AgencyTally] = [:]
            for i in 0..<rows.count {
                let code = rows.text(i, 0) ?? ""
                var tally = byCode[code] ?? AgencyTally(code: code)
                let state = ReportState(rawValue: rows.text(i, 1) ?? "")
                if let state { tally.counts[state] = rows.int(i, 2) ?? 0 }
                tally.overdue += rows.int(i, 3) ?? 0
                tally.dueSoon += rows.int(i, 4) ?? 0
                if state?.isOpen ?? false { tally.bouncedOpen += rows.int(i, 5) ?? 0 }
                tally.bounces += rows.int(i, 6) ?? 0
                byCode[code] = tally
            }
            let (incidentWhere, incidentParameters) = try whereClause(.all([.routed, .inIncident, .open]),
                                                                       visibility: Visibility(user: user))
            let incidents = try query("""
                SELECT agency.code, count(DISTINCT report.incident_of) FROM report JOIN agency ON agency.id = report.agency_id
                \(incidentWhere) GROUP BY agency.code
                """, incidentParameters)
            for i in 0..<incidents.count {
                let code = incidents.text(i, 0) ?? ""
                byCode[code, default: AgencyTally(code: code)].incidents = incidents.int(i, 1) ?? 0
            }
            return byCode.values.sorted { $0.code < $1.code }
        }
    }

    public func slaGroups(now: Date, for user: User) throws -> [(clock: String, agency: String, overdue: Int, dueSoon: Int)] {
        let t = PGRowDecoding.seconds(now)
        let (whereSQL, parameters) = try whereClause(.dueSoonBy(Int64(t) ?? 0), visibility: Visibility(user: user))
        let n = parameters.count
        let rows = try query("""
            SELECT report.due_clock, coalesce(agency.code, '—'), count(*) FILTER (WHERE report.due_at < $\(n + 1)::bigint),
                   count(*) FILTER (WHERE report.due_at >= $\(n + 1)::bigint)
            FROM report LEFT JOIN agency ON agency.id = report.agency_id \(whereSQL)
            GROUP BY 1, 2 ORDER BY 3 DESC, report.due_clock COLLATE "C", coalesce(agency.code, '—') COLLATE "C"
            """, parameters + [t])
        return (0..<rows.count).map { (rows.text($0, 0) ?? "", rows.text($0, 1) ?? "", rows.int($0, 2) ?? 0, rows.int($0, 3) ?? 0) }
    }

    public func bouncedReports(limit: Int, for user: User) throws -> [Report] {
        try reports(ReportQuery(condition: .all([.bounced, .open]), sort: .updated, limit: limit), for: user)
            .sorted { $0.bounces > $1.bounces }
    }

    public func memberCounts(_ ids: [Int64]) throws -> [Int64: Int] {
        guard !ids.isEmpty else { return [:] }
        let rows = try query("""
            SELECT incident_of, count(*) - 1 FROM report WHERE incident_of = ANY ($1::bigint[]) GROUP BY incident_of
            """, [PGCopyText.idArray(ids)])
        var out: [Int64: Int] = [:]
        for i in 0..<rows.count {
            if let id = PGRowDecoding.int(rows, i, 0) { out[id] = rows.int(i, 1) ?? 0 }
        }
        return out
    }

    public func act(_ action: LifecycleAction, reportID: Int64, by user: User, at now: Date, note: String,
                    agency agencyRef: String?, expectedVersion: Int?, fill: Language?,
                    detail: ActionDetail) throws -> ActionResult {
        try act(action, .id(reportID), by: user, at: now, note: note, agency: agencyRef, expectedVersion: expectedVersion,
                fill: fill, detail: detail)
    }

    public func reportDayRange(for user: User) throws -> (Trend.Day, Trend.Day)? {
        let (whereSQL, parameters) = try whereClause(nil, visibility: Visibility(user: user))
        let rows = try query("SELECT min(submitted_at), max(submitted_at) FROM report \(whereSQL)", parameters)
        guard let first = PGRowDecoding.date(rows, 0, 0), let last = PGRowDecoding.date(rows, 0, 1) else { return nil }
        return (Trend.Day(first, zone: zone), Trend.Day(last, zone: zone))
    }

    public func breakdown(from: Trend.Day, to: Trend.Day,
                          for user: User) throws -> (channels: [(String, Int)], categories: [(String, Int)]) {
        var parameters = [String(from.ordinal), String(to.ordinal)]
        var agencyFilter = ""
        if case .agency(let own) = Visibility(user: user) {
            agencyFilter = " AND agency_id = $3"
            parameters.append(String(own))
        }
        func grouped(_ column: String) throws -> [(String, Int)] {
            let rows = try query("""
                SELECT \(column), sum(n) AS total FROM daily_count WHERE day BETWEEN $1 AND $2\(agencyFilter)
                GROUP BY 1 HAVING sum(n) > 0 ORDER BY total DESC, \(column) COLLATE "C"
                """, parameters)
            return (0..<rows.count).map { (rows.text($0, 0) ?? "", rows.int($0, 1) ?? 0) }
        }
        return (try grouped("channel"), try grouped("category"))
    }
}
