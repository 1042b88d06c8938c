import ArgumentParser
import LaporCore

/// `lapor archive`: Archive reports (invalid, duplicate, spam, out of scope); needs --reason.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "archive", abstract: "Archive reports (invalid, duplicate, spam, out of scope); needs --reason.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id) of each report.") var ids: [String]
    @Option(help: "Why it is archived.") var reason: String = ""
    @Option(help: "Fill the note from this reply template, for each report (see lapor template list).") var template: String?
    func run() throws {
        try LifecycleRunner.run(.archive, ids: ids, note: reason, template: template, common: common)
    }
}
