/// Combines routing rules and the learned model into ranked suggestions with reasons.
public struct Suggester: Sendable {
    public var rules: [RoutingRule]
    public var model: RoutingModel
    public var language: Language

    public init(rules: [RoutingRule], model: RoutingModel, language: Language = .id) {
        self.rules = rules; self.model = model; self.language = language
    }

    /// Agencies best first. Rules weigh 3 (category), 2 (kecamatan) or their weight (keywords);
    /// the model adds up to 3 by its posterior probability.
    public func suggest(for report: Report, limit: Int = 5) -> [Suggestion] {
        var scores: [String: (Double, [String])] = [:]
        func add(_ code: String, _ score: Double, _ reason: String) {
            var entry = scores[code] ?? (0, [])
            entry.0 += score
            entry.1.append(reason)
            scores[code] = entry
        }
        let id = language == .id
        let category = Agency.fold(report.category)
        let words = Set(RoutingModel.tokens(report.title + " " + report.body))
        for rule in rules {
            switch rule.kind {
            case .category where Agency.fold(rule.pattern) == category && !category.isEmpty:
                add(rule.agencyCode, 3 * rule.weight, id ? "kategori \(report.category) → \(rule.agencyCode)" : "category \(report.category) → \(rule.agencyCode)")
            case .keyword where words.contains(rule.pattern.lowercased()):
                add(rule.agencyCode, rule.weight, id ? "kata kunci \"\(rule.pattern)\"" : "keyword \"\(rule.pattern)\"")
            case .kecamatan where Agency.fold(rule.pattern) == Agency.fold(report.kecamatan) && !report.kecamatan.isEmpty
                && (rule.categories.isEmpty || rule.categories.contains { Agency.fold($0) == category }):
                add(rule.agencyCode, 2 * rule.weight, id ? "urusan wilayah Kec. \(report.kecamatan)" : "local matter in Kec. \(report.kecamatan)")
            default:
                break
            }
        }
        for guess in model.classify(report.title + " " + report.body).prefix(3) where guess.probability >= 0.05 {
            let reason = id ? "\(guess.similar) laporan serupa dialihkan ke \(guess.agency)" : "\(guess.similar) similar reports went to \(guess.agency)"
            add(guess.agency, 3 * guess.probability, reason)
        }
        return scores.map { Suggestion(agencyCode: $0.key, score: ($0.value.0 * 100).rounded() / 100, reasons: $0.value.1) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.agencyCode < $1.agencyCode }
            .prefix(limit).map { $0 }
    }
}
