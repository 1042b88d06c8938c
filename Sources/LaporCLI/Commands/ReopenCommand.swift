import ArgumentParser
import LaporCore

/// `lapor reopen`: Reopen resolved reports (supervisor).
struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen resolved reports (supervisor).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id) of each report.") var ids: [String]
    @Option(help: "Why it is reopened.") var note: String = ""
    @Option(help: "Fill the note from this reply template, for each report (see lapor template list).") var template: String?
    func run() throws {
        try LifecycleRunner.run(.reopen, ids: ids, note: note, template: template, common: common)
    }
}
