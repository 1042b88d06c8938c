import ArgumentParser
import Foundation
import LaporCore

/// `lapor suggest ID`: agencies best first with score and reason; `--evaluate` measures accuracy on held-out reports.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "suggest", abstract: "Suggested agencies for a report, best first, with the reason.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id).") var id: String?
    @Flag(help: "Measure top-1 accuracy: train on older accepted routings, test on the newest share.") var evaluate = false
    @Option(help: "Share of accepted reports (newest) held out for --evaluate.") var holdout: Double = 0.2

    func run() throws {
        let ctx = try Context.open(common)
        if evaluate { return try runEvaluation(ctx) }
        guard let id else { throw LaporError.invalidArgument("Give a report id, or --evaluate.") }
        let report = try ctx.store.report(id, for: ctx.user)
        let suggestions = try ctx.store.suggestions(for: report, language: ctx.language)
        if ctx.json {
            try Output.json(suggestions.map { ["agency": $0.agencyCode, "score": $0.score, "reason": $0.reason] as [String: Any] })
            return
        }
        if suggestions.isEmpty { Output.line(ctx.language == .id ? "Belum ada saran." : "No suggestion yet."); return }
        for (i, s) in suggestions.enumerated() {
            Output.line(Sanitizer.line("\(i + 1). \(DisplayWidth.pad(s.agencyCode, to: 16)) \(String(format: "%5.2f", s.score))  \(s.reason)"))
        }
    }

    private func runEvaluation(_ ctx: Context) throws {
        guard holdout > 0, holdout < 1 else { throw LaporError.invalidArgument("--holdout takes a share between 0 and 1.") }
        let accepted = SQLFragment("report.state IN ('in_progress', 'awaiting_reporter', 'resolved') AND report.agency_id IS NOT NULL")
        let all = try ctx.store.reports(ReportQuery(condition: accepted, sort: .submitted), for: ctx.user)
        guard all.count >= 10 else { throw LaporError.invalidArgument("Too few accepted reports to evaluate (\(all.count)).") }
        let cut = Int(Double(all.count) * (1 - holdout))
        let test = all[cut...]
        let model = try ctx.store.routingModel(before: test.first!.submittedAt)
        let suggester = Suggester(rules: try ctx.store.rules(), model: model, language: ctx.language)
        let codes = try ctx.agencyCodes()
        var hits = 0, modelOnlyHits = 0
        let modelOnly = Suggester(rules: [], model: model, language: ctx.language)
        for r in test {
            let truth = r.agencyID.flatMap { codes[$0] }
            if suggester.suggest(for: r, limit: 1).first?.agencyCode == truth { hits += 1 }
            if modelOnly.suggest(for: r, limit: 1).first?.agencyCode == truth { modelOnlyHits += 1 }
        }
        let result: [String: Any] = ["trained_on": model.documentCount, "tested": test.count,
                                     "top1_accuracy": (Double(hits) / Double(test.count) * 1000).rounded() / 1000,
                                     "model_only_top1_accuracy": (Double(modelOnlyHits) / Double(test.count) * 1000).rounded() / 1000]
        if ctx.json { try Output.json(result); return }
        Output.line("trained on \(model.documentCount), tested \(test.count): top-1 \(result["top1_accuracy"]!) (rules + model), \(result["model_only_top1_accuracy"]!) (model alone)")
    }
}
