import ArgumentParser
import LaporCore

/// `lapor dispute`: Record that the reporter disputes the answer (awaiting_reporter → in_progress); needs --note.
struct DisputeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dispute", abstract: "Record that the reporter disputes the answer (awaiting_reporter → in_progress); needs --note.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id) of each report.") var ids: [String]
    @Option(help: "What the reporter said.") var note: String = ""
    @Option(help: "Fill the note from this reply template, for each report (see lapor template list).") var template: String?
    func run() throws {
        try LifecycleRunner.run(.dispute, ids: ids, note: note, template: template, common: common)
    }
}
