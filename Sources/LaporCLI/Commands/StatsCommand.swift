import ArgumentParser
import LaporCore

/// `lapor stats`: volumes over time.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Volume trends and period comparisons.",
                                                    subcommands: [StatsTrendCommand.self, StatsCompareCommand.self, StatsBoardCommand.self, StatsVerifyCommand.self])
}

/// `lapor stats verify`: recounts every report and compares with the counters the write path keeps.
struct StatsVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Check the kept daily counters against a full recount (exit 1 on a difference).")
    @OptionGroup var common: CommonOptions

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        let mismatches = try ctx.reader.verifyDailyCounts()
        if ctx.json { try Output.json(["mismatches": mismatches, "ok": mismatches == 0]) } else {
            Output.line(mismatches == 0 ? (ctx.language == .id ? "Penghitung harian cocok dengan hitung ulang penuh." : "Daily counters match a full recount.")
                                        : (ctx.language == .id ? "\(mismatches) baris penghitung berbeda dari hitung ulang." : "\(mismatches) counter rows differ from a recount."))
        }
        if mismatches > 0 { throw SilentExit(code: 1) }
    }
}
