import Foundation

/// Working days: chosen weekdays minus dated holidays. Pure values; arithmetic over a prefix-sum
/// table so "N working days after" and "working days between" cost O(log n) and O(1), which keeps
/// `sla` over every open report fast.
public struct WorkingCalendar: Sendable, Equatable {
    public let name: String
    /// ISO weekdays that are working days (1 = Monday … 7 = Sunday).
    public let weekdays: Set<Int>
    public let holidays: Set<Trend.Day>
    let base: Int
    /// `prefix[i]` = working days among `base ..< base + i`.
    let prefix: [Int32]

    static let firstDay = Trend.Day(year: 1990, month: 1, day: 1)
    static let span = 160 * 366

    public init(name: String, weekdays: Set<Int> = [1, 2, 3, 4, 5], holidays: Set<Trend.Day> = []) {
        self.name = name
        self.weekdays = weekdays
        self.holidays = holidays
        base = Self.firstDay.ordinal
        prefix = PrefixTables.shared.table(weekdays: weekdays, holidays: holidays) {
            let base = Self.firstDay.ordinal
            var table = [Int32](repeating: 0, count: Self.span + 1)
            var count: Int32 = 0
            for i in 0..<Self.span {
                table[i] = count
                let day = Trend.Day(ordinal: base + i)
                if weekdays.contains(day.isoWeekday) && !holidays.contains(day) { count += 1 }
            }
            table[Self.span] = count
            return table
        }
    }

    /// The last year this calendar has holidays for; nil for a calendar without any (24×7).
    public var lastKnownYear: Int? { holidays.map(\.year).max() }

    /// Whether counting to `day` runs past the years this calendar knows (the count may be short).
    public func lacksYear(of day: Trend.Day) -> Bool {
        guard let last = lastKnownYear else { return false }
        return day.year > last
    }

    /// Every day is a working day (RSUD, fire service, water utility).
    public static let roundTheClock = WorkingCalendar(name: "24x7", weekdays: [1, 2, 3, 4, 5, 6, 7])

    public static func == (a: WorkingCalendar, b: WorkingCalendar) -> Bool {
        a.name == b.name && a.weekdays == b.weekdays && a.holidays == b.holidays
    }

    func index(_ day: Trend.Day) -> Int { min(max(day.ordinal - base, 0), Self.span - 1) }

    public func isWorking(_ day: Trend.Day) -> Bool {
        let i = index(day)
        return prefix[i + 1] > prefix[i]
    }

    /// Working days in `(after, upTo]`: the first day never counts. Negative when `upTo` is earlier.
    public func workingDays(after: Trend.Day, upTo: Trend.Day) -> Int {
        Int(prefix[index(upTo) + 1] - prefix[index(after) + 1])
    }

    /// The Nth working day after `day` (the day itself never counts); N = 0 gives `day`.
    public func adding(workingDays n: Int, after day: Trend.Day) -> Trend.Day {
        guard n > 0 else { return day }
        let target = prefix[index(day) + 1] + Int32(n)
        // First i with prefix[i + 1] >= target.
        var lo = index(day) + 1, hi = Self.span - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if prefix[mid + 1] >= target { hi = mid } else { lo = mid + 1 }
        }
        return Trend.Day(ordinal: base + lo)
    }
}

extension WorkingCalendar {
    /// Working time from the table's first day up to `instant`: every moment of a working day counts,
    /// no moment of a weekend, holiday or cuti bersama (domain.md: how a pause moves a working-day deadline).
    public func workingSeconds(upTo instant: Date, zone: DeskZone) -> Double {
        let day = Trend.Day(instant, zone: zone)
        let before = Double(prefix[index(day)]) * 86_400
        guard isWorking(day) else { return before }
        return before + instant.timeIntervalSince(Deadline.startOfDay(day, zone: zone))
    }

    /// The instant at which `workingSeconds(upTo:)` reaches `seconds`, always inside a working day
    /// (a whole number of days lands at the start of the next working day, not in the gap before it).
    public func instant(atWorkingSeconds seconds: Double, zone: DeskZone) -> Date {
        let whole = Int32(clamping: Int((seconds / 86_400).rounded(.down)))
        let rest = seconds - Double(whole) * 86_400
        // First i with prefix[i + 1] > whole: the (whole + 1)th working day of the table.
        var lo = 0, hi = Self.span - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if prefix[mid + 1] > whole { hi = mid } else { lo = mid + 1 }
        }
        return Deadline.startOfDay(Trend.Day(ordinal: base + lo), zone: zone).addingTimeInterval(rest)
    }

    /// `instant` moved later by `seconds` of working time.
    public func adding(workingSeconds seconds: Double, to instant: Date, zone: DeskZone) -> Date {
        guard seconds > 0 else { return instant }
        return self.instant(atWorkingSeconds: workingSeconds(upTo: instant, zone: zone) + seconds, zone: zone)
    }
}

/// Built prefix tables by (weekdays, holidays). A table is 58,560 days of work to build, and the
/// store builds its calendars for every transition and import batch (callgrind: 36 M instructions
/// per batch); the same calendar is shared instead. Arrays are copy-on-write, so sharing is free.
final class PrefixTables: @unchecked Sendable {
    static let shared = PrefixTables()
    private struct Key: Hashable { let weekdays: Set<Int>; let holidays: Set<Trend.Day> }
    private let lock = NSLock()
    private var tables: [Key: [Int32]] = [:]

    func table(weekdays: Set<Int>, holidays: Set<Trend.Day>, build: () -> [Int32]) -> [Int32] {
        let key = Key(weekdays: weekdays, holidays: holidays)
        if let table = lock.withLock({ tables[key] }) { return table }
        let table = build()
        lock.withLock {
            if tables.count >= 32 { tables.removeAll() } // calendars edited many times in one process
            tables[key] = table
        }
        return table
    }
}
