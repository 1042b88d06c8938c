import Foundation

/// One accepted routing (an agency took the report up) as the model learns from it.
public struct RoutingExample: Sendable {
    public var report: Report
    public var terms: [String]
    public var agency: String
    public var text: String { report.title + " " + report.body }

    public init(report: Report, agency: String) {
        self.report = report
        self.terms = RoutingText.terms(report)
        self.agency = agency
    }

    /// Audit actions that change what the model learns from.
    public static let learningActions = ["follow_up", "route", "return", "import", "import_update", "agency_merge",
                                         "resolve", "reopen"]

    /// How many examples the model reads: the newest accepted routings.
    public static let window = 20_000

    /// Whether a kept model still serves: the routings it learned from changed by at most 2 % (at
    /// least none) since, so `suggest` reads one row instead of training (0.8 s at 10,000 reports).
    public static func keptModelIsFresh(documents: Int, changedSince: Int) -> Bool {
        changedSince <= documents / 50
    }
}
