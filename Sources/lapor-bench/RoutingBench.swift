import Foundation
import LaporCore

/// Routing on long-tail, chatty text (issue 11): a LAPOR!-shaped workbook from `RoutingCorpus`
/// imported into its own desk, then `suggest` timed with the stored model, and top-1/top-3 of the
/// model against the nearest-centroid baseline on the newest 20 % of accepted routings.
struct RoutingBench {
    let history: Int
    let seed: UInt64
    let dir: String
    let target: BenchTarget

    func run(into report: inout Bench.Report, log: (String) -> Void) throws {
        let file = dir + "/routing-\(history).xlsx"
        try target.reset("routing-\(history)")
        let db = target.location("routing-\(history)")
        // About 55 % of LAPOR! reports end accepted by an agency: write enough for `history` of them.
        var generator = LaporExportGenerator(rows: history * 100 / 55, seed: seed)
        generator.longTail = true
        log("routing: writing \(generator.rows) long-tail reports")
        try generator.write(to: file)
        let store = try BenchTarget.open(db)
        let boss = try store.initialize(login: "bench", at: Date())
        let summary = try Importer(store: store, user: boss, now: Date()).run([file], format: .auto)
        let accepted = try store.routingExamples(before: nil, limit: RoutingExample.window).count
        log("routing: \(summary.rows) imported, \(accepted) accepted; training")
        let started = Date()
        _ = try store.routingModel()
        let training = Date().timeIntervalSince(started) * 1000
        let sample = try store.reports(ReportQuery(condition: nil, sort: .submitted, limit: 50), for: boss)
        var times: [Double] = []
        for r in sample {
            let t = Date()
            _ = try store.suggestions(for: r, language: .id)
            times.append(Date().timeIntervalSince(t) * 1000)
        }
        times.sort()
        let p50 = times[times.count / 2], worst = times.last ?? 0
        report.lines.append(Bench.Line(what: "suggest, stored model, \(accepted) accepted routings of history (\(times.count) calls)",
                                       measured: String(format: "p50 %.1f / max %.1f ms", p50, worst),
                                       reference: String(format: "training once %.0f ms", training), target: "≤ 50 ms", met: worst <= 50))
        log("routing: evaluating")
        let all = try store.routingExamples(before: nil, limit: Int.max)
        let cut = all.count * 4 / 5
        let model = RoutingModel.train(all[..<cut].map { ($0.terms, $0.agency) })
        let baseline = RoutingBaseline(all[..<cut].map { ($0.text, $0.agency) })
        let places = AgencyPlaces(try store.agencies())
        let suggester = Suggester(rules: [], model: model, places: places)
        var top1 = 0, top3 = 0, base1 = 0, base3 = 0
        let tested = all[cut...]
        for e in tested {
            let ranked = suggester.suggest(for: e.report, limit: 3).map(\.agencyCode)
            if ranked.first == e.agency { top1 += 1 }
            if ranked.contains(e.agency) { top3 += 1 }
            let b = baseline.rank(e.text, limit: 3)
            if b.first == e.agency { base1 += 1 }
            if b.contains(e.agency) { base3 += 1 }
        }
        let n = Double(max(1, tested.count))
        let (m1, m3, b1, b3) = (Double(top1) / n * 100, Double(top3) / n * 100, Double(base1) / n * 100, Double(base3) / n * 100)
        report.lines.append(Bench.Line(what: "routing top-1 on \(tested.count) held-out reports, \(model.agencies.count) agencies",
                                       measured: String(format: "%.1f %%", m1), reference: String(format: "nearest centroid %.1f %%", b1),
                                       target: "≥ centroid + 5 points (a linear SVM + 5: docs/routing.md)", met: m1 >= b1 + 5))
        report.lines.append(Bench.Line(what: "routing top-3", measured: String(format: "%.1f %%", m3),
                                       reference: String(format: "nearest centroid %.1f %%", b3), target: "≥ 90 %", met: m3 >= 90))
        report.json["routing"] = ["history": accepted, "suggest_p50_ms": p50, "suggest_max_ms": worst, "training_ms": training,
                                  "top1": m1, "top3": m3, "baseline_top1": b1, "baseline_top3": b3]
    }
}
