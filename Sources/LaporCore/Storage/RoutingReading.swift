import Foundation

/// What routing suggestions read on either engine; the ranking itself is ``Suggester``'s.
public protocol RoutingReading: ReportReading {
    func rules() throws -> [RoutingRule]
    /// The kept model, trained again and kept when the routings it learned from moved.
    func routingModel() throws -> RoutingModel
    /// The newest `limit` accepted routings submitted before `before`, oldest first.
    func routingExamples(before: Date?, limit: Int) throws -> [RoutingExample]
}

extension RoutingReading {
    /// A model trained now on the accepted routings submitted before `before` (for evaluation).
    public func trainRoutingModel(before: Date? = nil, limit: Int = RoutingExample.window) throws -> RoutingModel {
        RoutingModel.train(try routingExamples(before: before, limit: limit).map { ($0.terms, $0.agency) })
    }

    /// Ranked agencies for one report, from the rules and the learned model.
    public func suggestions(for report: Report, language: Language, limit: Int = 5) throws -> [Suggestion] {
        Suggester(rules: try rules(), model: try routingModel(), places: AgencyPlaces(try agencies()), language: language)
            .suggest(for: report, limit: limit)
    }
}
