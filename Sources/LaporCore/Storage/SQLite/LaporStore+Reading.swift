/// SQLite's answers to ``ReportReading``; most are the store's own queries.
extension LaporStore: ReportReading {
    public var location: String { path }

    public func deskCalendar() throws -> WorkingCalendar {
        try clockEngine().deskCalendar
    }
}
