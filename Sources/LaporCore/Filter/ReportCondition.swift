/// Which reports, as a value both engines render into their own SQL: the filter language and the
/// desk's and commands' own conditions compile to this, so neither engine's SQL leaves its folder.
///
/// Times are whole seconds since 1970 (UTC), already resolved against `now` and the desk's zone.
public indirect enum ReportCondition: Sendable, Equatable {
    case all([ReportCondition])
    case any([ReportCondition])
    case not(ReportCondition)
    /// Matches no report (a search with nothing searchable, an empty tag set).
    case nothing
    case state(ReportState)
    case states([ReportState])
    /// Not resolved and not archived.
    case open
    case agencyID(Int64)
    /// Routed to some agency.
    case routed
    /// `~a TEXT`: exactly that agency when TEXT is a current code, else every current agency whose
    /// code, name or alias contains it (case-insensitively for ASCII letters).
    case agencyMatching(String)
    /// Category or subcategory contains the text.
    case categoryContains(String)
    /// Kecamatan or kelurahan contains the text.
    case areaContains(String)
    case channel(Channel)
    case type(ReportType)
    /// Submitted at or after `from`, before `before`; either may be open.
    case submitted(from: Int64?, before: Int64?)
    case dueBefore(Int64)
    /// Due between the two times, both included.
    case dueBetween(Int64, Int64)
    /// The next deadline's warning time has come (`due_soon_at <= t`).
    case dueSoonBy(Int64)
    case anonymous
    case confidential
    case bounced
    case ids([Int64])
    case inIncident
    /// Not a member of an incident: standalone reports and incident primaries (the queue's default).
    case notIncidentMember
    /// The reports of the incident of the report with this tracking id.
    case incidentOf(trackingID: String)
    /// Information requests registered in this year's PPID register.
    case registeredIn(year: Int)
    /// Every word, a token prefix, occurs in title or body. Words hold only letters and digits.
    case words([String])

    /// Both conditions (either may be absent).
    public static func both(_ a: ReportCondition?, _ b: ReportCondition?) -> ReportCondition? {
        guard let a else { return b }
        guard let b else { return a }
        return .all([a, b])
    }
}
