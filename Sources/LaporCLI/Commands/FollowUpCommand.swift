import ArgumentParser
import LaporCore

/// `lapor follow-up`: Record the agency's follow-up (tindak lanjut); needs --note.
struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "follow-up", abstract: "Record the agency's follow-up (tindak lanjut); needs --note.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id) of each report.") var ids: [String]
    @Option(help: "What the agency did.") var note: String = ""
    @Option(help: "Fill the note from this reply template, for each report (see lapor template list).") var template: String?
    func run() throws {
        try LifecycleRunner.run(.followUp, ids: ids, note: note, template: template, common: common)
    }
}
