/// Combines routing rules and the learned model into ranked suggestions with reasons.
public struct Suggester: Sendable {
    public var rules: [RoutingRule]
    public var model: RoutingModel
    public var places: AgencyPlaces
    public var language: Language

    public init(rules: [RoutingRule], model: RoutingModel, places: AgencyPlaces = AgencyPlaces([]), language: Language = .id) {
        self.rules = rules; self.model = model; self.places = places; self.language = language
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
        let words = Set(RoutingBaseline.words(report.title + " " + report.body))
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
        // The model's guesses; one whose own place the report names (Desa Sukajadi when the text
        // says Sukajadi) counts two and a half times, which decides among offices of one kind.
        let named = words.union(RoutingBaseline.words(report.kecamatan + " " + report.kelurahan))
        var guesses = model.classify(RoutingText.terms(report), limit: places.isEmpty ? 3 : 8).map { guess in
            (guess, places.named(guess.agency, in: named))
        }
        guesses = guesses.map { g, place in
            var g = g
            if !place.isEmpty { g.probability = min(1, g.probability * 2.5) }
            return (g, place)
        }
        for (guess, place) in guesses.sorted(by: { $0.0.probability > $1.0.probability }).prefix(3) where guess.probability >= 0.001 {
            let words = guess.words.joined(separator: ", ")
            var reason = id ? "\(guess.reports) laporan serupa ditangani \(guess.agency)" + (words.isEmpty ? "" : "; kata: \(words)")
                : "\(guess.reports) similar reports went to \(guess.agency)" + (words.isEmpty ? "" : "; words: \(words)")
            if !place.isEmpty { reason += id ? "; disebut: \(place.joined(separator: ", "))" : "; named: \(place.joined(separator: ", "))" }
            add(guess.agency, 3 * guess.probability, reason)
        }
        return scores.map { Suggestion(agencyCode: $0.key, score: ($0.value.0 * 100).rounded() / 100, reasons: $0.value.1) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.agencyCode < $1.agencyCode }
            .prefix(limit).map { $0 }
    }
}
