import Foundation

/// A linear classifier over `RoutingText` terms weighted by TF-IDF (sublinear, unit length),
/// trained as an averaged multiclass perceptron on the desk's own accepted routings (reports an
/// agency followed up). Chosen over naive Bayes because it learns which few words matter for a
/// long tail of agencies instead of counting every word; on the chatty long-tail corpus it reaches
/// the accuracy of a linear SVM (docs/routing.md). Weights are sparse per term, so a report costs
/// a few hundred multiply-adds to score and the whole model fits in a database row.
public struct RoutingModel: Sendable {
    struct Entry: Sendable, Equatable {
        var agency: Int32
        var weight: Float
    }

    public private(set) var agencies: [String] = []
    /// Training reports per agency (the "N reports" of a reason).
    public private(set) var reportsPerAgency: [Int] = []
    private(set) var termIndex: [String: Int32] = [:]
    private(set) var terms: [String] = []
    private(set) var idf: [Float] = []
    private(set) var weights: [[Entry]] = []

    public init() {}

    public var documentCount: Int { reportsPerAgency.reduce(0, +) }

    /// One suggestion of the model: the agency, a probability-like share, its report count and
    /// the report's words that spoke most for it.
    public struct Guess: Sendable, Equatable {
        public var agency: String
        public var probability: Double
        public var reports: Int
        public var words: [String]
    }

    /// Trains on `examples` (terms of a report, the agency that accepted it). Terms seen in fewer
    /// than two reports are left out (typos and one-off bigrams teach nothing). Deterministic.
    public static func train(_ examples: [(terms: [String], agency: String)], epochs: Int = 10, seed: UInt64 = 1) -> RoutingModel {
        var model = RoutingModel()
        var agencyIndex: [String: Int32] = [:]
        var documentFrequency: [String: Int] = [:]
        for example in examples {
            if agencyIndex[example.agency] == nil {
                agencyIndex[example.agency] = Int32(model.agencies.count)
                model.agencies.append(example.agency)
                model.reportsPerAgency.append(0)
            }
            model.reportsPerAgency[Int(agencyIndex[example.agency]!)] += 1
            for term in Set(example.terms) { documentFrequency[term, default: 0] += 1 }
        }
        let n = Float(max(1, examples.count))
        for (term, df) in documentFrequency.sorted(by: { $0.key < $1.key }) where df >= 2 {
            model.termIndex[term] = Int32(model.terms.count)
            model.terms.append(term)
            model.idf.append(log((1 + n) / (1 + Float(df))) + 1)
        }
        let vectors = examples.map { model.vector($0.terms) }
        let labels = examples.map { agencyIndex[$0.agency]! }
        var trainer = Trainer(terms: model.terms.count, agencies: model.agencies.count)
        model.weights = trainer.run(vectors: vectors, labels: labels, epochs: epochs, seed: seed)
        return model
    }

    /// Sublinear TF-IDF of the known terms, scaled to unit length.
    func vector(_ terms: [String]) -> [(Int32, Float)] {
        var counts: [Int32: Int] = [:]
        for term in terms { if let i = termIndex[term] { counts[i, default: 0] += 1 } }
        // Sorted before summing, so the same report gives the same bits in every process.
        var out = counts.map { ($0.key, (1 + log(Float($0.value))) * idf[Int($0.key)]) }.sorted { $0.0 < $1.0 }
        let norm = sqrt(out.reduce(0) { $0 + $1.1 * $1.1 })
        if norm > 0 { for i in out.indices { out[i].1 /= norm } }
        return out
    }

