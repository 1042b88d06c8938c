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
                    template: String? = nil, detail: ActionDetail = .none, common: CommonOptions) throws {
        if template != nil && !note.trimmingCharacters(in: .whitespaces).isEmpty {
            throw LaporError.invalidArgument("Give either --template or the note text, not both (edit the template's text in the desk).")
        }
        let ctx = try Context.open(common, onServer: true)
        let templateText = try template.map { name in
            let t = try ctx.reader.template(named: name, for: ctx.user)
            guard t.fits(action) else {
                throw LaporError.invalidArgument("Template \(t.name) is for \(t.actionList), not \(action.rawValue).")
            }
            return t
        }
        var firstFailure: LaporError?
        var results: [[String: Any]] = []
        let codes = try ctx.agencyCodes()
        for id in ids {
            do {
                let seen = try ctx.reader.report(id, for: ctx.user)
                if action == .route && seen.state == .dispositioned && !reroute {
                    throw LaporError.alreadyRouted(trackingID: seen.trackingID, agency: seen.agencyID.flatMap { codes[$0] } ?? "?")
                }
                // A template's text is filled inside the action, for the report and each incident member.
                let result = try ctx.writer.act(action, on: seen.trackingID, by: ctx.user, at: ctx.now,
                                               note: templateText?.text ?? note, agency: agency, expectedVersion: seen.version,
                                               fill: templateText?.language, detail: detail)
                let report = result.report
                let agencyCode = report.agencyID.flatMap { codes[$0] }
                var object: [String: Any] = ["id": report.id, "tracking_id": report.trackingID, "ok": true,
                                             "state": report.state.rawValue, "agency": agencyCode ?? NSNull()]
                if !result.members.isEmpty {
                    object["members"] = result.members.map { m -> [String: Any] in
                        ["tracking_id": m.trackingID, "ok": m.refusal == nil, "state": m.state.rawValue,
                         "error": m.refusal?.message(ctx.language) ?? NSNull()]
                    }
                }
                results.append(object)
                if !ctx.json {
                    let target = agencyCode.map { " → \($0)" } ?? ""
                    if action == .returnReport {
                        // A return leaves the report with the desk to re-route, not with the agency.
                        let from = seen.agencyID.flatMap { codes[$0] } ?? "?"
                        Output.line(ctx.language == .id
                            ? "✓ \(report.trackingID): dikembalikan oleh \(from) (bukan wewenang); menunggu disposisi ulang"
                            : "✓ \(report.trackingID): returned by \(from) (not its remit); waiting to be re-routed")
                    } else {
                        let decided = [detail.decision?.label(ctx.language), detail.ground?.label(ctx.language),
                                       detail.outcome.map { (ctx.language == .id ? "keberatan " : "objection ") + $0.label(ctx.language) }]
                            .compactMap { $0 }.joined(separator: ", ")
                        let extra = decided.isEmpty ? "" : " (\(decided))"
                        Output.line("✓ \(report.trackingID): \(report.state.label(ctx.language, for: report.type))\(target)\(extra)")
                    }
                    Self.printMembers(result.members, ctx)
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

extension LifecycleRunner {
    /// The incident's members the action reached, and each one it could not, with the reason.
    static func printMembers(_ members: [MemberOutcome], _ ctx: Context) {
        guard !members.isEmpty else { return }
        let moved = members.filter { $0.refusal == nil }
        let en = ctx.language == .en
        Output.line(en ? "  incident: \(moved.count) of \(members.count) open members too" : "  insiden: \(moved.count) dari \(members.count) anggota terbuka ikut")
        for m in members {
            if let refusal = m.refusal { Output.line("  ✗ \(m.trackingID): \(refusal.message(ctx.language))") }
        }
    }
}

/// An exit code whose message has already been printed.
struct SilentExit: Error { let code: Int32 }
