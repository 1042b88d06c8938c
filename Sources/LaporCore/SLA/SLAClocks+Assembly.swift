extension SLAClocks {
    /// The clock engine from what a store holds: the `sla.*` settings, every calendar entry, and
    /// the agencies that keep a calendar of their own. Both engines load these and build here.
    public static func assemble(settings: [(key: String, value: String)], entries: [CalendarEntry],
                                agencyCalendars: [(agencyID: Int64, calendar: String)], zone: DeskZone) -> SLAClocks {
        let byCalendar = Dictionary(grouping: entries, by: \.calendar).mapValues { Set($0.map(\.date)) }
        let nationalDays = byCalendar["national"] ?? []
        var agencies: [Int64: WorkingCalendar] = [:]
        var built: [String: WorkingCalendar] = [:]
        for (agencyID, name) in agencyCalendars where !name.isEmpty {
            if built[name] == nil {
                built[name] = name == "24x7" ? .roundTheClock
                    : WorkingCalendar(name: name, holidays: nationalDays.union(byCalendar[name] ?? []))
            }
            agencies[agencyID] = built[name]
        }
        let frozen = agencies
        return SLAClocks(policy: SLAPolicy(settings: settings), zone: zone, deskCalendar: WorkingCalendar(name: "national", holidays: nationalDays),
                         agencyCalendar: { frozen[$0] })
    }
}

extension SLAPolicy {
    /// The standard policy with the desk's `sla.*` settings applied (others are ignored).
    public init(settings: [(key: String, value: String)]) {
        self = .standard
        for (key, value) in settings where key.hasPrefix("sla.") {
            let name = String(key.dropFirst(4))
            if let clock = SLAClock(rawValue: name), let limit = SLALimit(value) {
                limits[clock] = limit
            } else if name == "due_soon_percent", let p = Int(value) {
                dueSoonPercent = p
            } else if name == "escalate_after_bounces", let n = Int(value) {
                escalateAfterBounces = n
            }
        }
    }
}
