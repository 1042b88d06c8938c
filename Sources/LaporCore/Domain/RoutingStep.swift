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

extension RoutingStep {
    /// The chain as people read it: `DLH → ⟳PUPR → ↩PUPR → DINKES`. `↩` is an agency's *bukan
    /// wewenang* return and `⟳` a re-route that was not answering a return; each of them is one
    /// bounce, so the marks add up to the report's bounce count.
    public static func chainText(_ steps: [RoutingStep]) -> String {
        var parts: [String] = []
        var previous: Kind?
        for step in steps {
            switch step.kind {
            case .returned: parts.append("↩" + step.agency)
            case .routed: parts.append((previous == .routed ? "⟳" : "") + step.agency)
            }
            previous = step.kind
        }
        return parts.joined(separator: " → ")
    }

    /// The bounces the chain shows: returns, and re-routes that did not follow a return.
    public static func bounces(_ steps: [RoutingStep]) -> Int {
        var count = 0
        var previous: Kind?
        for step in steps {
            if step.kind == .returned || previous == .routed { count += 1 }
            previous = step.kind
        }
        return count
    }
}
