import Foundation

/// Turns a parsed filter into a ``ReportCondition`` with its times resolved against `now`.
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
    public func compile(_ text: String) throws(FilterError) -> ReportCondition? {
        guard let expr = try FilterParser.parse(text) else { return nil }
        return try compile(expr)
    }

    public func compile(_ expr: FilterExpr) throws(FilterError) -> ReportCondition {
        let seconds = { (d: Date) in Int64(d.timeIntervalSince1970.rounded(.down)) }
        switch expr {
        case .all(let parts):
            var out: [ReportCondition] = []
            for part in parts { out.append(try compile(part)) }
            return .all(out)
        case .any(let parts):
            var out: [ReportCondition] = []
            for part in parts { out.append(try compile(part)) }
            return .any(out)
        case .not(let inner):
            return .not(try compile(inner))
        case .state(let state):
            return .state(state)
        case .agency(let text):
            return .agencyMatching(text)
        case .category(let text):
            return .categoryContains(text)
        case .area(let text):
            return .areaContains(text)
        case .channel(let channel):
            return .channel(channel)
        case .submitted(let range):
            switch range {
            case .days(let from, let to):
                let start = from.map { seconds(Deadline.startOfDay($0, zone: zone)) }
                let end = to.map { seconds(Deadline.startOfDay($0.adding(days: 1), zone: zone)) }
                return .submitted(from: start, before: end)
            case .newerThan(let days):
                let start = Deadline.startOfDay(Trend.Day(now, zone: zone).adding(days: -days), zone: zone)
                return .submitted(from: seconds(start), before: nil)
            case .olderThan(let days):
                return .submitted(from: nil, before: seconds(now.addingTimeInterval(-Double(days) * 86_400)))
            }
        case .overdue:
            return .dueBefore(seconds(now))
        case .dueWithin(let n):
            // Today counts as the first day when it is a working day; ~w 0 means "by the end of today".
            let today = Trend.Day(now, zone: zone)
            let lastDay = n == 0 ? today : calendar.adding(workingDays: n, after: today.adding(days: -1))
            return .dueBetween(seconds(now), seconds(Deadline.endOfDay(lastDay, zone: zone)))
        case .anonymous:
            return .anonymous
        case .confidential:
            return .confidential
        case .tagged:
            guard let tagged else { throw FilterError(column: 1, message: "~t (tagged) works only in the desk") }
            return tagged.isEmpty ? .nothing : .ids(tagged.sorted())
        case .informationRequest:
            return .type(.permintaanInformasi)
        case .inIncident:
            return .inIncident
        case .incident(let ref):
            // The incident of the named report, whether it is the primary or a member.
            return .incidentOf(trackingID: ref.hasPrefix("#") ? String(ref.dropFirst()) : ref)
        case .text(let words):
            let tokens = Self.tokens(words)
            // Nothing searchable (only punctuation or emoji): match nothing, also inside an `|`.
            return tokens.isEmpty ? .nothing : .words(tokens)
        }
    }

    /// The runs of letters and digits in the words: what both engines' full-text indexes hold,
    /// so user text never reaches a query syntax.
    static func tokens(_ words: [String]) -> [String] {
        var tokens: [String] = []
        for word in words {
            var current = ""
            for ch in word {
                if ch.isLetter || ch.isNumber {
                    current.append(ch)
                } else if !current.isEmpty {
                    tokens.append(current)
                    current = ""
                }
            }
            if !current.isEmpty { tokens.append(current) }
        }
        return tokens
    }
}
