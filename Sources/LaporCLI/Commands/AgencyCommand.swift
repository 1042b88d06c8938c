import ArgumentParser
import LaporCore

/// `lapor agency`: the perangkat daerah reports are routed to.
struct AgencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agency", abstract: "Manage agencies (perangkat daerah).",
                                                    subcommands: [AgencyAddCommand.self, AgencyListCommand.self])
}

/// `lapor agency add CODE --name NAME [--alias A]... [--calendar NAME]` (supervisor only).
struct AgencyAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an agency (supervisor only).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Short code operators type, e.g. PUPR.") var code: String
    @Option(help: "Full name.") var name: String
    @Option(name: .customLong("alias"), help: "Another name it goes by (repeatable).") var aliases: [String] = []
    @Option(help: "Its own working-day calendar (e.g. 24x7); default: the desk's.") var calendar: String?

    func run() throws {
        let ctx = try Context.open(common)
        let agency = try ctx.store.addAgency(Agency(code: code, name: name, aliases: aliases, calendar: calendar), by: ctx.user, at: ctx.now)
        if ctx.json { try Output.json(["id": agency.id, "code": agency.code, "name": agency.name]) }
        else { Output.line("✓ \(agency.code) \(agency.name)") }
    }
}

/// `lapor agency list`.
struct AgencyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List agencies.")
    @OptionGroup var common: CommonOptions

    func run() throws {
        let ctx = try Context.open(common)
        let agencies = try ctx.store.agencies()
        if ctx.json {
            try Output.json(agencies.map { ["id": $0.id, "code": $0.code, "name": $0.name, "aliases": $0.aliases,
                                            "calendar": $0.calendar ?? NSNullValue] as [String: Any] })
            return
        }
        let l = ctx.language
        var table = Table([Strings.code.text(l), Strings.name.text(l), Strings.calendar.text(l), Strings.aliases.text(l)], flexible: 3)
        for a in agencies { table.add([a.code, a.name, a.calendar ?? "", a.aliases.joined(separator: ", ")]) }
        Output.line(table.render(width: Output.width))
    }
}
