import Foundation

/// Excel's date serial numbers: days since 1899-12-30 in the 1900 system (serials below 61 are
/// one day off, because Excel counts 29 February 1900, which never was), or since 1904-01-01 in
/// the 1904 system; the fraction is the time of day. Naive: read in the desk's zone.
public enum ExcelDate {
    /// Built-in number formats that show dates or times (ECMA-376 §18.8.30).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// True when a custom format code shows a date or time: d, m, y, h or s outside quoted text,
    /// escapes and `[...]` sections (so `[Red]0.00` is a number and `dd/mm/yyyy` a date).
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        for ch in code.lowercased() {
            if escaped { escaped = false; continue }
            switch ch {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            default:
                if !inQuote && !inBracket && "dmyhs".contains(ch) { return true }
            }
        }
        return false
    }

    /// `2023-05-29T04:05:34` for a serial (`2023-05-29` for a whole day, `04:05:34` for a time
    /// alone), or nil when it is no plausible date.
    public static func isoText(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil } // up to 9999-12-31
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 { days += 1; seconds -= 86_400 }
        let epoch: Int
        if date1904 {
            epoch = Trend.Day(year: 1904, month: 1, day: 1).ordinal
        } else {
            // Serial 1 is 1900-01-01 and 60 the phantom 1900-02-29 (shown as 28 February here).
            epoch = Trend.Day(year: 1899, month: 12, day: days < 61 ? 31 : 30).ordinal
            if days == 60 { days = 59 }
        }
        let time = digits(seconds / 3600, 2) + ":" + digits((seconds % 3600) / 60, 2) + ":" + digits(seconds % 60, 2)
        // A time-only cell (serial below 1) is the time; a whole serial is a date without a time,
        // so a separate time column (LAPOR!'s Waktu Laporan Masuk) can be joined to it.
        if serial < 1 { return time }
        let d = Trend.Day(ordinal: epoch + days)
        let date = digits(d.year, 4) + "-" + digits(d.month, 2) + "-" + digits(d.day, 2)
        return seconds == 0 ? date : date + "T" + time
    }

    /// `n` zero-padded to `width` digits (`String(format:)` was a tenth of a workbook's date cells).
    private static func digits(_ n: Int, _ width: Int) -> String {
        let text = String(n)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// The serial of a wall-clock time (1900 system), for writing real Excel dates.
    public static func serial(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Double {
        let days = Trend.Day(year: year, month: month, day: day).ordinal - Trend.Day(year: 1899, month: 12, day: 30).ordinal
        return Double(days) + Double(hour * 3600 + minute * 60 + second) / 86_400
    }
}
