/// One suggested agency with its score and the human reason behind it.
public struct Suggestion: Sendable, Equatable {
    public var agencyCode: String
    public var score: Double
    public var reasons: [String]

    public var reason: String { reasons.joined(separator: "; ") }
}
