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
        // Each linked pair, from both ends.
        var links: [Int: [Int: Similarity]] = [:]
        for (_, members) in blocks where members.count > 1 {
            // Time, then position: a pair is met in the same order in every block, so its similarity
            // (and the proposal) does not depend on the order a dictionary hands out blocks.
            let ordered = members.sorted {
                sigs[$0].submittedAt != sigs[$1].submittedAt ? sigs[$0].submittedAt < sigs[$1].submittedAt : $0 < $1
            }
            for (k, i) in ordered.enumerated() {
                var n = k + 1
                while n < ordered.count {
                    let j = ordered[n]
                    n += 1
                    if sigs[j].submittedAt.timeIntervalSince(sigs[i].submittedAt) > window { break }
                    let key = Int64(min(i, j)) << 32 | Int64(max(i, j))
                    guard seen.insert(key).inserted, Similarity.mayLink(sigs[i], sigs[j], window: window) else { continue }
                    let similarity = Similarity.between(sigs[i], sigs[j], window: window)
                    if similarity.linked {
                        links[i, default: [:]][j] = similarity
                        links[j, default: [:]][i] = similarity
                    }
                }
            }
        }
        // Stars, not chains: each group is a primary and the reports linked to it directly, so a
        // run of look-alike reports over weeks (each two days from the next) is not one incident.
        // The report with the most free links goes first; a heap with lazy updates keeps it cheap.
        var taken: Set<Int> = []
        var out: [ProposedGroup] = []
        func key(_ node: Int) -> (count: Int, weight: Double) {
            var count = 0, weight = 0.0
            // Summed in one order: a float sum in hash order differs in its last bit between runs.
            for (other, s) in (links[node] ?? [:]).sorted(by: { $0.key < $1.key }) where !taken.contains(other) {
                count += 1
                weight += s.score
            }
            return (count, weight)
        }
        func before(_ a: (node: Int, count: Int, weight: Double), _ b: (node: Int, count: Int, weight: Double)) -> Bool {
            if a.count != b.count { return a.count > b.count }
            if a.weight != b.weight { return a.weight > b.weight }
            return sigs[a.node].submittedAt != sigs[b.node].submittedAt ? sigs[a.node].submittedAt < sigs[b.node].submittedAt : a.node < b.node
        }
        var heap = Heap(links.keys.map { node -> (node: Int, count: Int, weight: Double) in
            let k = key(node)
            return (node, k.count, k.weight)
        }, before: before)
        while let top = heap.pop() {
            guard !taken.contains(top.node) else { continue }
            let now = key(top.node)
            if now.count != top.count || now.weight != top.weight {
                if now.count > 0 { heap.push((top.node, now.count, now.weight)) }
                continue
            }
            guard now.count + 1 >= minimumSize, now.count > 0 else { continue }
            let primary = top.node
            let others = links[primary]!.filter { !taken.contains($0.key) }.sorted { a, b in
                if a.value.score != b.value.score { return a.value.score > b.value.score }
                let (x, y) = (sigs[a.key].submittedAt, sigs[b.key].submittedAt)
                return x != y ? x < y : a.key < b.key
            }
            taken.insert(primary)
            for (node, _) in others { taken.insert(node) }
            let ordered = [primary] + others.map(\.key)
            let mean = others.reduce(0) { $0 + $1.value.score } / Double(others.count)
            let count = language == .en ? "\(ordered.count) reports" : "\(ordered.count) laporan"
            out.append(ProposedGroup(members: ordered.map { sigs[$0].id }, trackingIDs: ordered.map { sigs[$0].trackingID },
                                     score: (mean * 1000).rounded() / 1000, reason: count + "; " + others[0].value.reason(language)))
        }
        return out.sorted { $0.members.count != $1.members.count ? $0.members.count > $1.members.count : $0.trackingIDs[0] < $1.trackingIDs[0] }
    }
}
