import ArgumentParser
import LaporCore

/// `lapor audit [ID]`: the append-only audit trail, newest last.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "The append-only audit trail (of one report when ID is given).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id) of one report.") var id: String?
    @Option(help: "Only the last N records.") var limit: Int = 50

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        let entries = try ctx.reader.audit(id, for: ctx.user, limit: limit)
        if ctx.json {
            try Output.json(entries.map { AuditJSON.object($0, zone: ctx.zone) })
            return
        }
        let l = ctx.language
        var table = Table([Strings.at.text(l), Strings.actor.text(l), Strings.action.text(l), Strings.tracking.text(l),
                           Strings.state.text(l), Strings.agency.text(l), Strings.note.text(l)], flexible: 6)
        for e in entries {
            let move = e.fromState.map { "\($0.rawValue) → \(e.toState?.rawValue ?? "?")" } ?? ""
            let agency = [e.fromAgency, e.toAgency].compactMap { $0 }.joined(separator: " → ")
            table.add([ctx.zone.short(e.at), e.actor, e.action, e.trackingID ?? "", move, agency, e.note])
        }
        Output.line(table.render(width: Output.width))
    }
}
