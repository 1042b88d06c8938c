import Foundation

/// Similar reports on a server: candidates read as SQLite reads them (the same kelurahan in the
/// time window, or the places the report names found through the full-text vector), then kept
/// by a shared problem word and ranked by ``SimilarReport/ranked(_:among:window:limit:)``.
extension PGStore {
    public func similar(to ref: String, for user: User, limit: Int) throws -> [SimilarReport] {
        let report = try self.report(ref, for: user)
        let policy = try incidentPolicy()
        let target = IncidentSignature(report)
        let from = PGRowDecoding.seconds(report.submittedAt.addingTimeInterval(-policy.window))
        let to = PGRowDecoding.seconds(report.submittedAt.addingTimeInterval(policy.window))
        var ids: Set<Int64> = []
        let kelurahan = target.kelurahan.map { String($0.dropFirst(4)).lowercased() }.sorted()
        if !kelurahan.isEmpty {
            let rows = try query("""
                SELECT id FROM report WHERE submitted_at BETWEEN $1 AND $2 AND lower(kelurahan) = ANY($3::text[])
                ORDER BY id LIMIT 5000
                """, [from, to, PGCopyText.arrayLiteral(kelurahan)])
            ids.formUnion((0..<rows.count).compactMap { PGRowDecoding.int(rows, $0, 0) })
        }
        let days = Self.dayWords(from: report.submittedAt.addingTimeInterval(-policy.window),
                                 to: report.submittedAt.addingTimeInterval(policy.window))
        for place in target.namedPlaces.sorted().prefix(4) {
            let words = place.drop { $0 != ":" }.dropFirst().split(separator: " ").map(String.init)
            guard !words.isEmpty else { continue }
            let exact = words.map { "'\($0.replacingOccurrences(of: "'", with: "''"))'" }.joined(separator: " & ")
            // The window's day words make the index walk only those days' entries of a common word.
            let rows = try query("""
                SELECT id FROM report WHERE search @@ (to_tsquery('simple', lapor_unaccent($1)) && $4::tsquery)
                    AND submitted_at BETWEEN $2 AND $3 ORDER BY id LIMIT 5000
                """, [exact, from, to, days])
            ids.formUnion((0..<rows.count).compactMap { PGRowDecoding.int(rows, $0, 0) })
        }
        ids.remove(report.id)
        guard !ids.isEmpty else { return [] }
        let rows = try query("""
            SELECT \(reportColumns) FROM report
            WHERE id = ANY($1::bigint[]) AND submitted_at BETWEEN $2 AND $3 ORDER BY id
            """, ["{" + ids.sorted().map(String.init).joined(separator: ",") + "}", from, to])
        let needles = target.needles
        let visibility = Visibility(user: user)
        let candidates = (0..<rows.count).map { PGRowDecoding.report(rows, $0) }.filter {
            IncidentSignature.mentions($0.title + " " + $0.body, needles) && visibility.allows(agencyID: $0.agencyID)
        }
        return SimilarReport.ranked(target, among: candidates, window: policy.window, limit: limit)
    }

    /// The days from `start` to `end` as the `~dNNNNN` words v6 puts in each report's vector (its
    /// stored seconds divided as the server divides them), a tsquery of alternatives.
    static func dayWords(from start: Date, to end: Date) -> String {
        let first = (Int64(PGRowDecoding.seconds(start)) ?? 0) / 86_400
        let last = (Int64(PGRowDecoding.seconds(end)) ?? 0) / 86_400
        return (first...max(first, last)).map { "'~d\($0)'" }.joined(separator: " | ")
    }
}
