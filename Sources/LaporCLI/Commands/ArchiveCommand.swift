import ArgumentParser
import LaporCore

/// `lapor archive`: Archive reports (invalid, duplicate, spam, out of scope); needs --reason.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "archive", abstract: "Archive reports (invalid, duplicate, spam, out of scope); needs --reason.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id) of each report.") var ids: [String]
    @Option(help: "Why it is archived.") var reason: String = ""
    func run() throws {
        try LifecycleRunner.run(.archive, ids: ids, note: reason, common: common)
    }
}
