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
        let ctx = try Context.open(common, onServer: true)
        switch verb {
        case "list", "export":
            let entries = try ctx.writer.calendarEntries(calendar: calendar)
            if ctx.json {
                try Output.json(entries.map { ["date": $0.date.text, "name": $0.name, "kind": $0.kind.rawValue, "calendar": $0.calendar, "source": $0.source] })
                return
            }
            if verb == "export" {
                Output.line(CSVWriter.line(CalendarEntry.header))
                for e in entries { Output.line(CSVWriter.line([e.date.text, e.name, e.kind.rawValue, e.calendar, e.source])) }
                return
            }
            try listTable(entries, ctx)
        case "import":
            guard let target else { throw LaporError.invalidArgument("calendar import needs a FILE.") }
            let entries = try CalendarEntry.parse(try CSVReader(path: target), file: target)
            let (added, changed) = try ctx.writer.importCalendar(entries, by: ctx.user, at: ctx.now)
            if ctx.json { try Output.json(["rows": entries.count, "added": added, "changed": changed]); return }
            Output.line(ctx.language == .id
                ? "\(entries.count) baris: \(added) ditambah, \(changed) diubah; tenggat laporan terbuka dihitung ulang."
                : "\(entries.count) rows: \(added) added, \(changed) changed; open deadlines recomputed.")
        case "remove":
            guard let target, let day = Trend.Day(target) else { throw LaporError.invalidArgument("calendar remove needs a date as YYYY-MM-DD.") }
            let removed = try ctx.writer.removeHoliday(day, calendar: calendar ?? "national", by: ctx.user, at: ctx.now)
            Output.line(removed ? "✓ \(day.text)" : (ctx.language == .id ? "Tanggal itu tidak ada di kalender." : "That date is not in the calendar."))
            if !removed { throw SilentExit(code: 1) }
        default:
            throw LaporError.invalidArgument("calendar takes list, import FILE, export or remove DATE, not '\(verb)'.")
        }
    }

    /// People read a table and a count per year; `export` keeps the editable CSV.
    private func listTable(_ entries: [CalendarEntry], _ ctx: Context) throws {
        let l = ctx.language
        let weekdays = l == .id ? ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        var table = Table([l == .id ? "Tanggal" : "Date", l == .id ? "Hari" : "Day", l == .id ? "Jenis" : "Kind",
                           Strings.calendar.text(l), Strings.name.text(l)], flexible: 4)
        for e in entries {
            table.add([e.date.text, weekdays[e.date.isoWeekday - 1], e.kind.rawValue, e.calendar, e.name])
        }
        Output.line(table.render(width: Output.width))
        var years: [Int: (holidays: Int, cuti: Int)] = [:]
        for e in entries where e.calendar == "national" {
            if e.kind == .cutiBersama { years[e.date.year, default: (0, 0)].cuti += 1 } else { years[e.date.year, default: (0, 0)].holidays += 1 }
        }
        for (year, n) in years.sorted(by: { $0.key < $1.key }) {
            Output.line(l == .id ? "\(year): \(n.holidays) hari libur, \(n.cuti) cuti bersama (nasional)"
                                 : "\(year): \(n.holidays) holidays, \(n.cuti) cuti bersama (national)")
        }
        if let last = years.keys.max() {
            Output.line(l == .id
                ? "Tahun setelah \(last) belum punya kalender: tenggat di sana hanya melewati akhir pekan (lapor calendar import FILE)."
                : "Years after \(last) have no calendar yet: deadlines there skip weekends only (lapor calendar import FILE).")
        }
    }
}
