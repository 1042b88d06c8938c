import ArgumentParser
import LaporCore

/// `lapor route`: Route (disposisi) reports to an agency; from new this verifies and routes in one step.
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "route", abstract: "Route (disposisi) reports to an agency; from new this verifies and routes in one step.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id) of each report.") var ids: [String]
    @Option(help: "Agency code, name or alias.") var to: String
    @Option(help: "Optional note for the agency.") var note: String = ""
    @Option(help: "Fill the note from this reply template, for each report (see lapor template list).") var template: String?
    @Flag(help: "Route a report that is already routed to another agency (a re-route).") var reroute = false
    func run() throws {
        try LifecycleRunner.run(.route, ids: ids, note: note, agency: to, reroute: reroute, template: template, common: common)
    }
}
