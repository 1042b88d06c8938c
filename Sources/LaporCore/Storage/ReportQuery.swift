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

    public var condition: ReportCondition?
    public var sort: Sort
    public var limit: Int?
    public var offset: Int

    public init(condition: ReportCondition? = nil, sort: Sort = .submitted, limit: Int? = nil, offset: Int = 0) {
        self.condition = condition
        self.sort = sort
        self.limit = limit
        self.offset = offset
    }
}
