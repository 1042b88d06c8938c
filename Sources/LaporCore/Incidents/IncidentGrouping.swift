import Foundation

/// A proposed incident: reports best first, the first the proposed primary.
public struct ProposedGroup: Sendable, Equatable {
    public var members: [Int64]
    public var trackingIDs: [String]
    public var score: Double
    public var reason: String
}

/// Proposes incidents over many reports without comparing every pair: reports are compared only
/// within a block of one named place (kelurahan, street, gang, landmark) and the time window, so
/// the work grows with the reports of a place and week, not with the square of the queue.
public enum IncidentGrouping {
    public static func groups(_ sigs: [IncidentSignature], window: TimeInterval, language: Language,
                              minimumSize: Int = 2) -> [ProposedGroup] {
        var blocks: [String: [Int]] = [:]
        for (i, s) in sigs.enumerated() {
            for place in s.namedPlaces { blocks[place, default: []].append(i) }
        }
        var seen: Set<Int64> = []
        var edges: [(Int, Int, Similarity)] = []
        for (_, members) in blocks where members.count > 1 {
            let ordered = members.sorted { sigs[$0].submittedAt < sigs[$1].submittedAt }
            for (k, i) in ordered.enumerated() {
                var n = k + 1
                while n < ordered.count {
                    let j = ordered[n]
                    n += 1
                    if sigs[j].submittedAt.timeIntervalSince(sigs[i].submittedAt) > window { break }
                    let key = Int64(min(i, j)) << 32 | Int64(max(i, j))
                    guard seen.insert(key).inserted else { continue }
                    let similarity = Similarity.between(sigs[i], sigs[j], window: window)
                    if similarity.linked { edges.append((i, j, similarity)) }
                }
            }
        }
        var parent = Array(0..<sigs.count)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for (i, j, _) in edges { parent[root(i)] = root(j) }
        var components: [Int: [Int]] = [:]
        var weight: [Int: Double] = [:]
        var best: [Int: [Int: Similarity]] = [:]
        for (i, j, s) in edges {
            components[root(i), default: []].append(contentsOf: [i, j])
            weight[i, default: 0] += s.score
            weight[j, default: 0] += s.score
            best[i, default: [:]][j] = s
            best[j, default: [:]][i] = s
        }
        var out: [ProposedGroup] = []
        for (_, raw) in components {
            let members = Array(Set(raw))
            guard members.count >= minimumSize else { continue }
            // The primary is the report most alike to the others; the earliest on a tie.
            let primary = members.max { a, b in
                let wa = weight[a] ?? 0, wb = weight[b] ?? 0
                return wa != wb ? wa < wb : sigs[a].submittedAt > sigs[b].submittedAt
            }!
            let others = members.filter { $0 != primary }.sorted { a, b in
                let sa = best[primary]?[a]?.score ?? 0, sb = best[primary]?[b]?.score ?? 0
                return sa != sb ? sa > sb : sigs[a].submittedAt < sigs[b].submittedAt
            }
            let ordered = [primary] + others
            let scores = edges.filter { members.contains($0.0) }.map(\.2.score)
            let mean = scores.reduce(0, +) / Double(max(1, scores.count))
            let example = best[primary]?[others[0]] ?? Similarity.between(sigs[primary], sigs[others[0]], window: window)
            let count = language == .en ? "\(members.count) reports" : "\(members.count) laporan"
            out.append(ProposedGroup(members: ordered.map { sigs[$0].id }, trackingIDs: ordered.map { sigs[$0].trackingID },
                                     score: (mean * 1000).rounded() / 1000, reason: count + "; " + example.reason(language)))
        }
        return out.sorted { $0.members.count != $1.members.count ? $0.members.count > $1.members.count : $0.trackingIDs[0] < $1.trackingIDs[0] }
    }
}
