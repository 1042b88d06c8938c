import Foundation

/// Similar reports on a server: candidates read as SQLite reads them (the same kelurahan in the
/// time window, or the places the report names), here in one full-text lookup bounded by the
/// window's day words, then kept by a shared problem word and ranked by
/// ``SimilarReport/ranked(_:among:window:limit:signatures:)``.
extension PGStore {
    public func similar(to ref: String, for user: User, limit: Int) throws -> [SimilarReport] {
        let report = try self.report(ref, for: user)
        let policy = try incidentPolicy()
        let target = signatureCache.signature(of: report)
        let from = PGRowDecoding.seconds(report.submittedAt.addingTimeInterval(-policy.window))
        let to = PGRowDecoding.seconds(report.submittedAt.addingTimeInterval(policy.window))
        // One index walk for every way a report can be near: the same kelurahan (v6's `~k` word is
        // '~k' || lower(kelurahan), the test lower(kelurahan) = any) or the words of a place the
        // report names, AND one of the window's days (v6's `~d` words), so a common word's posting
        // list is walked only for those days, and each candidate's page is read once.
        var near: [String] = target.kelurahan.map { String($0.dropFirst(4)).lowercased() }.sorted()
            .map { "'" + Self.lexeme("~k" + $0) + "'" }
        var places: [String] = []
        for place in target.namedPlaces.sorted().prefix(4) {
            let words = place.drop { $0 != ":" }.dropFirst().split(separator: " ").map(String.init)
            guard !words.isEmpty else { continue }
            places.append("(" + words.map { "'" + Self.lexeme($0) + "'" }.joined(separator: " & ") + ")")
        }
        guard !near.isEmpty || !places.isEmpty else { return [] }
        // `~k` alone is no report's word (an empty kelurahan adds none): a query part that matches nothing.
        if near.isEmpty { near = ["'~k'"] }
        let days = Self.dayWords(from: report.submittedAt.addingTimeInterval(-policy.window),
                                 to: report.submittedAt.addingTimeInterval(policy.window))
        // As on SQLite: only reports sharing a problem word are similar, and a byte search over
        // their title and body rules out the rest before their whole rows are read and decoded.
        // The cap is SQLite's 5,000 a lookup, for all of them at once.
        let needles = target.needles
        var parameters: [String?] = [from, to, near.joined(separator: " | "), days, String(report.id)]
        var any = "$3::tsquery"
        if !places.isEmpty {
            parameters.append(places.joined(separator: " | "))
            any += " || to_tsquery('simple', lapor_unaccent($6))"
        }
        let texts = try query("""
            SELECT id, title || ' ' || body FROM report
            WHERE search @@ ((\(any)) && $4::tsquery) AND submitted_at BETWEEN $1 AND $2 AND id <> $5
            ORDER BY id LIMIT \(5_000 * (1 + places.count))
            """, parameters)
        let wanted = (0..<texts.count).compactMap { i -> Int64? in
            guard let id = PGRowDecoding.int(texts, i, 0) else { return nil }
            return IncidentSignature.mentions(texts.text(i, 1) ?? "", needles) ? id : nil
        }
        guard !wanted.isEmpty else { return [] }
        let rows = try query("SELECT \(reportColumns) FROM report WHERE id = ANY($1::bigint[]) ORDER BY id",
                             [PGCopyText.idArray(wanted.sorted())], keep: true)
        let visibility = Visibility(user: user)
        let candidates = (0..<rows.count).map { PGRowDecoding.report(rows, $0) }.filter {
            visibility.allows(agencyID: $0.agencyID)
        }
        return SimilarReport.ranked(target, among: candidates, window: policy.window, limit: limit,
                                    signatures: signatureCache)
    }

    /// `text` inside a quoted tsquery lexeme: quotes doubled, backslashes escaped.
    static func lexeme(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''")
    }

    /// The days from `start` to `end` as the `~dNNNNN` words v6 puts in each report's vector (its
    /// stored seconds divided as the server divides them), a tsquery of alternatives.
    static func dayWords(from start: Date, to end: Date) -> String {
        let first = (Int64(PGRowDecoding.seconds(start)) ?? 0) / 86_400
        let last = (Int64(PGRowDecoding.seconds(end)) ?? 0) / 86_400
        return (first...max(first, last)).map { "'~d\($0)'" }.joined(separator: " | ")
    }
}
