import Foundation
import GRDB

/// Incidents: similar reports found through the place-and-time index and the full-text index,
/// groups proposed over a filter, confirmed groups with one primary, and emerging bursts.
extension LaporStore {
    // MARK: - Policy

    public func incidentPolicy() throws -> IncidentPolicy { try read { db in try Self.incidentPolicy(db) } }

    static func incidentPolicy(_ db: Database) throws -> IncidentPolicy {
        IncidentPolicy(settings: try SQLiteAdminSteps(db: db).settings(prefix: "incident."))
    }

    /// Changes the incident policy (supervisors); audited like the SLA policy.
    @discardableResult
    public func setIncidentPolicy(_ policy: IncidentPolicy, by actor: User, at now: Date) throws -> IncidentPolicy {
        try administer(at: now) { try $0.setIncidentPolicy(policy, by: actor) }
    }

    // MARK: - Similar reports

    /// The reports most likely about the same incident as `ref`, best first: candidates are read
    /// from the time index (which carries the kelurahan) and from the full-text index by the places
    /// the report names, never by scanning the table.
    public func similar(to ref: String, for user: User, limit: Int = 10) throws -> [SimilarReport] {
        let report = try self.report(ref, for: user)
        return try read { db in
            let policy = try Self.incidentPolicy(db)
            let target = signatureCache.signature(of: report)
            let visibility = Visibility(user: user)
            // Only reports sharing a problem word are similar; a byte search over their title and body
            // rules out the rest before their whole rows, words and places are read.
            let needles = target.needles
            let ids = try Self.candidateIDs(db, around: report, signature: target, window: policy.window)
            var wanted: [Int64] = []
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(ids.count, start + 500)])
                // One string per row, joined by SQLite, read through a cursor: no row array, one decode.
                let sql = "SELECT id, title || ' ' || body FROM report WHERE id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))"
                let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: StatementArguments(chunk))
                while let row = try rows.next() {
                    if IncidentSignature.mentions(row[1] as String, needles) { wanted.append(row[0]) }
                }
            }
            let visible = try Self.reports(db, ids: wanted, around: report.submittedAt, window: policy.window)
                .filter { visibility.allows(agencyID: $0.agencyID) }
            return SimilarReport.ranked(target, among: visible, window: policy.window, limit: limit,
                                        signatures: signatureCache)
        }
    }

    static func candidateIDs(_ db: Database, around report: Report, signature: IncidentSignature, window: Double) throws -> [Int64] {
        let from = RowDecoding.seconds(report.submittedAt.addingTimeInterval(-window))
        let to = RowDecoding.seconds(report.submittedAt.addingTimeInterval(window))
        var ids: Set<Int64> = []
        // The same kelurahan in the window, read from the time index's entries alone (it carries the
        // kelurahan), whether the kelurahan came in its field or in the text ("kel. Pajang").
        let kelurahan = signature.kelurahan.map { String($0.dropFirst(4)) }
        if !kelurahan.isEmpty {
            let marks = kelurahan.map { _ in "?" }.joined(separator: ",")
            ids.formUnion(try Int64.fetchAll(db, sql: """
                SELECT id FROM report INDEXED BY report_submitted
                WHERE submitted_at BETWEEN ? AND ? AND kelurahan COLLATE NOCASE IN (\(marks)) AND id <> ? LIMIT 5000
                """, arguments: StatementArguments([from, to] as [Int64] + []) + StatementArguments(kelurahan)
                    + StatementArguments([report.id])))
        }
        // Reports that give the place only in their text: the place's words as a phrase, within the
        // window's id range (ids follow arrival, so the range is tight; the time is checked after).
        let places = signature.namedPlaces.sorted().prefix(4)
        if !places.isEmpty, let range = try Row.fetchOne(db, sql: """
            SELECT min(id), max(id) FROM report INDEXED BY report_submitted WHERE submitted_at BETWEEN ? AND ?
            """, arguments: [from, to]), let low: Int64 = range[0], let high: Int64 = range[1] {
            for place in places {
                let words = place.drop { $0 != ":" }.dropFirst().split(separator: " ").map { "\"\($0)\"" }
                guard !words.isEmpty else { continue }
                ids.formUnion(try Int64.fetchAll(db, sql: """
                    SELECT rowid FROM report_text WHERE report_text MATCH ? AND rowid BETWEEN ? AND ? LIMIT 5000
                    """, arguments: [words.joined(separator: " "), low, high]))
            }
        }
        ids.remove(report.id)
        return ids.sorted()
    }

    /// Whole rows of `ids` submitted within `window` of `center`.
    static func reports(_ db: Database, ids list: [Int64], around center: Date, window: Double) throws -> [Report] {
        let from = RowDecoding.seconds(center.addingTimeInterval(-window))
        let to = RowDecoding.seconds(center.addingTimeInterval(window))
        var found: [Report] = []
        for start in stride(from: 0, to: list.count, by: 500) {
            let chunk = Array(list[start..<min(list.count, start + 500)])
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT \(RowDecoding.reportColumns) FROM report WHERE id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
                    AND submitted_at BETWEEN ? AND ?
                """), arguments: StatementArguments(chunk) + StatementArguments([from, to]))
            while let row = try rows.next() { found.append(RowDecoding.report(row)) }
        }
        return found
    }

    // MARK: - Confirmed incidents

    /// Puts reports under `primary` as one incident (operators and supervisors), each change audited.
    @discardableResult
    public func group(_ refs: [String], into primaryRef: String, by user: User, at now: Date) throws -> IncidentSummary {
        let zone = self.zone
        return try write { db in
            try IncidentFlow(steps: SQLiteActionSteps(db: db, zone: zone), user: user, now: now).group(refs, into: primaryRef)
        }
    }

    /// Takes reports out of their incident (``IncidentFlow/ungroup(_:)``).
    public func ungroup(_ refs: [String], by user: User, at now: Date) throws -> [String] {
        let zone = self.zone
        return try write { db in
            try IncidentFlow(steps: SQLiteActionSteps(db: db, zone: zone), user: user, now: now).ungroup(refs)
        }
    }

    /// The highest report id, so an import can tell its new reports afterwards.
    public func maxReportID() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM report") ?? 0 }
    }

    /// Reports an import added that were sent again: the same reporter contact and nearly the same
    /// words within a day of another report (new or already here). Each group's first report is the
    /// earliest. Imports of more than `cap` new reports are not checked (nil: a full history load).
    public func resentReports(after maxID: Int64, language: Language, cap: Int = ResentReports.cap) throws -> [ProposedGroup]? {
        try read { db in
            guard let span = try Row.fetchOne(db, sql: "SELECT min(submitted_at), max(submitted_at), count(*) FROM report WHERE id > ?",
                                              arguments: [maxID]), let first: Int64 = span[0], let last: Int64 = span[1] else { return [] }
            guard (span[2] as Int) <= cap else { return nil }
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(RowDecoding.reportColumns) FROM report INDEXED BY report_submitted
                WHERE submitted_at BETWEEN ? AND ? AND reporter_contact <> '' AND incident_of IS NULL
                """, arguments: [first - 86_400, last + 86_400]).map(RowDecoding.report)
            return ResentReports.proposals(rows, after: maxID, language: language)
        }
    }

    /// Whether any report is in an incident (read from the partial index).
    public func hasIncidents() throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM report WHERE incident_of IS NOT NULL)") ?? false }
    }

    /// The incident a report is in, if any.
    public func incident(of reportID: Int64) throws -> IncidentSummary? {
        try read { db in
            guard let primary = try Int64.fetchOne(db, sql: "SELECT incident_of FROM report WHERE id = ?", arguments: [reportID]) else {
                return nil
            }
            let tid = try String.fetchOne(db, sql: "SELECT tracking_id FROM report WHERE id = ?", arguments: [primary]) ?? "?"
            let members = try Int.fetchOne(db, sql: "SELECT count(*) FROM report WHERE incident_of = ? AND id <> ?",
                                           arguments: [primary, primary]) ?? 0
            return IncidentSummary(primaryID: primary, primary: tid, members: members)
        }
    }

    /// Member counts of the primaries among `ids` (for the queue's `+N`).
    public func memberCounts(_ ids: [Int64]) throws -> [Int64: Int] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT incident_of, count(*) - 1 FROM report WHERE incident_of IN (\(ids.map { _ in "?" }.joined(separator: ",")))
                GROUP BY incident_of
                """, arguments: StatementArguments(ids))
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as Int64, $0[1] as Int) })
        }
    }
}
