import ArgumentParser
import LaporCore

/// `lapor object`: records a requester's objection (keberatan, Pasal 35–36) and starts the `objection` clock.
struct ObjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "object",
        abstract: "Record a requester's objection to an information request's answer (or its lateness); needs --note.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id) of each request.") var ids: [String]
    @Option(help: "The objection's reason as the requester gave it.") var note: String = ""
    func run() throws {
        try LifecycleRunner.run(.object, ids: ids, note: note, common: common)
    }
}
