import Foundation
import LaporCore

/// Runs one lifecycle action on each named report through the core, printing one line per report.
/// A refusal leaves that report untouched; the exit code is the first refusal's (cli.md).
enum LifecycleRunner {
    /// Each report is read first and acted on only if nobody changed it in between (its version is
    /// checked inside the write transaction), so of two operators racing, the second is told.
    /// Routing a report that is already routed needs `reroute`, so nobody re-routes by accident.
    /// With `template`, each report's note is the template filled for that report (never a masked identity).
    static func run(_ action: LifecycleAction, ids: [String], note: String = "", agency: String? = nil, reroute: Bool = false,
                    template: String? = nil, common: CommonOptions) throws {
        if template != nil && !note.trimmingCharacters(in: .whitespaces).isEmpty {
            throw LaporError.invalidArgument("Give either --template or the note text, not both (edit the template's text in the desk).")
        }
        let ctx = try Context.open(common)
        if let template { _ = try ctx.store.template(named: template, for: ctx.user) }
        var firstFailure: LaporError?
        var results: [[String: Any]] = []
        let codes = try ctx.agencyCodes()
        for id in ids {
            do {
                let seen = try ctx.store.report(id, for: ctx.user)
                if action == .route && seen.state == .dispositioned && !reroute {
                    throw LaporError.alreadyRouted(trackingID: seen.trackingID, agency: seen.agencyID.flatMap { codes[$0] } ?? "?")
                }
                let filled = try template.map { name in
                    try ctx.store.fillTemplate(name, action: action, report: seen.trackingID, agency: agency, by: ctx.user, at: ctx.now)
                }
                let report = try ctx.store.perform(action, on: seen.trackingID, by: ctx.user, at: ctx.now, note: filled ?? note,
                                                   agency: agency,
                                                   expectedVersion: seen.version)
                let agencyCode = report.agencyID.flatMap { codes[$0] }
                results.append(["id": report.id, "tracking_id": report.trackingID, "ok": true, "state": report.state.rawValue,
                                "agency": agencyCode ?? NSNull()])
                if !ctx.json {
                    let target = agencyCode.map { " → \($0)" } ?? ""
                    if action == .returnReport {
                        // A return leaves the report with the desk to re-route, not with the agency.
                        let from = seen.agencyID.flatMap { codes[$0] } ?? "?"
                        Output.line(ctx.language == .id
                            ? "✓ \(report.trackingID): dikembalikan oleh \(from) (bukan wewenang); menunggu disposisi ulang"
                            : "✓ \(report.trackingID): returned by \(from) (not its remit); waiting to be re-routed")
                    } else {
                        Output.line("✓ \(report.trackingID): \(report.state.label(ctx.language))\(target)")
                    }
                }
            } catch let error as LaporError {
                if case .databaseBusy = error { throw error }
                firstFailure = firstFailure ?? error
                results.append(["id": id, "ok": false, "error": error.message(ctx.language)])
                if !ctx.json { Output.error(error.message(ctx.language)) }
            }
        }
        if ctx.json { try Output.json(results) }
        if let firstFailure { throw SilentExit(code: firstFailure.exitCode) }
    }
}

/// An exit code whose message has already been printed.
struct SilentExit: Error { let code: Int32 }
