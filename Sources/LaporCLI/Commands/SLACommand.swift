import ArgumentParser
import Foundation
import LaporCore

/// `lapor sla`: every running clock of the open reports, and `--apply` for the due automatic actions.
struct SLACommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sla", abstract: "Open reports' SLA clocks; --apply auto-closes and escalates what is due.")
    @OptionGroup var common: CommonOptions
    @Option(help: "Filter expression (docs/filters.md).") var `where`: String?
    @Flag(help: "Perform due automatic actions (auto-close, escalation) as the system user.") var apply = false
    @Option(help: "Show at most this many items in the table (JSON lists all).") var limit: Int = 40

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        if apply { return try runApply(ctx) }
        let readings = try ctx.reader.slaReadings(try ctx.filter(`where`), for: ctx.user, now: ctx.now)
        let engine = try ctx.reader.clockEngine()
        var items: [(Report, ClockReading, Int)] = []
        for (report, clocks) in readings {
            for clock in clocks where clock.isRunning {
                // The clock's own calendar: the routed agency's for follow-up, else the desk's.
                let own = clock.clock == .followUp ? report.agencyID.flatMap(engine.agencyCalendar) : nil
                let calendar = own ?? engine.deskCalendar
                items.append((report, clock, Deadline.workingDaysLeft(deadline: clock.deadline, now: ctx.now, calendar: calendar, zone: ctx.zone)))
            }
        }
        items.sort { $0.1.deadline < $1.1.deadline }
        var summary = ["on_track": 0, "due_soon": 0, "overdue": 0]
        for item in items { summary[item.1.status.rawValue, default: 0] += 1 }
        if ctx.json {
            try Output.json([
                "as_of": ctx.zone.iso(ctx.now),
                "summary": summary,
                "items": items.map { r, c, left in
                    ["id": r.id, "tracking_id": r.trackingID, "clock": c.clock.rawValue, "deadline": ctx.zone.iso(c.deadline),
                     "state": r.state.rawValue, "status": c.status.rawValue, "working_days_left": left,
                     "paused_seconds": Int(c.pausedSeconds.rounded()), "paused_unit": c.pausedUnit] as [String: Any]
                },
            ])
            return
        }
        let l = ctx.language
        Output.line(l == .id
            ? "Per \(ctx.zone.short(ctx.now)) \(ctx.zone.abbreviation): \(summary["overdue"]!) terlambat, \(summary["due_soon"]!) segera jatuh tempo, \(summary["on_track"]!) sesuai jadwal"
            : "As of \(ctx.zone.short(ctx.now)) \(ctx.zone.abbreviation): \(summary["overdue"]!) overdue, \(summary["due_soon"]!) due soon, \(summary["on_track"]!) on track")
        var table = Table([Strings.tracking.text(l), "SLA", l == .id ? "Jam" : "Clock", l == .id ? "Tenggat" : "Deadline",
                           l == .id ? "Sisa HK" : "WD left", Strings.state.text(l), Strings.title.text(l)], flexible: 6)
        for (r, c, left) in items.prefix(limit) {
            table.add([r.trackingID, SLAMark.symbol(c.status), c.clock.label(l), ctx.zone.short(c.deadline), String(left), r.state.label(l, for: r.type),
                       r.title])
        }
        Output.line(table.render(width: Output.width))
        if let last = engine.deskCalendar.lastKnownYear,
           items.contains(where: { engine.deskCalendar.lacksYear(of: Trend.Day($0.1.deadline, zone: ctx.zone)) }) {
            Output.line(l == .id
                ? "! Kalender libur untuk tahun setelah \(last) belum ada: tenggat di sana hanya melewati akhir pekan (lapor calendar import FILE)."
                : "! No holiday calendar after \(last): deadlines there skip weekends only and may come early (lapor calendar import FILE).")
        }
        if items.count > limit {
            Output.line(l == .id ? "… dan \(items.count - limit) lagi (--limit N, atau --json untuk semuanya)"
                                 : "… and \(items.count - limit) more (--limit N, or --json for all)")
        }
    }

    private func runApply(_ ctx: Context) throws {
        let result = try ctx.writer.applyDueActions(now: ctx.now)
        if ctx.json {
            try Output.json(["as_of": ctx.zone.iso(ctx.now), "auto_closed": result.autoClosed, "escalated": result.escalated])
            return
        }
        Output.line(ctx.language == .id
            ? "\(result.autoClosed.count) laporan ditutup otomatis, \(result.escalated.count) dieskalasi ke supervisor."
            : "\(result.autoClosed.count) reports auto-closed, \(result.escalated.count) escalated to supervisors.")
        let lines = result.autoClosed.map { "  ✓ \($0) auto_close" } + result.escalated.map { "  ! \($0) escalate" }
        for line in lines.prefix(20) { Output.line(line) }
        if lines.count > 20 { Output.line(ctx.language == .id ? "  … dan \(lines.count - 20) lagi (--json untuk semuanya)" : "  … and \(lines.count - 20) more (--json lists all)") }
    }
}
