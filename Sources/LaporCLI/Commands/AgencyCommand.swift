import ArgumentParser
import LaporCore

/// `lapor agency`: the perangkat daerah reports are routed to.
struct AgencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agency", abstract: "Manage agencies (perangkat daerah).",
                                                    subcommands: [AgencyAddCommand.self, AgencyListCommand.self, AgencyMergeCommand.self])
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
        let ctx = try Context.open(common, onServer: true)
        let agency = try ctx.writer.addAgency(Agency(code: code, name: name, aliases: aliases, calendar: calendar), by: ctx.user, at: ctx.now)
        if ctx.json { try Output.json(["id": agency.id, "code": agency.code, "name": agency.name]) }
        else { Output.line("✓ \(agency.code) \(agency.name)") }
    }
}

/// `lapor agency list`.
struct AgencyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List agencies.")
    @OptionGroup var common: CommonOptions

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        let agencies = try ctx.writer.agencies()
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

/// `lapor agency merge FROM INTO` (supervisor only): one agency under two names becomes one.
struct AgencyMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge agency FROM into INTO: reports, liaisons, rules and the board follow (supervisor only; audited).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "The agency that goes away (code, name or alias).") var from: String
    @Argument(help: "The agency that stays.") var into: String

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        let m = try ctx.writer.mergeAgency(from, into: into, by: ctx.user, at: ctx.now)
        if ctx.json {
            try Output.json(["from": m.from.code, "into": m.into.code, "reports": m.reports, "users": m.users, "rules": m.rules])
            return
        }
        Output.line(Sanitizer.line(ctx.language == .id
            ? "✓ \(m.from.code) (\(m.from.name)) digabung ke \(m.into.code): \(m.reports) laporan, \(m.users) pengguna, \(m.rules) aturan"
            : "✓ \(m.from.code) (\(m.from.name)) merged into \(m.into.code): \(m.reports) reports, \(m.users) users, \(m.rules) rules"))
    }
}
