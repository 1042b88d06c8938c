import ArgumentParser
import LaporCore

/// The options both PPID registers take: the year of receipt and how to print the sheet.
struct PPIDSheetOptions: ParsableArguments {
    @Option(help: "Year the requests were received (default: this year).") var year: Int?
    @Option(help: "table, csv, md or xlsx (xlsx needs -o FILE).") var format: String = "table"
    @Option(name: .shortAndLong, help: "The workbook to write with --format xlsx.") var output: String?

    func emit(_ header: [String], _ rows: [[String]], sheet: String) throws {
        try PPIDCommand.emit(header, rows, format: format, output: output, sheet: sheet)
    }
}
