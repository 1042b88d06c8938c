/// Which reports to list and in what order: a window onto the table, never the whole of it.
public struct ReportQuery: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable {
        /// Oldest submitted first: the order an operator works the queue in.
        case submitted
        /// Newest first.
        case newest
        case tracking
        case state
        case agency
        case updated
    }

    public var condition: SQLFragment?
    public var sort: Sort
    public var limit: Int?
    public var offset: Int

    public init(condition: SQLFragment? = nil, sort: Sort = .submitted, limit: Int? = nil, offset: Int = 0) {
        self.condition = condition
        self.sort = sort
        self.limit = limit
        self.offset = offset
    }

    var orderBy: String {
        switch sort {
        case .submitted: "report.submitted_at, report.id"
        case .newest: "report.submitted_at DESC, report.id DESC"
        case .tracking: "report.tracking_id"
        case .state: "report.state, report.submitted_at, report.id"
        case .agency: "report.agency_id, report.submitted_at, report.id"
        case .updated: "report.updated_at DESC, report.id DESC"
        }
    }
}
