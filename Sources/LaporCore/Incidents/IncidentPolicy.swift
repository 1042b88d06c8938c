/// How the desk looks for incidents: the time window for similar reports (days either side), and
/// when a burst counts as an emerging incident (this many similar reports within these hours).
public struct IncidentPolicy: Sendable, Equatable {
    public var windowDays: Int = 3
    public var emergingCount: Int = 5
    public var emergingHours: Int = 6

    public init(windowDays: Int = 3, emergingCount: Int = 5, emergingHours: Int = 6) {
        self.windowDays = windowDays; self.emergingCount = emergingCount; self.emergingHours = emergingHours
    }

    public var window: Double { Double(windowDays) * 86_400 }
}
