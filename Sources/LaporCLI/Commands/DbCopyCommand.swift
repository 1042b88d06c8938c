import ArgumentParser
import Foundation
import LaporCore

/// `lapor db copy FROM TO`: a whole desk from one store into an empty one, counted on both sides.
struct DbCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole desk (reports, audit trail, users, agencies, calendars, rules, counters) into an empty store.")
    @Argument(help: "The store to copy: a SQLite file or a postgresql:// URI.") var from: String
    @Argument(help: "An empty store to copy into: a SQLite file (created if absent) or a postgresql:// URI.") var to: String
    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = Language.resolve(flag: common.lang, environment: ProcessInfo.processInfo.environment)
        let source = try StoreLocation.existing(from, language: language)
        let (target, created) = try StoreLocation.target(to)
        let summary: StoreCopy.Summary
        do {
            summary = try StoreCopy.copy(from: source, to: target, by: Context.login(common))
        } catch {
            if created { StoreLocation.remove(to) }
            throw error
        }
        if common.json {
            try Output.encode(summary)
            return
        }
        var table = Table(language == .en ? ["table", "rows"] : ["tabel", "baris"])
        for entry in summary.tables { table.add([entry.table, String(entry.rows)]) }
        Output.line(table.render(width: Output.width))
        let check = "lapor --db \(summary.to) db check"
        Output.line(language == .en
            ? "Copied \(summary.from) to \(summary.to); every table's count matches. Check it with: \(check)"
            : "\(summary.from) disalin ke \(summary.to); jumlah baris setiap tabel sama. Periksa dengan: \(check)")
    }
}
