import ArgumentParser
import Foundation
import LaporCore

/// `lapor calendar list|import FILE|export|remove DATE`: holiday calendars as editable CSV rows with sources.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calendar", abstract: "Holiday calendars: list, import FILE, export, remove DATE.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "list, import, export or remove.") var verb: String = "list"
    @Argument(help: "The CSV file to import, or the date to remove.") var target: String?
    @Option(help: "Which calendar (default: all for list/export, national for remove).") var calendar: String?

    func run() throws {
        let ctx = try Context.open(common)
        switch verb {
        case "list", "export":
            let entries = try ctx.store.calendarEntries(calendar: calendar)
            if ctx.json {
                try Output.json(entries.map { ["date": $0.date.text, "name": $0.name, "kind": $0.kind.rawValue, "calendar": $0.calendar, "source": $0.source] })
                return
            }
            Output.line(CSVWriter.line(CalendarEntry.header))
            for e in entries { Output.line(CSVWriter.line([e.date.text, e.name, e.kind.rawValue, e.calendar, e.source])) }
        case "import":
            guard let target else { throw LaporError.invalidArgument("calendar import needs a FILE.") }
            let entries = try CalendarEntry.parse(try CSVReader(path: target), file: target)
            let (added, changed) = try ctx.store.importCalendar(entries, by: ctx.user, at: ctx.now)
            if ctx.json { try Output.json(["rows": entries.count, "added": added, "changed": changed]); return }
            Output.line(ctx.language == .id
                ? "\(entries.count) baris: \(added) ditambah, \(changed) diubah; tenggat laporan terbuka dihitung ulang."
                : "\(entries.count) rows: \(added) added, \(changed) changed; open deadlines recomputed.")
        case "remove":
            guard let target, let day = Trend.Day(target) else { throw LaporError.invalidArgument("calendar remove needs a date as YYYY-MM-DD.") }
            let removed = try ctx.store.removeHoliday(day, calendar: calendar ?? "national", by: ctx.user, at: ctx.now)
            Output.line(removed ? "✓ \(day.text)" : (ctx.language == .id ? "Tanggal itu tidak ada di kalender." : "That date is not in the calendar."))
            if !removed { throw SilentExit(code: 1) }
        default:
            throw LaporError.invalidArgument("calendar takes list, import FILE, export or remove DATE, not '\(verb)'.")
        }
    }
}
