import ArgumentParser
import Foundation
import LaporCore

/// `lapor sample-export FILE.xlsx`: a synthetic LAPOR! admin download ("Laporan Ringkas") to try
/// the importer on, since real exports carry citizens' identities and never ship with the desk.
struct SampleExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-export",
        abstract: "Write a synthetic LAPOR! admin export (.xlsx) shaped like the real download.")
    @Argument(help: "The workbook to write.") var file: String
    @Option(help: "Reports in the workbook.") var rows: Int = 500
    @Option(help: "Seed: the same seed gives the same workbook.") var seed: UInt64 = 1
    @Option(help: "ringkas17 (preamble, header on row 11) or ringkas20 (header on row 1, 20 columns).")
    var variant: String = "ringkas17"
    @Flag(help: "Excel's quirks: shared strings with rich text, ids and dates as numbers, sparse rows, a notes sheet.")
    var quirks = false
    @Flag(help: "Long-tail text for measuring routing: 101 agencies, chatty and abbreviated complaints.") var longTail = false
    @Flag(help: "Print what the workbook holds as JSON.") var json = false

    func run() throws {
        guard let kind = LaporExportGenerator.Variant(rawValue: variant) else {
            throw LaporError.invalidArgument("--variant takes ringkas17 or ringkas20, not '\(variant)'.")
        }
        guard (1...2_000_000).contains(rows) else { throw LaporError.invalidArgument("--rows takes 1 to 2,000,000, not \(rows).") }
        var generator = LaporExportGenerator(rows: rows, seed: seed, variant: kind, quirks: quirks)
        generator.longTail = longTail
        let expected = try generator.write(to: file)
        if json {
            try Output.json(["file": file, "rows": expected.rows, "first_row": expected.firstRow, "days": expected.perDay.count,
                             "anonymous": expected.anonymous, "confidential": expected.confidential,
                             "states": Dictionary(uniqueKeysWithValues: expected.states.map { ($0.key.rawValue, $0.value) })])
            return
        }
        Output.line("\(file): \(expected.rows) reports (\(variant)\(quirks ? ", Excel quirks" : "")), first report on row \(expected.firstRow).")
    }
}
