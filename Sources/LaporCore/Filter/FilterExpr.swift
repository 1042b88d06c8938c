/// A parsed filter (cli.md's filter language), before it becomes SQL.
public indirect enum FilterExpr: Sendable, Equatable {
    case all([FilterExpr])
    case any([FilterExpr])
    case not(FilterExpr)
    case state(ReportState)
    case agency(String)
    case category(String)
    case area(String)
    case channel(Channel)
    case submitted(DateRange)
    case overdue
    case dueWithin(Int)
    case anonymous
    case confidential
    case tagged
    /// `~I`: information requests (permintaan_informasi).
    case informationRequest
    /// `~G`: in any incident.
    case inIncident
    /// `~g TRACKING_ID`: the reports of that report's incident.
    case incident(String)
    /// Full-text words (each a token prefix), all of which must occur in title or body.
    case text([String])
}

/// A `~d` range: whole days in the desk's zone, or an age relative to now.
public enum DateRange: Sendable, Equatable {
    /// `from` and `to` inclusive; either may be open.
    case days(from: Trend.Day?, to: Trend.Day?)
    /// `<7d`: submitted less than N days ago.
    case newerThan(days: Int)
    /// `>30d`: submitted more than N days ago.
    case olderThan(days: Int)
}

/// A filter that could not be parsed, with the 1-based column where the problem is.
public struct FilterError: Error, Equatable, Sendable {
    public let column: Int
    public let message: String

    public func text(_ language: Language) -> String {
        language == .id ? "Filter salah di kolom \(column): \(message)" : "Filter error at column \(column): \(message)"
    }
}
