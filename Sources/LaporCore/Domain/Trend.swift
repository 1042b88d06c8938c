import Foundation

/// Volume over time: buckets of report counts with every bucket present, zeros included.
public enum Trend {
    public enum Bucket: String, Sendable, CaseIterable { case day, week, month }

    /// A calendar day in the desk's zone, as `YYYY-MM-DD`.
    public struct Day: Sendable, Hashable, Comparable {
        public let year: Int, month: Int, day: Int
        public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }

        public init?(_ text: String) {
            let parts = text.split(separator: "-")
            guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
                  DeskZone.jakarta.date(year: y, month: m, day: d) != nil else { return nil }
            self.init(year: y, month: m, day: d)
        }

        public init(_ date: Date, zone: DeskZone) {
            let (y, m, d, _, _, _) = zone.components(date)
            self.init(year: y, month: m, day: d)
        }

        public var text: String { String(format: "%04d-%02d-%02d", year, month, day) }

        /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic without time zones.
        public var ordinal: Int {
            let y = month <= 2 ? year - 1 : year
            let era = (y >= 0 ? y : y - 399) / 400
            let yoe = y - era * 400
            let mp = (month + 9) % 12
            let doy = (153 * mp + 2) / 5 + day - 1
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
            return era * 146_097 + doe - 719_468
        }

        public init(ordinal: Int) {
            let z = ordinal + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let doe = z - era * 146_097
            let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
            let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
            let mp = (5 * doy + 2) / 153
            let d = doy - (153 * mp + 2) / 5 + 1
            let m = mp < 10 ? mp + 3 : mp - 9
            self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
        }

        public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }
        /// 1 = Monday … 7 = Sunday.
        public var isoWeekday: Int { ((ordinal % 7) + 7 + 3) % 7 + 1 }

        public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
    }

    /// The bucket a day belongs to: itself, the Monday of its week, or the first of its month.
    public static func bucketStart(_ day: Day, _ bucket: Bucket) -> Day {
        switch bucket {
        case .day: day
        case .week: day.adding(days: 1 - day.isoWeekday)
        case .month: Day(year: day.year, month: day.month, day: 1)
        }
    }

    /// Every bucket overlapping `from...to`, in order, with the counts of the days inside the range.
    public static func buckets(daily: [Day: Int], from: Day, to: Day, by bucket: Bucket) -> [(start: Day, count: Int)] {
        guard from <= to else { return [] }
        var out: [(start: Day, count: Int)] = []
        var day = from
        while day <= to {
            let start = bucketStart(day, bucket)
            let count = daily[day] ?? 0
            if let last = out.last, last.start == start { out[out.count - 1].count += count } else { out.append((start, count)) }
            day = day.adding(days: 1)
        }
        return out
    }
}
