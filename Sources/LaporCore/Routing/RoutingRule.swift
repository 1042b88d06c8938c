/// A routing rule: category → agency, keyword → agency (weighted), or kecamatan → its office for chosen categories.
public struct RoutingRule: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case category, keyword, kecamatan }

    public var kind: Kind
    public var pattern: String
    public var agencyCode: String
    public var weight: Double
    /// For kecamatan rules: the categories they apply to (empty = all).
    public var categories: [String]

    public init(kind: Kind, pattern: String, agencyCode: String, weight: Double = 1, categories: [String] = []) {
        self.kind = kind; self.pattern = pattern; self.agencyCode = agencyCode; self.weight = weight; self.categories = categories
    }

    public static let header = ["kind", "pattern", "agency", "weight", "categories"]
}
