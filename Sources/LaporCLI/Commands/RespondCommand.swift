import ArgumentParser
import LaporCore

/// `lapor respond`: Send the agency's answer to the reporter (in_progress → awaiting_reporter); needs --note.
struct RespondCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "respond",
        abstract: "Send the agency's answer to the reporter (in_progress → awaiting_reporter), or answer an objection; needs --note.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id) of each report.") var ids: [String]
    @Option(help: "The answer to the reporter.") var note: String = ""
    @Option(help: "Fill the note from this reply template, for each report (see lapor template list).") var template: String?
    @Option(help: "On an information request's objection: the superior's answer, accepted or rejected.") var outcome: String?
    func run() throws {
        let detail = try ActionDetail(outcome: outcome.map { text in
            guard let o = ObjectionOutcome.parse(text) else {
                throw LaporError.invalidArgument("--outcome is accepted or rejected, not '\(text)'.")
            }
            return o
        })
        try LifecycleRunner.run(.respond, ids: ids, note: note, template: template, detail: detail, common: common)
    }
}
