import Foundation

/// The deadline convention of domain.md: N working days end at 23:59:59 (desk zone) of the Nth
/// working day after the day the clock started; the start day never counts. Calendar days
/// likewise, counting every day. Hours are clock hours.
public enum Deadline {
    public static func of(start: Date, limit: SLALimit, calendar: WorkingCalendar, zone: DeskZone) -> Date {
        switch limit {
        case .hours(let n):
            return start.addingTimeInterval(TimeInterval(n) * 3600)
        case .workingDays(let n):
            return endOfDay(calendar.adding(workingDays: n, after: Trend.Day(start, zone: zone)), zone: zone)
        case .calendarDays(let n):
            return endOfDay(Trend.Day(start, zone: zone).adding(days: n), zone: zone)
        }
    }

    /// 23:59:59 of `day` in the desk's zone.
    public static func endOfDay(_ day: Trend.Day, zone: DeskZone) -> Date {
        zone.date(year: day.year, month: day.month, day: day.day, hour: 23, minute: 59, second: 59)!
    }

    /// How much of the limit is used at `now` (0…, above 1 when overdue), counted in the limit's own unit:
    /// for working days only working days after the start day count.
    public static func fractionUsed(start: Date, now: Date, limit: SLALimit, calendar: WorkingCalendar, zone: DeskZone) -> Double {
        switch limit {
        case .hours(let n):
            return max(0, now.timeIntervalSince(start)) / (Double(n) * 3600)
        case .calendarDays(let n):
            let firstCounted = startOfDay(Trend.Day(start, zone: zone).adding(days: 1), zone: zone)
            return max(0, now.timeIntervalSince(firstCounted)) / (Double(n) * 86_400)
        case .workingDays(let n):
            let startDay = Trend.Day(start, zone: zone)
            let today = Trend.Day(now, zone: zone)
            guard today > startDay else { return 0 }
            var seconds = Double(calendar.workingDays(after: startDay, upTo: today.adding(days: -1))) * 86_400
            if calendar.isWorking(today) { seconds += now.timeIntervalSince(startOfDay(today, zone: zone)) }
            return seconds / (Double(n) * 86_400)
        }
    }

    /// Working days left until the deadline's day, counting today when it is a working day;
    /// negative (working days past the deadline) when overdue.
    public static func workingDaysLeft(deadline: Date, now: Date, calendar: WorkingCalendar, zone: DeskZone) -> Int {
        let today = Trend.Day(now, zone: zone)
        let due = Trend.Day(deadline, zone: zone)
        if now > deadline { return -max(0, calendar.workingDays(after: due, upTo: today)) }
        return calendar.workingDays(after: today, upTo: due) + (calendar.isWorking(today) ? 1 : 0)
    }

    static func startOfDay(_ day: Trend.Day, zone: DeskZone) -> Date {
        zone.date(year: day.year, month: day.month, day: day.day)!
    }
}
