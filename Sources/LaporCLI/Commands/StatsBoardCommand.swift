import ArgumentParser
import Foundation
import LaporCore

/// `lapor stats board`: the disposition board per agency, as a table, JSON, or a scorecard (CSV or
/// Markdown) for a period, with an SVG chart of the period's daily volume beside it.
struct StatsBoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "board", abstract: "Per agency: counts per state, overdue, SLA met %, median working days to follow-up, bounces.")
    @OptionGroup var common: CommonOptions
    @Option(help: "First day of the period (reports submitted from it); default: 90 days back.") var from: String?
    @Option(help: "Last day of the period; default: today.") var to: String?
    @Option(help: "table, csv, md or xlsx (xlsx needs -o FILE).") var format: String = "table"
    @Option(name: .shortAndLong, help: "Write the xlsx scorecard to this file.") var output: String?
    @Option(help: "Also write the period's daily volume as an SVG chart to this file.") var chart: String?

    static let states: [ReportState] = [.dispositioned, .inProgress, .awaitingReporter, .resolved, .archived]

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        guard ["table", "csv", "md", "xlsx"].contains(format) else {
            throw LaporError.invalidArgument("--format takes table, csv, md or xlsx, not '\(format)'.")
        }
        if format == "xlsx" && output == nil { throw LaporError.invalidArgument("--format xlsx writes a workbook: give -o FILE.xlsx.") }
        let last = try to.map { try StatsDates.parse($0, today: Trend.Day(ctx.now, zone: ctx.zone)) } ?? Trend.Day(ctx.now, zone: ctx.zone)
        let first = try from.map { try StatsDates.parse($0, today: Trend.Day(ctx.now, zone: ctx.zone)) } ?? last.adding(days: -89)
        guard first <= last else { throw LaporError.invalidArgument("--from must not be after --to.") }
        let lines = try ctx.reader.board(from: first, to: last, now: ctx.now, for: ctx.user)
        if let chart {
            let daily = try ctx.reader.dailyCounts(from: first, to: last, for: ctx.user)
            let svg = VolumeChart.svg(Trend.buckets(daily: daily, from: first, to: last, by: .day), title: "\(first.text) … \(last.text)", language: ctx.language)
            guard FileManager.default.createFile(atPath: chart, contents: Data(svg.utf8)) else { throw LaporError.invalidArgument("Cannot write \(chart).") }
        }
        let l = ctx.language
        if ctx.json {
            try Output.json(["from": first.text, "to": last.text, "as_of": ctx.zone.iso(ctx.now), "agencies": lines.map { line in
                ["agency": line.code, "name": line.name,
                 "counts": Dictionary(uniqueKeysWithValues: ReportState.allCases.map { ($0.rawValue, line.counts[$0] ?? 0) }),
                 "overdue": line.overdue, "sla_met_pct": line.followUpMetPercent.map { ($0 * 10).rounded() / 10 } ?? NSNull(),
                 "median_followup_working_days": line.medianFollowUpWorkingDays ?? NSNull(), "bounces": line.bounces,
                 "incidents": line.incidents, "incident_reports": line.incidentReports] as [String: Any]
            }])
            return
        }
        let baseHeader = [Strings.agency.text(l)] + Self.states.map { $0.label(l) }
            + [l == .id ? "Terlambat" : "Overdue", l == .id ? "SLA tepat %" : "SLA met %", l == .id ? "Median HK tindak lanjut" : "Median WD to follow-up", Strings.bounces.text(l)]
        // Incidents get a column once there are any: "3 (18)" is three incidents of 18 reports.
        let withIncidents = lines.contains { $0.incidents > 0 }
        let header = baseHeader + (withIncidents ? [l == .id ? "Insiden (laporan)" : "Incidents (reports)"] : [])
        let rows = lines.map { line in
            [line.code] + Self.states.map { NumberText.integer(line.counts[$0] ?? 0, l) }
                + [NumberText.integer(line.overdue, l), line.followUpMetPercent.map { NumberText.decimal($0, l) } ?? "—",
                   line.medianFollowUpWorkingDays.map { NumberText.decimal($0, l) } ?? "—", NumberText.integer(line.bounces, l)]
                + (withIncidents ? ["\(line.incidents) (\(line.incidentReports))"] : [])
        }
        switch format {
        case "xlsx":
            try writeWorkbook(lines, header: baseHeader, first: first, last: last, language: l)
        case "csv":
            Output.line(CSVWriter.line(header))
            for row in rows { Output.line(CSVWriter.line(row.map(SpreadsheetSafe.cell))) }
        case "md":
            Output.line((l == .id ? "**Papan disposisi** " : "**Disposition board** ") + "\(first.text) … \(last.text)\n")
            Output.line("| " + header.joined(separator: " | ") + " |")
            Output.line("|" + header.map { _ in "---" }.joined(separator: "|") + "|")
            for row in rows { Output.line("| " + row.map { Sanitizer.line($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |") }
        default:
            var table = Table(header)
            for row in rows { table.add(row) }
            Output.line(table.render(width: Output.width))
        }
    }

    /// The scorecard as a workbook: counts and percentages as numbers, empty where there is no figure.
    private func writeWorkbook(_ lines: [BoardLine], header: [String], first: Trend.Day, last: Trend.Day, language l: Language) throws {
        guard let output else { return }
        let writer = try XLSXWriter(path: output)
        try writer.addSheet(l == .id ? "Papan disposisi" : "Disposition board")
        try writer.addRow([.text((l == .id ? "Papan disposisi " : "Disposition board ") + "\(first.text) … \(last.text)")])
        try writer.addRow(header.map { .text($0) }, skipping: 1)
        for line in lines {
            var cells: [XLSXWriter.Cell] = [.text(SpreadsheetSafe.cell(line.code))]
            cells += Self.states.map { .integer(Int64(line.counts[$0] ?? 0)) }
            cells.append(.integer(Int64(line.overdue)))
            cells.append(line.followUpMetPercent.map { .number(($0 * 10).rounded() / 10) } ?? .absent)
            cells.append(line.medianFollowUpWorkingDays.map { .number($0) } ?? .absent)
            cells.append(.integer(Int64(line.bounces)))
            try writer.addRow(cells)
        }
        try writer.close()
    }
}
