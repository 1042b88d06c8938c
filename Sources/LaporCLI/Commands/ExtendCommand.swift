import ArgumentParser
import LaporCore

/// `lapor extend`: the one extension of an information request's answer by 7 working days (Pasal 22 ayat 8).
struct ExtendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "Extend an information request's answer once by 7 working days; --note gives the reason the notice states.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id) of each request.") var ids: [String]
    @Option(help: "The reason, as the written notice to the requester states it.") var note: String = ""
    @Option(help: "Fill the note from this reply template (see lapor template list).") var template: String?
    func run() throws {
        try LifecycleRunner.run(.extend, ids: ids, note: note, template: template, common: common)
    }
}
