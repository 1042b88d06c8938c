import ArgumentParser
import LaporCore

/// `lapor return`: Return a report as bukan wewenang (not our remit) for re-routing; needs --reason.
struct ReturnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "return", abstract: "Return a report as bukan wewenang (not our remit) for re-routing; needs --reason.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id) of each report.") var ids: [String]
    @Option(help: "Why it is not this agency's remit.") var reason: String = ""
    @Option(help: "Fill the note from this reply template, for each report (see lapor template list).") var template: String?
    func run() throws {
        try LifecycleRunner.run(.returnReport, ids: ids, note: reason, template: template, common: common)
    }
}
