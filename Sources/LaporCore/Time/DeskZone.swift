import Foundation

/// The desk's time zone: naive times are read in it and days are counted in it (domain.md).
public struct DeskZone: Sendable, Equatable {
    public let timeZone: TimeZone
    public let calendar: Calendar
    /// Seconds east of UTC when the zone never changes offset (all three Indonesian zones): then
    /// days and wall-clock times are plain arithmetic, much cheaper than `Calendar` on hot paths.
    public let fixedOffset: Int?

    public static let jakarta = DeskZone(identifier: "Asia/Jakarta")!

    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        timeZone = zone
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        cal.locale = Locale(identifier: "en_US_POSIX")
        calendar = cal
        let probe = Date(timeIntervalSince1970: 1_700_000_000)
        fixedOffset = zone.nextDaylightSavingTimeTransition(after: probe) == nil && !zone.isDaylightSavingTime(for: probe)
            ? zone.secondsFromGMT(for: probe) : nil
    }

    /// Year, month, day, hour, minute, second of an instant in this zone.
    public func components(_ date: Date) -> (Int, Int, Int, Int, Int, Int) {
        if let fixedOffset {
            let t = Int(date.timeIntervalSince1970.rounded(.down)) + fixedOffset
            let days = Int((Double(t) / 86_400).rounded(.down))
            let rest = t - days * 86_400
            let d = Trend.Day(ordinal: days)
            return (d.year, d.month, d.day, rest / 3600, (rest % 3600) / 60, rest % 60)
        }
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return (c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// WIB, WITA or WIT for the three Indonesian zones, else the identifier.
    public var abbreviation: String {
        switch timeZone.identifier {
        case "Asia/Jakarta", "Asia/Pontianak": "WIB"
        case "Asia/Makassar": "WITA"
        case "Asia/Jayapura": "WIT"
        default: timeZone.identifier
        }
    }

    /// ISO 8601 with the zone's offset: `2024-03-05T10:15:00+07:00`.
    public func iso(_ date: Date) -> String {
        let (y, mo, d, h, mi, s) = components(date)
        let offset = fixedOffset ?? timeZone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let oh = abs(offset) / 3600, om = (abs(offset) % 3600) / 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        let year = String(y)
        return "\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)-\(two(mo))-\(two(d))T\(two(h)):\(two(mi)):\(two(s))\(sign)\(two(oh)):\(two(om))"
    }

    /// `2024-03-05 10:15` for tables.
    public func short(_ date: Date) -> String {
        let (y, mo, d, h, mi, _) = components(date)
        return String(format: "%04d-%02d-%02d %02d:%02d", y, mo, d, h, mi)
    }

    /// `2024-03-05`: the day in the desk's zone.
    public func day(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// The instant of a wall-clock time in this zone.
    public func date(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Date? {
        if let fixedOffset {
            guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
            let d = Trend.Day(year: year, month: month, day: day)
            // Reject roll-overs such as 31 February.
            guard Trend.Day(ordinal: d.ordinal) == d else { return nil }
            return Date(timeIntervalSince1970: TimeInterval(d.ordinal * 86_400 + hour * 3600 + minute * 60 + second - fixedOffset))
        }
        var c = DateComponents()
        c.year = year; c.month = month; c.day = day; c.hour = hour; c.minute = minute; c.second = second
        c.timeZone = timeZone
        guard let date = calendar.date(from: c) else { return nil }
        // Reject roll-overs such as 31 February.
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        return back.year == year && back.month == month && back.day == day ? date : nil
    }

    /// Parses ISO 8601 with or without an offset (`2024-03-05T10:15:00+07:00`, `2024-03-05 10:15`,
    /// `2024-03-05`); a naive time is read in this zone. Nil when it is not ISO 8601.
    public func parseISO(_ text: String) -> Date? {
        let s = Array(text.trimmed.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= s.count else { return nil }
            var v = 0
            for i in from..<(from + count) {
                let b = s[i]
                guard b >= 48 && b <= 57 else { return nil }
                v = v * 10 + Int(b - 48)
            }
            return v
        }
        guard s.count >= 10, let y = num(0, 4), s[4] == 45, let mo = num(5, 2), s[7] == 45, let d = num(8, 2) else { return nil }
        var h = 0, mi = 0, sec = 0
        var i = 10
        if i < s.count {
            guard s[i] == 84 || s[i] == 116 || s[i] == 32 else { return nil } // T, t or space
            guard let hh = num(i + 1, 2), i + 3 < s.count, s[i + 3] == 58, let mm = num(i + 4, 2) else { return nil }
            h = hh; mi = mm; i += 6
            if i < s.count && s[i] == 58 { guard let ss = num(i + 1, 2) else { return nil }; sec = ss; i += 3 }
            if i < s.count && s[i] == 46 { i += 1; while i < s.count && s[i] >= 48 && s[i] <= 57 { i += 1 } }
        }
        guard h < 24, mi < 60, sec < 61 else { return nil }
        if i == s.count {
            return date(year: y, month: mo, day: d, hour: h, minute: mi, second: sec)
        }
        var offset = 0
        if s[i] == 90 || s[i] == 122 { // Z
            guard i + 1 == s.count else { return nil }
        } else if s[i] == 43 || s[i] == 45 { // + or -
            guard let oh = num(i + 1, 2) else { return nil }
            var j = i + 3
            var om = 0
            if j < s.count && s[j] == 58 { j += 1 }
            if j < s.count { guard let m = num(j, 2) else { return nil }; om = m; j += 2 }
            guard j == s.count else { return nil }
            offset = (oh * 3600 + om * 60) * (s[i] == 45 ? -1 : 1)
        } else {
            return nil
        }
        guard let utc = DeskZone.utc.date(year: y, month: mo, day: d, hour: h, minute: mi, second: sec) else { return nil }
        return utc.addingTimeInterval(TimeInterval(-offset))
    }

    static let utc = DeskZone(identifier: "UTC")!
}
