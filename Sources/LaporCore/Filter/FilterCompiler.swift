import Foundation

/// Turns a parsed filter into a parameterised SQL condition on `report`; every value is bound.
public struct FilterCompiler: Sendable {
    public var now: Date
    public var zone: DeskZone
    /// The desk's calendar, for `~w N` working days.
    public var calendar: WorkingCalendar
    /// Tagged report ids; nil outside the desk, where `~t` is refused.
    public var tagged: Set<Int64>?

    public init(now: Date, zone: DeskZone, calendar: WorkingCalendar, tagged: Set<Int64>? = nil) {
        self.now = now; self.zone = zone; self.calendar = calendar; self.tagged = tagged
    }

    /// Parses and compiles; nil for an empty filter.
    public func compile(_ text: String) throws(FilterError) -> SQLFragment? {
        guard let expr = try FilterParser.parse(text) else { return nil }
        return try compile(expr)
    }

    public func compile(_ expr: FilterExpr) throws(FilterError) -> SQLFragment {
        let seconds = { (d: Date) in SQLFragment.Value.integer(Int64(d.timeIntervalSince1970.rounded(.down))) }
        switch expr {
        case .all(let parts), .any(let parts):
            var sql: [String] = []
            var values: [SQLFragment.Value] = []
            for part in parts {
                let f = try compile(part)
                sql.append("(\(f.sql))"); values += f.values
            }
            if case .all = expr { return SQLFragment(sql.joined(separator: " AND "), values) }
            return SQLFragment(sql.joined(separator: " OR "), values)
        case .not(let inner):
            let f = try compile(inner)
            return SQLFragment("NOT (\(f.sql))", f.values)
        case .state(let state):
            return SQLFragment("report.state = ?", [.text(state.rawValue)])
        case .agency(let text):
            // An exact code means that agency alone (`~a DP` is not also DPUPR and DPMPTSP);
            // any other text matches every agency whose code, name or alias contains it.
            let like = Self.like(text)
            return SQLFragment("""
                report.agency_id IN (SELECT id FROM agency WHERE merged_into IS NULL AND \
                CASE WHEN EXISTS (SELECT 1 FROM agency WHERE code = ? AND merged_into IS NULL) THEN code = ? \
                ELSE (code LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\') END)
                """, [.text(text), .text(text), like, like, like])
        case .category(let text):
            let like = Self.like(text)
            return SQLFragment("(report.category LIKE ? ESCAPE '\\' OR report.subcategory LIKE ? ESCAPE '\\')", [like, like])
        case .area(let text):
            let like = Self.like(text)
            return SQLFragment("(report.kecamatan LIKE ? ESCAPE '\\' OR report.kelurahan LIKE ? ESCAPE '\\')", [like, like])
        case .channel(let channel):
            return SQLFragment("report.channel = ?", [.text(channel.rawValue)])
        case .submitted(let range):
            switch range {
            case .days(let from, let to):
                var parts: [String] = []
                var values: [SQLFragment.Value] = []
                if let from { parts.append("report.submitted_at >= ?"); values.append(seconds(Deadline.startOfDay(from, zone: zone))) }
                if let to { parts.append("report.submitted_at < ?"); values.append(seconds(Deadline.startOfDay(to.adding(days: 1), zone: zone))) }
                return SQLFragment(parts.joined(separator: " AND "), values)
            case .newerThan(let days):
                let start = Deadline.startOfDay(Trend.Day(now, zone: zone).adding(days: -days), zone: zone)
                return SQLFragment("report.submitted_at >= ?", [seconds(start)])
            case .olderThan(let days):
                return SQLFragment("report.submitted_at < ?", [seconds(now.addingTimeInterval(-Double(days) * 86_400))])
            }
        case .overdue:
            return SQLFragment("report.due_at < ?", [seconds(now)])
        case .dueWithin(let n):
            // Today counts as the first day when it is a working day; ~w 0 means "by the end of today".
            let today = Trend.Day(now, zone: zone)
            let lastDay = n == 0 ? today : calendar.adding(workingDays: n, after: today.adding(days: -1))
            let limit = Deadline.endOfDay(lastDay, zone: zone)
            return SQLFragment("report.due_at >= ? AND report.due_at <= ?", [seconds(now), seconds(limit)])
        case .anonymous:
            return SQLFragment("report.anonymous = 1")
        case .confidential:
            return SQLFragment("report.confidential = 1")
        case .tagged:
            guard let tagged else { throw FilterError(column: 1, message: "~t (tagged) works only in the desk") }
            if tagged.isEmpty { return SQLFragment("0") }
            return SQLFragment("report.id IN (\(tagged.map { _ in "?" }.joined(separator: ",")))", tagged.sorted().map { .integer($0) })
        case .informationRequest:
            return SQLFragment("report.type = 'permintaan_informasi'")
        case .inIncident:
            return SQLFragment("report.incident_of IS NOT NULL")
        case .incident(let ref):
            // The incident of the named report, whether it is the primary or a member.
            let bare = ref.hasPrefix("#") ? String(ref.dropFirst()) : ref
            return SQLFragment("report.incident_of = (SELECT r.incident_of FROM report r WHERE r.tracking_id = ?)", [.text(bare)])
        case .text(let words):
            let query = Self.ftsQuery(words)
            // Nothing searchable (only punctuation or emoji): match nothing, also inside an `|`.
            if query.isEmpty { return SQLFragment("0") }
            return SQLFragment("report.id IN (SELECT rowid FROM report_text WHERE report_text MATCH ?)", [.text(query)])
        }
    }

    /// `%text%` with LIKE's wildcards escaped, so `50%` means the characters 5, 0 and %.
    static func like(_ text: String) -> SQLFragment.Value {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return .text("%\(escaped)%")
    }

    /// An FTS5 query where each run of letters and digits is a quoted prefix token, all required:
    /// user text never reaches FTS5's own syntax.
    static func ftsQuery(_ words: [String]) -> String {
        var tokens: [String] = []
        for word in words {
            var current = ""
            for ch in word {
                if ch.isLetter || ch.isNumber { current.append(ch) } else if !current.isEmpty { tokens.append(current); current = "" }
            }
            if !current.isEmpty { tokens.append(current) }
        }
        return tokens.map { "\"\($0)\"*" }.joined(separator: " ")
    }
}
