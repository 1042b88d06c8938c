import ArgumentParser
import Foundation
import LaporCore

/// `lapor suggest ID`: agencies best first with score and reason; `--evaluate` measures accuracy on held-out reports.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "suggest", abstract: "Suggested agencies for a report, best first, with the reason.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id).") var id: String?
    @Flag(help: "Measure top-1 and top-3 accuracy against a nearest-centroid baseline: train on older routings, test on the newest.") var evaluate = false
    @Option(help: "Share of accepted reports (newest) held out for --evaluate.") var holdout: Double = 0.2

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        if evaluate { return try runEvaluation(ctx) }
        guard let id else { throw LaporError.invalidArgument("Give a report id, or --evaluate.") }
        let report = try ctx.reader.report(id, for: ctx.user)
        let suggestions = try ctx.reader.suggestions(for: report, language: ctx.language)
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
        let accepted = ReportCondition.all([.states([.inProgress, .awaitingReporter, .resolved]), .routed])
        let all = try ctx.reader.reports(ReportQuery(condition: accepted, sort: .submitted), for: ctx.user)
        guard all.count >= 10 else { throw LaporError.invalidArgument("Too few accepted reports to evaluate (\(all.count)).") }
        let cut = Int(Double(all.count) * (1 - holdout))
        let test = all[cut...]
        let examples = try ctx.reader.routingExamples(before: test.first!.submittedAt, limit: RoutingExample.window)
        let model = RoutingModel.train(examples.map { ($0.terms, $0.agency) })
        let baseline = RoutingBaseline(examples.map { ($0.text, $0.agency) })
        let places = AgencyPlaces(try ctx.reader.agencies())
        let suggester = Suggester(rules: try ctx.reader.rules(), model: model, places: places, language: ctx.language)
        let modelOnly = Suggester(rules: [], model: model, places: places, language: ctx.language)
        let codes = try ctx.agencyCodes()
        var hits = Hits(), modelHits = Hits(), baselineHits = Hits()
        for r in test {
            guard let truth = r.agencyID.flatMap({ codes[$0] }) else { continue }
            hits.add(suggester.suggest(for: r, limit: 3).map(\.agencyCode), truth)
            modelHits.add(modelOnly.suggest(for: r, limit: 3).map(\.agencyCode), truth)
            baselineHits.add(baseline.rank(r.title + " " + r.body, limit: 3), truth)
        }
        let n = Double(test.count)
        func share(_ k: Int) -> Double { (Double(k) / n * 1000).rounded() / 1000 }
        let result: [String: Any] = [
            "trained_on": examples.count, "tested": test.count, "agencies": model.agencies.count,
            "top1_accuracy": share(hits.top1), "top3_accuracy": share(hits.top3),
            "model_only_top1_accuracy": share(modelHits.top1), "model_only_top3_accuracy": share(modelHits.top3),
            "baseline_top1_accuracy": share(baselineHits.top1), "baseline_top3_accuracy": share(baselineHits.top3),
        ]
        if ctx.json { try Output.json(result); return }
        Output.line("trained on \(examples.count) accepted routings (\(model.agencies.count) agencies), tested on the newest \(test.count):")
        Output.line("  rules + model        top-1 \(share(hits.top1))  top-3 \(share(hits.top3))")
        Output.line("  model alone          top-1 \(share(modelHits.top1))  top-3 \(share(modelHits.top3))")
        Output.line("  baseline (centroid)  top-1 \(share(baselineHits.top1))  top-3 \(share(baselineHits.top3))")
    }

    /// Top-1 and top-3 hits of one ranking method.
    private struct Hits {
        var top1 = 0, top3 = 0
        mutating func add(_ ranked: [String], _ truth: String) {
            if ranked.first == truth { top1 += 1 }
            if ranked.prefix(3).contains(truth) { top3 += 1 }
        }
    }
}
