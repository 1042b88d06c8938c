import Foundation
import LaporCore

/// Runs one lifecycle action on each named report through the core, printing one line per report.
/// A refusal leaves that report untouched; the exit code is the first refusal's (cli.md).
enum LifecycleRunner {
    static func run(_ action: LifecycleAction, ids: [String], note: String = "", agency: String? = nil, common: CommonOptions) throws {
        let ctx = try Context.open(common)
        var firstFailure: LaporError?
        var results: [[String: Any]] = []
        let codes = try ctx.agencyCodes()
        for id in ids {
            do {
                let report = try ctx.store.perform(action, on: id, by: ctx.user, at: ctx.now, note: note, agency: agency)
                let agencyCode = report.agencyID.flatMap { codes[$0] }
                results.append(["id": report.id, "tracking_id": report.trackingID, "ok": true, "state": report.state.rawValue,
                                "agency": agencyCode ?? NSNull()])
                if !ctx.json {
                    let target = agencyCode.map { " → \($0)" } ?? ""
                    Output.line("✓ \(report.trackingID): \(report.state.label(ctx.language))\(target)")
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
