/// A ``ReportCondition`` as PostgreSQL SQL on `report`, numbering its `$n` parameters (text values
/// the server types from their context). Each case answers as SQLite's does: `ILIKE` where SQLite's
/// LIKE ignores ASCII case, `lower()` where SQLite compares agency codes NOCASE, and full text
/// through the stored `search` vector with each word a prefix (`'word':*`).
struct PGCondition {
    private(set) var parameters: [String?] = []

    /// The condition's SQL; its values are appended to ``parameters``.
    mutating func sql(_ condition: ReportCondition) -> String {
        switch condition {
        case .all(let parts):
            return joined(parts, " AND ", empty: "true")
        case .any(let parts):
            return joined(parts, " OR ", empty: "false")
        case .not(let inner):
            return "NOT (\(sql(inner)))"
        case .nothing:
            return "false"
        case .state(let state):
            return "report.state = \(bind(state.rawValue))"
        case .states(let states):
            return inList("report.state", states.map(\.rawValue))
        case .open:
            return inList("report.state", ReportState.allCases.filter(\.isOpen).map(\.rawValue))
        case .agencyID(let id):
            return "report.agency_id = \(bind(String(id)))"
        case .routed:
            return "report.agency_id IS NOT NULL"
        case .agencyMatching(let text):
            let code = bind(text), like = bind(Self.like(text))
            return """
                report.agency_id IN (SELECT id FROM agency WHERE merged_into IS NULL AND \
                CASE WHEN EXISTS (SELECT 1 FROM agency WHERE lower(code) = lower(\(code)) AND merged_into IS NULL) \
                THEN lower(code) = lower(\(code)) \
                ELSE (code ILIKE \(like) OR name ILIKE \(like) OR aliases ILIKE \(like)) END)
                """
        case .categoryContains(let text):
            // The same rows as `category ILIKE p OR subcategory ILIKE p`: the pattern is tried on the
            // pairs in use (v6's `category_seen`), each row only compared for equality.
            let like = bind(Self.like(text))
            let categories = "ARRAY(SELECT category FROM category_seen WHERE category ILIKE \(like))"
            let subcategories = "ARRAY(SELECT subcategory FROM category_seen WHERE subcategory ILIKE \(like))"
            return "(report.category = ANY (\(categories)) OR report.subcategory = ANY (\(subcategories)))"
        case .areaContains(let text):
            let like = bind(Self.like(text))
            return "(report.kecamatan ILIKE \(like) OR report.kelurahan ILIKE \(like))"
        case .channel(let channel):
            return "report.channel = \(bind(channel.rawValue))"
        case .type(let type):
            return "report.type = \(bind(type.rawValue))"
        case .submitted(let from, let before):
            var parts: [String] = []
            if let from { parts.append("report.submitted_at >= \(bind(String(from)))") }
            if let before { parts.append("report.submitted_at < \(bind(String(before)))") }
            return parts.isEmpty ? "true" : parts.joined(separator: " AND ")
        case .dueBefore(let t):
            return "report.due_at < \(bind(String(t)))"
        case .dueBetween(let a, let b):
            return "report.due_at >= \(bind(String(a))) AND report.due_at <= \(bind(String(b)))"
        case .dueSoonBy(let t):
            return "report.due_at IS NOT NULL AND report.due_soon_at <= \(bind(String(t)))"
        case .anonymous:
            return "report.anonymous = 1"
        case .confidential:
            return "report.confidential = 1"
        case .bounced:
            return "report.bounces > 0"
        case .ids(let ids):
            guard !ids.isEmpty else { return "false" }
            return "report.id = ANY(\(bind(PGCopyText.idArray(ids)))::bigint[])"
        case .inIncident:
            return "report.incident_of IS NOT NULL"
        case .notIncidentMember:
            return "(report.incident_of IS NULL OR report.incident_of = report.id)"
        case .incidentOf(let trackingID):
            return "report.incident_of = (SELECT r.incident_of FROM report r WHERE r.tracking_id = \(bind(trackingID)))"
        case .registeredIn(let year):
            return "report.id IN (SELECT report_id FROM info_request WHERE year = \(bind(String(year))))"
        case .words(let words):
            let query = Self.tsQuery(words)
            guard !query.isEmpty else { return "false" }
            return "report.search @@ to_tsquery('simple', lapor_unaccent(\(bind(query))))"
        }
    }

    /// Each token a quoted prefix, all required. Tokens hold only letters and digits (the filter
    /// compiler's), so quoting keeps them literal; a stray quote is doubled all the same.
    static func tsQuery(_ tokens: [String]) -> String {
        tokens.filter { !$0.isEmpty }
            .map { "'\($0.replacingOccurrences(of: "'", with: "''"))':*" }
            .joined(separator: " & ")
    }

    /// `%text%` with LIKE's wildcards escaped by PostgreSQL's default escape, the backslash.
    static func like(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        return "%\(escaped)%"
    }

    /// The order of ``ReportQuery/Sort`` as SQLite gives it: text by code point, NULLs first.
    static func orderBy(_ sort: ReportQuery.Sort) -> String {
        switch sort {
        case .submitted: "report.submitted_at, report.id"
        case .newest: "report.submitted_at DESC, report.id DESC"
        case .tracking: "report.tracking_id COLLATE \"C\""
        case .state: "report.state COLLATE \"C\", report.submitted_at, report.id"
        case .agency: "report.agency_id NULLS FIRST, report.submitted_at, report.id"
        case .updated: "report.updated_at DESC, report.id DESC"
        }
    }

    private mutating func bind(_ value: String) -> String {
        parameters.append(value)
        return "$\(parameters.count)"
    }

    private mutating func joined(_ parts: [ReportCondition], _ separator: String, empty: String) -> String {
        guard !parts.isEmpty else { return empty }
        var out: [String] = []
        for part in parts { out.append("(\(sql(part)))") }
        return out.joined(separator: separator)
    }

    private mutating func inList(_ column: String, _ values: [String]) -> String {
        guard !values.isEmpty else { return "false" }
        var placeholders: [String] = []
        for value in values { placeholders.append(bind(value)) }
        return "\(column) IN (\(placeholders.joined(separator: ", ")))"
    }
}
