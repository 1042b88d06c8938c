import Foundation

/// How fast each agency took up what was routed to it: from the latest routing to the first
/// follow-up after it, in working days on the agency's calendar, and whether that was within the
/// follow-up limit. Fed each report's `route`, `follow_up` and `undo` records in order (an undo
/// forgets the routing it follows).
public struct FollowUpSpeed {
    private let engine: SLAClocks
    private let limit: SLALimit
    private var days: [Int64: [Int]] = [:]
    private var met: [Int64: Int] = [:]
    private var routed: (report: Int64, at: Date, agency: Int64?)?

    public init(engine: SLAClocks) {
        self.engine = engine
        limit = engine.policy.limit(.followUp)
    }

    public mutating func add(reportID: Int64, action: String, at: Date, toAgencyID: Int64?) {
        let zone = engine.zone
        if routed?.report != reportID { routed = nil }
        switch action {
        case "route":
            routed = (reportID, at, toAgencyID)
        case "follow_up":
            guard let last = routed, let agency = last.agency else { return }
            let calendar = engine.agencyCalendar(agency) ?? engine.deskCalendar
            let taken = calendar.workingDays(after: Trend.Day(last.at, zone: zone), upTo: Trend.Day(at, zone: zone))
            days[agency, default: []].append(max(0, taken))
            let deadline = Deadline.of(start: last.at, limit: limit, calendar: calendar, zone: zone)
            if at <= deadline { met[agency, default: 0] += 1 }
            // Only the first follow-up after a routing counts.
            routed = (reportID, .distantFuture, nil)
        default:
            routed = nil
        }
    }

    /// Fills each line's median and share met (lines of agencies with no follow-up stay nil).
    public func fill(_ lines: inout [Int64: BoardLine]) {
        for (agency, values) in days where !values.isEmpty {
            let sorted = values.sorted()
            let middle = sorted.count / 2
            let median = sorted.count % 2 == 1
                ? Double(sorted[middle])
                : Double(sorted[middle - 1] + sorted[middle]) / 2
            lines[agency]?.medianFollowUpWorkingDays = median
            lines[agency]?.followUpMetPercent = Double(met[agency] ?? 0) / Double(values.count) * 100
        }
    }
}
