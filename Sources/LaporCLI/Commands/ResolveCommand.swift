import ArgumentParser
import LaporCore

/// `lapor resolve`: Resolve reports (selesai).
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resolve", abstract: "Resolve reports (selesai).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id) of each report.") var ids: [String]
    @Option(help: "Optional closing note.") var note: String = ""
    @Option(help: "Fill the note from this reply template, for each report (see lapor template list).") var template: String?
    func run() throws {
        try LifecycleRunner.run(.resolve, ids: ids, note: note, template: template, common: common)
    }
}
