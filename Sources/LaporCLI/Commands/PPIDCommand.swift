import ArgumentParser
import Foundation
import LaporCore

/// `lapor ppid`: the PPID's registers of requests and objections and the annual service report (UU 14/2008).
struct PPIDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ppid", abstract: "Information requests: the register, the objections register, the annual report.",
        subcommands: [PPIDRegisterCommand.self, PPIDObjectionsCommand.self, PPIDReportCommand.self, PPIDSetCommand.self])

    /// The year asked for, else the current year in the desk's zone.
    static func year(_ given: Int?, _ ctx: Context) throws -> Int {
        let year = given ?? Trend.Day(ctx.now, zone: ctx.zone).year
        guard (2000...2100).contains(year) else {
            throw LaporError.invalidArgument("--year takes a year such as 2024, not \(year).")
        }
        return year
    }

    /// Prints rows as a table, CSV or Markdown, or writes them as one workbook sheet.
    static func emit(_ header: [String], _ rows: [[String]], format: String, output: String?, sheet: String) throws {
        switch format {
        case "csv":
            Output.line(CSVWriter.line(header))
            for row in rows { Output.line(CSVWriter.line(row.map(SpreadsheetSafe.cell))) }
        case "md":
            Output.line("| " + header.joined(separator: " | ") + " |")
            Output.line("|" + header.map { _ in "---" }.joined(separator: "|") + "|")
            for row in rows {
                let cells = row.map { Sanitizer.line($0).replacingOccurrences(of: "|", with: "\\|") }
                Output.line("| " + cells.joined(separator: " | ") + " |")
            }
        case "xlsx":
            guard let output else { throw LaporError.invalidArgument("--format xlsx writes a workbook: give -o FILE.xlsx.") }
            let writer = try XLSXWriter(path: output)
            try writer.addSheet(sheet)
            try writer.addRow(header.map { .text($0) })
            for row in rows { try writer.addRow(row.map { $0.isEmpty ? .absent : .text(SpreadsheetSafe.cell($0)) }) }
            try writer.close()
        case "table":
            var table = Table(header)
            for row in rows { table.add(row.map(Sanitizer.line)) }
            Output.line(table.render(width: Output.width))
        default:
            throw LaporError.invalidArgument("--format takes table, csv, md or xlsx, not '\(format)'.")
        }
    }
}
