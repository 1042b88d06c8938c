import Foundation

/// Incidents proposed from what either engine reads: the reports a condition selects that are in
/// no incident yet, grouped by ``IncidentGrouping`` under the desk's incident policy.
extension DeskBackend {
    /// Proposes incidents among the reports `condition` selects (default: open reports not yet in an
    /// incident); a report is in at most one proposed group.
    public func proposedGroups(_ condition: ReportCondition?, for user: User, language: Language) throws -> [ProposedGroup] {
        let policy = try incidentPolicy()
        return IncidentGrouping.groups(try signatures(condition ?? .open, for: user), window: policy.window, language: language)
    }

    /// Bursts arriving now: groups of at least the policy's count among the reports of the last hours.
    public func emergingGroups(now: Date, for user: User, language: Language) throws -> [ProposedGroup] {
        let policy = try incidentPolicy()
        let hours = Double(policy.emergingHours) * 3600
        let since = Int64(now.addingTimeInterval(-hours).timeIntervalSince1970.rounded(.down))
        let before = Int64(now.timeIntervalSince1970.rounded(.down)) + 1
        return IncidentGrouping.groups(try signatures(.submitted(from: since, before: before), for: user), window: hours,
                                       language: language, minimumSize: policy.emergingCount)
    }

    private func signatures(_ condition: ReportCondition, for user: User) throws -> [IncidentSignature] {
        let both = ReportCondition.all([condition, .not(.inIncident)])
        let reports = try self.reports(ReportQuery(condition: both, sort: .submitted), for: user)
        return ParallelMap.map(reports) { IncidentSignature($0) }
    }
}
