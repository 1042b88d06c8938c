import Foundation

/// A multinomial naive Bayes classifier over title and body tokens, trained from the desk's own
/// accepted routing decisions (reports an agency followed up). Small and incremental: counts only.
public struct RoutingModel: Sendable {
    private(set) var documents: [String: Int] = [:]
    private(set) var tokenCounts: [String: [String: Int]] = [:]
    private(set) var totalTokens: [String: Int] = [:]
    /// Documents per agency containing a token, for "12 similar reports" reasons.
    private(set) var docFrequency: [String: [String: Int]] = [:]
    private(set) var vocabulary: Set<String> = []

    public init() {}

    public var documentCount: Int { documents.values.reduce(0, +) }

    /// Lower-cased letter runs of 3+ characters, minus common Indonesian and English function words.
    public static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in text.lowercased().folding(options: .diacriticInsensitive, locale: nil) {
            if ch.isLetter { current.append(ch) } else { flush() }
        }
        flush()
        func flush() {
            if current.count >= 3 && !stopwords.contains(current) { out.append(current) }
            current = ""
        }
        return out
    }

    static let stopwords: Set<String> = ["yang", "dan", "di", "ke", "dari", "ini", "itu", "untuk", "dengan", "tidak", "ada", "sudah",
                                         "saya", "kami", "mohon", "sejak", "sampai", "the", "and", "for", "was", "are", "jl", "rt",
                                         "tetapi", "sekarang", "karena", "agar", "pada", "oleh", "juga", "atau", "akan", "bisa"]

    public mutating func learn(text: String, agency: String) {
        let tokens = Self.tokens(text)
        documents[agency, default: 0] += 1
        for token in tokens {
            tokenCounts[agency, default: [:]][token, default: 0] += 1
            vocabulary.insert(token)
        }
        totalTokens[agency, default: 0] += tokens.count
        for token in Set(tokens) { docFrequency[agency, default: [:]][token, default: 0] += 1 }
    }

    /// Posterior probability per agency, best first.
    public func classify(_ text: String) -> [(agency: String, probability: Double, similar: Int)] {
        let tokens = Self.tokens(text)
        guard documentCount > 0, !tokens.isEmpty else { return [] }
        let v = Double(max(1, vocabulary.count))
        var logs: [(String, Double)] = []
        for (agency, docs) in documents {
            var lp = log(Double(docs) / Double(documentCount))
            let counts = tokenCounts[agency] ?? [:]
            let total = Double(totalTokens[agency] ?? 0)
            for token in tokens { lp += log((Double(counts[token] ?? 0) + 1) / (total + v)) }
            logs.append((agency, lp))
        }
        let best = logs.map(\.1).max() ?? 0
        let sum = logs.reduce(0) { $0 + exp($1.1 - best) }
        let unique = Set(tokens)
        return logs.map { agency, lp in
            // "Similar" = past reports of this agency sharing at least the report's most telling token.
            let frequencies = docFrequency[agency] ?? [:]
            let similar = unique.map { frequencies[$0] ?? 0 }.filter { $0 > 0 }.min() ?? 0
            return (agency, exp(lp - best) / sum, similar)
        }.sorted { $0.probability > $1.probability }
    }
}
