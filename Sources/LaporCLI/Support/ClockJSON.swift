import LaporCore

/// The JSON object of one SLA clock in `show --json`; `paused_seconds` is in `paused_unit`
/// (`working_time` on a working-day clock's calendar, `clock_time` otherwise).
enum ClockJSON {
    static func object(_ c: ClockReading, zone: DeskZone) -> [String: Any] {
        [
            "clock": c.clock.rawValue,
            "status": c.status.rawValue,
            "start": zone.iso(c.start),
            "deadline": zone.iso(c.deadline),
            "due_soon_at": zone.iso(c.dueSoonAt),
            "stopped_at": c.stoppedAt.map(zone.iso) ?? NSNullValue,
            "limit": c.limit.description,
            "calendar": c.calendar,
            "paused": c.paused,
            "paused_seconds": Int(c.pausedSeconds.rounded()),
            "paused_unit": c.pausedUnit,
        ]
    }
}
