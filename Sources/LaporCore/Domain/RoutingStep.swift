import Foundation

/// One link of a report's routing chain: routed to an agency, or returned by it (*bukan wewenang*).
public struct RoutingStep: Sendable, Equatable {
    public enum Kind: String, Sendable { case routed, returned }
    public var kind: Kind
    public var at: Date
    public var actor: String
    public var agency: String
    public var note: String
}
