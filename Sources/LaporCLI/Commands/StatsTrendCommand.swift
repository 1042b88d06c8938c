import ArgumentParser
import LaporCore

/// `lapor stats trend`: report counts per day, week or month, every bucket present.
struct StatsTrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "trend", abstract: "Report volume per day, week or month (zeros included).")
    @OptionGroup var common: CommonOptions
    @Option(help: "First day (YYYY-MM-DD); default: 30 days, 12 weeks or 24 months back.") var from: String?
    @Option(help: "Last day (YYYY-MM-DD); default: today.") var to: String?
    @Option(help: "day, week or month.") var by: String = "day"
    @Option(help: "Only reports matching this filter (counted from the reports, not the kept counters).") var `where`: String?

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        guard let bucket = Trend.Bucket(rawValue: by) else { throw LaporError.invalidArgument("--by takes day, week or month, not '\(by)'.") }
        let last = try to.map { try StatsDates.parse($0, today: Trend.Day(ctx.now, zone: ctx.zone)) } ?? Trend.Day(ctx.now, zone: ctx.zone)
        let span = switch bucket { case .day: 29; case .week: 83; case .month: 729 }
        let first = try from.map { try StatsDates.parse($0, today: Trend.Day(ctx.now, zone: ctx.zone)) } ?? last.adding(days: -span)
        guard first <= last else { throw LaporError.invalidArgument("--from must not be after --to.") }
        let daily = try ctx.reader.dailyCounts(from: first, to: last, condition: try ctx.filter(`where`), for: ctx.user)
        let buckets = Trend.buckets(daily: daily, from: first, to: last, by: bucket)
        if ctx.json {
            try Output.json(["by": bucket.rawValue, "from": first.text, "to": last.text,
                             "buckets": buckets.map { ["start": $0.start.text, "count": $0.count] as [String: Any] }])
            return
        }
        let peak = max(1, buckets.map(\.count).max() ?? 1)
        let barWidth = max(10, min(100, Output.width - 20))
        for b in buckets {
            let bar = String(repeating: "█", count: Int((Double(b.count) / Double(peak) * Double(barWidth)).rounded()))
            Output.line("\(b.start.text) \(String(b.count).leftPadded(6)) \(bar)")
        }
    }
}

/// Parsing of `YYYY-MM-DD` arguments with a clear message.
enum StatsDates {
    /// `YYYY-MM-DD`, `today`, or `today-N` (N days before today), so a script or the README's tour
    /// can name "the last 90 days" on any day.
    static func parse(_ text: String, today: Trend.Day) throws -> Trend.Day {
        if let day = Trend.Day(text) { return day }
        let t = text.lowercased()
        if t == "today" { return today }
        if t.hasPrefix("today-"), let n = Int(t.dropFirst(6)), (0...36_500).contains(n) { return today.adding(days: -n) }
        throw LaporError.invalidArgument("Expected a date as YYYY-MM-DD, today or today-N, not '\(text)'.")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
