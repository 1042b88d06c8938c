import ArgumentParser
import LaporCore

/// `lapor decide`: the PPID's written answer to an information request (UU 14/2008 Pasal 22).
struct DecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Answer an information request: granted, partial or refused (with its ground); needs --note.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id) of each request.") var ids: [String]
    @Option(help: "granted, partial or refused.") var decision: String
    @Option(help: "Why (part of) it is withheld: pasal17[:a-j], not_held or not_documented.") var ground: String?
    @Option(help: "The written answer to the requester.") var note: String = ""
    @Option(help: "Fill the note from this reply template, for each request (see lapor template list).")
    var template: String?
    func run() throws {
        guard let parsed = RequestDecision.parse(decision) else {
            throw LaporError.invalidArgument("--decision is granted, partial or refused, not '\(decision)'.")
        }
        let reason = try ground.map { text in
            guard let g = RefusalGround.parse(text) else {
                throw LaporError.invalidArgument(
                    "--ground is pasal17 (or pasal17:a … pasal17:j), not_held or not_documented, not '\(text)'.")
            }
            return g
        }
        try LifecycleRunner.run(.decide, ids: ids, note: note, template: template,
                                detail: ActionDetail(decision: parsed, ground: reason), common: common)
    }
}
