/// A ``ReportCondition`` as SQLite SQL on `report`: FTS5 for words, LIKE for contains, every value bound.
enum SQLiteCondition {
    static func fragment(_ condition: ReportCondition) -> SQLFragment {
        switch condition {
        case .all(let parts):
            return joined(parts, " AND ", empty: "1")
        case .any(let parts):
            return joined(parts, " OR ", empty: "0")
        case .not(let inner):
            let f = fragment(inner)
            return SQLFragment("NOT (\(f.sql))", f.values)
        case .nothing:
            return SQLFragment("0")
        case .state(let state):
            return SQLFragment("report.state = ?", [.text(state.rawValue)])
        case .states(let states):
            return inList("report.state", states.map { .text($0.rawValue) })
        case .open:
            return SQLFragment(openSQL)
        case .agencyID(let id):
            return SQLFragment("report.agency_id = ?", [.integer(id)])
        case .routed:
            return SQLFragment("report.agency_id IS NOT NULL")
        case .agencyMatching(let text):
            // An exact code means that agency alone (`~a DP` is not also DPUPR and DPMPTSP);
            // any other text matches every agency whose code, name or alias contains it.
            let like = Self.like(text)
            return SQLFragment("""
                report.agency_id IN (SELECT id FROM agency WHERE merged_into IS NULL AND \
                CASE WHEN EXISTS (SELECT 1 FROM agency WHERE code = ? AND merged_into IS NULL) THEN code = ? \
                ELSE (code LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\') END)
                """, [.text(text), .text(text), like, like, like])
        case .categoryContains(let text):
            let like = Self.like(text)
            return SQLFragment("(report.category LIKE ? ESCAPE '\\' OR report.subcategory LIKE ? ESCAPE '\\')", [like, like])
        case .areaContains(let text):
            let like = Self.like(text)
            return SQLFragment("(report.kecamatan LIKE ? ESCAPE '\\' OR report.kelurahan LIKE ? ESCAPE '\\')", [like, like])
        case .channel(let channel):
            return SQLFragment("report.channel = ?", [.text(channel.rawValue)])
        case .type(let type):
            return SQLFragment("report.type = ?", [.text(type.rawValue)])
        case .submitted(let from, let before):
            var parts: [String] = []
            var values: [SQLFragment.Value] = []
            if let from { parts.append("report.submitted_at >= ?"); values.append(.integer(from)) }
            if let before { parts.append("report.submitted_at < ?"); values.append(.integer(before)) }
            return parts.isEmpty ? SQLFragment("1") : SQLFragment(parts.joined(separator: " AND "), values)
        case .dueBefore(let t):
            return SQLFragment("report.due_at < ?", [.integer(t)])
        case .dueBetween(let a, let b):
            return SQLFragment("report.due_at >= ? AND report.due_at <= ?", [.integer(a), .integer(b)])
        case .dueSoonBy(let t):
            return SQLFragment("report.due_at IS NOT NULL AND report.due_soon_at <= ?", [.integer(t)])
        case .anonymous:
            return SQLFragment("report.anonymous = 1")
        case .confidential:
            return SQLFragment("report.confidential = 1")
        case .bounced:
            return SQLFragment("report.bounces > 0")
        case .ids(let ids):
            return ids.isEmpty ? SQLFragment("0") : inList("report.id", ids.map { .integer($0) })
        case .inIncident:
            return SQLFragment("report.incident_of IS NOT NULL")
        case .notIncidentMember:
            return SQLFragment("(report.incident_of IS NULL OR report.incident_of = report.id)")
        case .incidentOf(let trackingID):
            return SQLFragment("report.incident_of = (SELECT r.incident_of FROM report r WHERE r.tracking_id = ?)",
                               [.text(trackingID)])
        case .registeredIn(let year):
            return SQLFragment("report.id IN (SELECT report_id FROM info_request WHERE year = ?)", [.integer(Int64(year))])
        case .words(let words):
            let query = ftsQuery(words)
            if query.isEmpty { return SQLFragment("0") }
            return SQLFragment("report.id IN (SELECT rowid FROM report_text WHERE report_text MATCH ?)", [.text(query)])
        }
    }

    /// `report.state` among the open states. Written as `IN` (not `NOT IN` the closed ones) so
    /// SQLite reads the state index instead of every report: `sla` over 1M reports.
    static let openSQL = "report.state IN ("
        + ReportState.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"

    /// The query's order; the id breaks ties so pages never overlap.
    static func orderBy(_ sort: ReportQuery.Sort) -> String {
        switch sort {
        case .submitted: "report.submitted_at, report.id"
        case .newest: "report.submitted_at DESC, report.id DESC"
        case .tracking: "report.tracking_id"
        case .state: "report.state, report.submitted_at, report.id"
        case .agency: "report.agency_id, report.submitted_at, report.id"
        case .updated: "report.updated_at DESC, report.id DESC"
        }
    }

    static func fragment(_ condition: ReportCondition?) -> SQLFragment? {
        condition.map { fragment($0) }
    }

    /// An FTS5 query where each token is a quoted prefix, all required: user text never reaches
    /// FTS5's own syntax.
    static func ftsQuery(_ tokens: [String]) -> String {
        tokens.filter { !$0.isEmpty }.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"*" }.joined(separator: " ")
    }

    /// `%text%` with LIKE's wildcards escaped, so `50%` means the characters 5, 0 and %.
    static func like(_ text: String) -> SQLFragment.Value {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        return .text("%\(escaped)%")
    }

    private static func joined(_ parts: [ReportCondition], _ separator: String, empty: String) -> SQLFragment {
        guard !parts.isEmpty else { return SQLFragment(empty) }
        var sql: [String] = []
        var values: [SQLFragment.Value] = []
        for part in parts {
            let f = fragment(part)
            sql.append("(\(f.sql))")
            values += f.values
        }
        return SQLFragment(sql.joined(separator: separator), values)
    }

    private static func inList(_ column: String, _ values: [SQLFragment.Value]) -> SQLFragment {
        guard !values.isEmpty else { return SQLFragment("0") }
        return SQLFragment("\(column) IN (\(values.map { _ in "?" }.joined(separator: ",")))", values)
    }
}
