/// What one action did: the report it was asked for and, on an incident's primary, each member.
public struct ActionResult: Sendable {
    public var report: Report
    /// The report's audit record first, then one per member reached (for undo).
    public var auditIDs: [Int64]
    public var members: [MemberOutcome]
}

/// One member of an incident after an action on its primary: moved, or refused and why.
public struct MemberOutcome: Sendable, Equatable {
    public var trackingID: String
    public var state: ReportState
    public var refusal: LaporError?
}

/// A report found similar to another, with the reason a person can check.
public struct SimilarReport: Sendable, Equatable {
    public var report: Report
    public var similarity: Similarity
}

/// An incident as `show` tells it: its primary and how many other reports it holds.
public struct IncidentSummary: Sendable, Equatable {
    public var primaryID: Int64
    public var primary: String
    public var members: Int
}

extension SimilarReport {
    /// The candidates about the same incident as `target`, best first: sharing a problem word, and
    /// linked (same place, near in time) or scoring at least 0.45. Both engines read candidates
    /// their own way and rank them here, with the signatures the store keeps.
    public static func ranked(_ target: IncidentSignature, among candidates: [Report], window: Double,
                              limit: Int, signatures: SignatureCache) -> [SimilarReport] {
        var found = ParallelMap.map(candidates) { candidate -> SimilarReport? in
            let similarity = Similarity.between(target, signatures.signature(of: candidate), window: window)
            guard !similarity.sharedWords.isEmpty, similarity.linked || similarity.score >= 0.45 else { return nil }
            return SimilarReport(report: candidate, similarity: similarity)
        }.compactMap { $0 }
        found.sort { a, b in
            a.similarity.score != b.similarity.score ? a.similarity.score > b.similarity.score : a.report.id < b.report.id
        }
        return Array(found.prefix(limit))
    }
}
