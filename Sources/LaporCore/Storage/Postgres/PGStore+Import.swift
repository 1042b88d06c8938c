import Foundation

/// `lapor import` on a server: each batch is one transaction deciding through ``ImportFlow``
/// (the same accounting as SQLite), retried whole when another writer wins a race for a key.
extension PGStore: ReportImporting {
    public func applyImport(_ rows: [ImportRow], by actor: User, at now: Date,
                            dryRun: Bool = false) throws -> ImportBatchResult {
        try ImportFlow<PGImportSteps>.permit(actor)
        return try write(rollback: dryRun) {
            let steps = try PGImportSteps(self, actor: actor, at: now)
            return try ImportFlow(steps: steps, actor: actor, now: now).apply(rows)
        }
    }

    public func recordImportOrigin(file: String, origin: XLSXRecordReader.Origin, by actor: User, at now: Date) throws {
        let preamble = origin.preamble.map { "\($0.label): \($0.value)" }.joined(separator: "; ")
        let note = "\(URL(fileURLWithPath: file).lastPathComponent): sheet '\(origin.sheet)', header row \(origin.headerRow)"
            + (preamble.isEmpty ? "" : "; " + preamble)
        try write {
            try query("""
                INSERT INTO audit (at, actor, role, action, note) VALUES ($1, $2, $3, 'import_file', $4)
                """, [PGRowDecoding.seconds(now), actor.login, actor.role.rawValue, note])
        }
    }

    public func maxReportID() throws -> Int64 {
        PGRowDecoding.int(try query("SELECT coalesce(max(id), 0) FROM report"), 0, 0) ?? 0
    }

    public func resentReports(after maxID: Int64, language: Language,
                              cap: Int = ResentReports.cap) throws -> [ProposedGroup]? {
        try snapshot {
            let span = try query("SELECT min(submitted_at), max(submitted_at), count(*) FROM report WHERE id > $1",
                                 [String(maxID)])
            guard let first = PGRowDecoding.int(span, 0, 0), let last = PGRowDecoding.int(span, 0, 1) else { return [] }
            guard (PGRowDecoding.int(span, 0, 2) ?? 0) <= cap else { return nil }
            let rows = try query("""
                SELECT \(reportColumns) FROM report
                WHERE submitted_at BETWEEN $1 AND $2 AND reporter_contact <> '' AND incident_of IS NULL
                """, [String(first - 86_400), String(last + 86_400)])
            let candidates = (0..<rows.count).map { PGRowDecoding.report(rows, $0) }
            return ResentReports.proposals(candidates, after: maxID, language: language)
        }
    }
}
