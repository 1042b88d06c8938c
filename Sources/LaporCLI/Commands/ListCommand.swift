import ArgumentParser
import LaporCore

/// `lapor list`: reports as a table or a JSON array, oldest first unless sorted otherwise.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List reports (table, or --json array of report objects).")
    @OptionGroup var common: CommonOptions
    @Option(help: "Filter expression (docs/filters.md): ~s ~a ~c ~k ~h ~d ~o ~w ~A ~R, words, | ! ( ).") var `where`: String?
    @Option(help: "Only reports in this state (id or label prefix, e.g. new, selesai).") var state: String?
    @Option(help: "Only reports routed to this agency (code, name or alias).") var agency: String?
    @Option(help: "Order: \(ReportQuery.Sort.allCases.map(\.rawValue).joined(separator: ", ")).") var sort: String = "submitted"
    @Option(help: "At most this many reports.") var limit: Int?
    @Option(help: "Skip this many first.") var offset: Int = 0
    @Flag(help: "Print only the tracking ids, one a line (for shell scripts: id=$(lapor list ... --limit 1 --ids)).")
    var ids = false

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        guard let order = ReportQuery.Sort(rawValue: sort) else {
            throw LaporError.invalidArgument("--sort takes one of \(ReportQuery.Sort.allCases.map(\.rawValue).joined(separator: ", ")), not '\(sort)'.")
        }
        if let limit, limit < 0 { throw LaporError.invalidArgument("--limit takes a number of 0 or more.") }
        var parts: [ReportCondition] = []
        if let state {
            guard let parsed = ReportState.parse(state) else { throw LaporError.invalidArgument("Unknown state '\(state)'; states are \(ReportState.allCases.map(\.rawValue).joined(separator: ", ")).") }
            parts.append(.state(parsed))
        }
        if let agency {
            parts.append(.agencyID(try ctx.reader.agency(named: agency).id))
        }
        if let filter = try ctx.filter(`where`) { parts.append(filter) }
        let condition = parts.isEmpty ? nil : ReportCondition.all(parts)
        let reports = try ctx.reader.reports(ReportQuery(condition: condition, sort: order, limit: limit, offset: offset), for: ctx.user)
        let codes = try ctx.agencyCodes()
        if ctx.json {
            try Output.json(reports.map { ReportJSON.object($0, agencies: codes, zone: ctx.zone) })
            return
        }
        if ids {
            for r in reports { Output.line(Sanitizer.line(r.trackingID)) }
            return
        }
        guard !reports.isEmpty else { Output.line(Strings.noReports.text(ctx.language)); return }
        let l = ctx.language
        var table = Table([Strings.tracking.text(l), Strings.submitted.text(l), Strings.state.text(l), Strings.category.text(l),
                           Strings.agency.text(l), Strings.title.text(l)], flexible: 5)
        for r in reports {
            let agencyCell = (r.agencyID.flatMap { codes[$0] } ?? "") + (r.returned ? " ↩" : "")
            table.add([r.trackingID, ctx.zone.short(r.submittedAt), r.state.label(l, for: r.type), r.category, agencyCell, r.title])
        }
        Output.line(table.render(width: Output.width))
    }
}
