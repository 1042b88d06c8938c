import ArgumentParser
import LaporCore

/// `lapor stats`: volumes over time.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Volume trends and period comparisons.",
                                                    subcommands: [StatsTrendCommand.self, StatsCompareCommand.self])
}
