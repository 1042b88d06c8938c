import ArgumentParser
import LaporCore

/// `lapor hold`: Put a report on hold (tunda) while the reporter is asked for more; needs --note.
struct HoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hold", abstract: "Put a report on hold (tunda) while the reporter is asked for more; needs --note.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id) of each report.") var ids: [String]
    @Option(help: "What the reporter is asked for.") var note: String = ""
    @Option(help: "Fill the note from this reply template, for each report (see lapor template list).") var template: String?
    func run() throws {
        try LifecycleRunner.run(.hold, ids: ids, note: note, template: template, common: common)
    }
}
