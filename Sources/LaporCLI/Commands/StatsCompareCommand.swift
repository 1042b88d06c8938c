import ArgumentParser
import Foundation
import LaporCore

/// `lapor stats compare A_FROM..A_TO B_FROM..B_TO`: two periods side by side, per-day averages and change.
struct StatsCompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compare", abstract: "Compare the daily volume of two periods (A_FROM..A_TO B_FROM..B_TO).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "First period, e.g. 2024-11-23..2025-11-22.") var a: String
    @Argument(help: "Second period, e.g. 2026-08-23..2026-11-22.") var b: String

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        let today = Trend.Day(ctx.now, zone: ctx.zone)
        let periods = try [a, b].map { try Self.period($0, today: today) }
        var out: [String: Any] = [:]
        var perDay: [Double] = [], perWeekdays: [Double] = []
        for (key, (from, to)) in zip(["a", "b"], periods) {
            let daily = try ctx.reader.dailyCounts(from: from, to: to, for: ctx.user)
            let total = daily.values.reduce(0, +)
            let days = to.ordinal - from.ordinal + 1
            let average = Double(total) / Double(days)
            // Offices count in working days too: the Monday-to-Friday average, beside the calendar one.
            let weekdays = (0..<days).map { from.adding(days: $0) }.filter { $0.isoWeekday <= 5 }
            let weekdayTotal = weekdays.reduce(0) { $0 + (daily[$1] ?? 0) }
            let perWeekday = weekdays.isEmpty ? 0 : Double(weekdayTotal) / Double(weekdays.count)
            perDay.append(average)
            perWeekdays.append(perWeekday)
            out[key] = ["from": from.text, "to": to.text, "days": days, "total": total, "per_day": (average * 10).rounded() / 10,
                        "weekdays": weekdays.count, "per_weekday": (perWeekday * 10).rounded() / 10]
        }
        let change: Double? = perDay[0] > 0 ? (perDay[1] - perDay[0]) / perDay[0] * 100 : nil
        out["change_pct"] = change.map { ($0 * 10).rounded() / 10 } ?? NSNull()
        if ctx.json { try Output.json(out); return }
        let l = ctx.language
        let unit = l == .id ? "laporan/hari" : "reports/day"
        func number(_ x: Double) -> String {
            let s = String(format: "%.1f", x)
            return l == .id ? s.replacingOccurrences(of: ".", with: ",") : s
        }
        let changeText = change.map { ($0 < 0 ? "−" : "+") + number(abs($0)) + " %" } ?? "—"
        let working = l == .id ? "per hari kerja" : "per working day"
        Output.line("\(periods[0].0.text)..\(periods[0].1.text): \(number(perDay[0])) \(unit) (\(number(perWeekdays[0])) \(working)) → "
                    + "\(periods[1].0.text)..\(periods[1].1.text): \(number(perDay[1])) \(unit) (\(number(perWeekdays[1])) \(working)), "
                    + changeText)
    }

    static func period(_ text: String, today: Trend.Day) throws -> (Trend.Day, Trend.Day) {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let from = try? StatsDates.parse(parts[0], today: today),
              let to = try? StatsDates.parse(parts[1], today: today), from <= to else {
            throw LaporError.invalidArgument("A period is FROM..TO with dates as YYYY-MM-DD, today or today-N (FROM not after TO), "
                                             + "not '\(text)'.")
        }
        return (from, to)
    }
}
