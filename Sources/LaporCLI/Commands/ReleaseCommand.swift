import ArgumentParser
import LaporCore

/// `lapor release`: Take a report off hold when the reporter answered (on_hold → new).
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Take a report off hold when the reporter answered (on_hold → new).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id) of each report.") var ids: [String]
    @Option(help: "What the reporter supplied.") var note: String = ""
    @Option(help: "Fill the note from this reply template, for each report (see lapor template list).") var template: String?
    func run() throws {
        try LifecycleRunner.run(.release, ids: ids, note: note, template: template, common: common)
    }
}
