import Foundation

/// The simple baseline `suggest --evaluate` prints beside the model, so users see what the model
/// adds: nearest centroid on TF-IDF of plain lower-case words (no abbreviation handling, no
/// stemming, no fields), ranked by cosine similarity to each agency's mean report.
public struct RoutingBaseline: Sendable {
    private var agencies: [String] = []
    private var idf: [String: Double] = [:]
    private var centroids: [[String: Double]] = []

    public static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    public init(_ examples: [(text: String, agency: String)]) {
        var df: [String: Int] = [:]
        for e in examples { for w in Set(Self.words(e.text)) { df[w, default: 0] += 1 } }
        let n = Double(max(1, examples.count))
        idf = df.mapValues { log((1 + n) / (1 + Double($0))) + 1 }
        var index: [String: Int] = [:]
        for e in examples {
            if index[e.agency] == nil { index[e.agency] = agencies.count; agencies.append(e.agency); centroids.append([:]) }
            for (w, v) in vector(e.text) { centroids[index[e.agency]!][w, default: 0] += v }
        }
        centroids = centroids.map(Self.unit)
    }

    private func vector(_ text: String) -> [String: Double] {
        var tf: [String: Int] = [:]
        for w in Self.words(text) where idf[w] != nil { tf[w, default: 0] += 1 }
        return Self.unit(tf.mapValues { Double($0) }.reduce(into: [:]) { $0[$1.key] = (1 + log($1.value)) * idf[$1.key]! })
    }

    private static func unit(_ v: [String: Double]) -> [String: Double] {
        let norm = sqrt(v.values.reduce(0) { $0 + $1 * $1 })
        return norm > 0 ? v.mapValues { $0 / norm } : v
    }

    /// Agencies by cosine similarity, best first.
    public func rank(_ text: String, limit: Int = 3) -> [String] {
        let q = vector(text)
        let scored = centroids.indices.map { i in (agencies[i], q.reduce(0) { $0 + $1.value * (centroids[i][$1.key] ?? 0) }) }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
    }
}