    /// Agencies best first with a softmax share of their scores; at most `limit`.
    public func classify(_ terms: [String], limit: Int = 5) -> [Guess] {
        guard !agencies.isEmpty else { return [] }
        let x = vector(terms)
        guard !x.isEmpty else { return [] }
        var scores = [Float](repeating: 0, count: agencies.count)
        for (term, value) in x { for e in weights[Int(term)] { scores[Int(e.agency)] += value * e.weight } }
        let best = scores.max() ?? 0
        // Scores of unit-length inputs are about ±1; a temperature of 0.2 gives a clear winner ~0.9.
        let shares = scores.map { exp(Double($0 - best) / 0.2) }
        let total = shares.reduce(0, +)
        let ranked = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : agencies[$0] < agencies[$1] }
        return ranked.prefix(limit).map { a in
            let telling = x.compactMap { term, value -> (String, Float)? in
                guard let w = weights[Int(term)].first(where: { $0.agency == Int32(a) })?.weight, w > 0 else { return nil }
                return (self.terms[Int(term)], value * w)
            }.sorted { $0.1 > $1.1 }.prefix(3).map { Self.readable($0.0) }
            return Guess(agency: agencies[a], probability: shares[a] / total, reports: reportsPerAgency[a], words: telling)
        }
    }

    /// `air_mati` → "air mati", `c:kesehatan` → "kategori kesehatan".
    static func readable(_ term: String) -> String {
        if term.hasPrefix("c:") { return "kategori " + term.dropFirst(2) }
        if term.hasPrefix("k:") { return "kec. " + term.dropFirst(2) }
        if term.hasPrefix("l:") { return "kel. " + term.dropFirst(2) }
        return term.replacingOccurrences(of: "_", with: " ")
    }

    /// The averaged perceptron with lazy averaging: each weight keeps its running total and the
    /// step it last changed, so an update costs the entries touched, not the whole model.
    private struct Trainer {
        struct Slot { var agency: Int32; var weight: Float; var total: Double; var last: Int }
        var slots: [[Slot]]
        let agencies: Int
        /// PA-I's cap on one step (its C).
        static let aggressiveness: Float = Float(ProcessInfo.processInfo.environment["LAPOR_PA_C"].flatMap(Double.init) ?? 0.5)

        init(terms: Int, agencies: Int) {
            slots = Array(repeating: [], count: terms)
            self.agencies = agencies
        }

        mutating func run(vectors: [[(Int32, Float)]], labels: [Int32], epochs: Int, seed: UInt64) -> [[Entry]] {
            var rng = SeededRandom(seed: seed)
            var order = Array(vectors.indices)
            var scores = [Float](repeating: 0, count: agencies)
            var step = 1
            for _ in 0..<epochs {
                for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
                for index in order {
                    let x = vectors[index], truth = labels[index]
                    for i in scores.indices { scores[i] = 0 }
                    for (term, value) in x { for s in slots[Int(term)] { scores[Int(s.agency)] += value * s.weight } }
                    var predicted = truth == 0 ? Int32(1 % agencies) : 0
                    for a in scores.indices where a != Int(truth) && scores[a] > scores[Int(predicted)] { predicted = Int32(a) }
                    // Passive-aggressive (PA-I): act whenever the margin is below 1, by just enough to
                    // fix it (capped), rather than a fixed step on mistakes only; inputs have unit length.
                    let loss = 1 - (scores[Int(truth)] - scores[Int(predicted)])
                    if loss > 0 {
                        let tau = min(Self.aggressiveness, loss / 2)
                        for (term, value) in x {
                            update(term, truth, tau * value, step)
                            update(term, predicted, -tau * value, step)
                        }
                    }
                    step += 1
                }
            }
            return slots.map { list in
                list.compactMap { s in
                    let average = Float((s.total + Double(step - s.last) * Double(s.weight)) / Double(step))
                    return average == 0 ? nil : Entry(agency: s.agency, weight: average)
                }
            }
        }

        mutating func update(_ term: Int32, _ agency: Int32, _ delta: Float, _ step: Int) {
            let t = Int(term)
            if let i = slots[t].firstIndex(where: { $0.agency == agency }) {
                slots[t][i].total += Double(step - slots[t][i].last) * Double(slots[t][i].weight)
                slots[t][i].last = step
                slots[t][i].weight += delta
            } else {
                slots[t].append(Slot(agency: agency, weight: delta, total: 0, last: step))
            }
        }
    }
}

extension RoutingModel {
    /// A compact binary form for the database: agencies with their counts, then each term with
    /// its idf and weights. Little-endian; `decode` refuses anything it did not write.
    public func encoded() -> Data {
        var out = ByteWriter()
        out.bytes(Array("LRM1".utf8))
        out.int(agencies.count)
        for (a, n) in zip(agencies, reportsPerAgency) { out.string(a); out.int(n) }
        out.int(terms.count)
        for (i, term) in terms.enumerated() {
            out.string(term)
            out.float(idf[i])
            out.int(weights[i].count)
            for e in weights[i] { out.int(Int(e.agency)); out.float(e.weight) }
        }
        return Data(out.data)
    }

    public init?(encoded data: Data) {
        var r = ByteReader(Array(data))
        guard r.bytes(4) == Array("LRM1".utf8), let agencyCount = r.int() else { return nil }
        for _ in 0..<agencyCount {
            guard let a = r.string(), let n = r.int() else { return nil }
            agencies.append(a); reportsPerAgency.append(n)
        }
        guard let termCount = r.int() else { return nil }
        terms.reserveCapacity(termCount)
        for i in 0..<termCount {
            guard let term = r.string(), let f = r.float(), let k = r.int() else { return nil }
            var list: [Entry] = []
            list.reserveCapacity(k)
            for _ in 0..<k {
                guard let a = r.int(), a < agencyCount, let w = r.float() else { return nil }
                list.append(Entry(agency: Int32(a), weight: w))
            }
            termIndex[term] = Int32(i); terms.append(term); idf.append(f); weights.append(list)
        }
        guard r.atEnd else { return nil }
    }
}

/// Appends little-endian numbers and length-prefixed UTF-8 strings.
struct ByteWriter {
    var data: [UInt8] = []
    mutating func bytes(_ b: [UInt8]) { data += b }
    mutating func int(_ n: Int) { withUnsafeBytes(of: UInt32(truncatingIfNeeded: n).littleEndian) { data += $0 } }
    mutating func float(_ x: Float) { withUnsafeBytes(of: x.bitPattern.littleEndian) { data += $0 } }
    mutating func string(_ s: String) { let u = Array(s.utf8); int(u.count); data += u }
}

/// Reads what `ByteWriter` wrote; nil on any overrun.
struct ByteReader {
    let data: [UInt8]
    var at = 0
    init(_ data: [UInt8]) { self.data = data }
    var atEnd: Bool { at == data.count }
    mutating func bytes(_ n: Int) -> [UInt8]? {
        guard n >= 0, at + n <= data.count else { return nil }
        defer { at += n }
        return Array(data[at..<(at + n)])
    }
    mutating func u32() -> UInt32? {
        guard at + 4 <= data.count else { return nil }
        defer { at += 4 }
        return UInt32(data[at]) | UInt32(data[at + 1]) << 8 | UInt32(data[at + 2]) << 16 | UInt32(data[at + 3]) << 24
    }
    mutating func int() -> Int? { u32().map(Int.init) }
    mutating func float() -> Float? { u32().map(Float.init(bitPattern:)) }
    mutating func string() -> String? {
        guard let n = int(), let b = bytes(n) else { return nil }
        return String(decoding: b, as: UTF8.self)
    }
}
