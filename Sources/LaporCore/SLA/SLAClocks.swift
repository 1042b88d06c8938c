import Foundation

/// The chain of SLA clocks of domain.md, replayed from a report's history for any `now`.
///
/// verification: submitted → verified/routed/archived (paused on hold);
/// disposition: verified → routed, and again from a *bukan wewenang* return to the re-route;
/// follow-up: routed → first follow-up, restarting on re-route, on the agency's calendar;
/// resolution: verified → resolved/archived, paused while awaiting the reporter (and while resolved, if reopened);
/// auto-close: awaiting_reporter → the reporter answers or the desk closes it.
public struct SLAClocks: Sendable {
    public var policy: SLAPolicy
    public var zone: DeskZone
    public var deskCalendar: WorkingCalendar
    /// The calendar of an agency that keeps its own (24/7 services); nil → the desk's.
    public var agencyCalendar: @Sendable (Int64) -> WorkingCalendar?

    public init(policy: SLAPolicy, zone: DeskZone, deskCalendar: WorkingCalendar,
                agencyCalendar: @escaping @Sendable (Int64) -> WorkingCalendar? = { _ in nil }) {
        self.policy = policy; self.zone = zone; self.deskCalendar = deskCalendar; self.agencyCalendar = agencyCalendar
    }

    private struct Running {
        var start: Date
        var calendar: WorkingCalendar
        var pausedSeconds: TimeInterval = 0
        var pausedSince: Date?
        var stoppedAt: Date?
        /// Working days added by an information request's extension.
        var extraDays = 0
    }

    /// Every clock the history started, in chain order, judged at `now`. An information request
    /// (`type` permintaan_informasi) runs its legal clocks instead of the complaint chain.
    public func readings(submitted: Date, events: [ClockEvent], now: Date, type: ReportType = .pengaduan) -> [ClockReading] {
        var clocks: [SLAClock: Running] = [:]
        var order: [SLAClock] = []
        func start(_ c: SLAClock, _ at: Date, _ calendar: WorkingCalendar? = nil) {
            if clocks[c] == nil { order.append(c) }
            clocks[c] = Running(start: at, calendar: calendar ?? deskCalendar)
        }
        /// Pauses count in the clock's own unit: working time for working-day limits, else wall-clock time.
        func pausedSpan(_ c: SLAClock, _ r: Running, from: Date, to: Date) -> TimeInterval {
            pausedTime(limit: policy.limit(c), calendar: r.calendar, from: from, to: to)
        }
        func stop(_ c: SLAClock, _ at: Date) {
            guard var r = clocks[c], r.stoppedAt == nil else { return }
            if let since = r.pausedSince { r.pausedSeconds += pausedSpan(c, r, from: since, to: at); r.pausedSince = nil }
            r.stoppedAt = at
            clocks[c] = r
        }
        func pause(_ c: SLAClock, _ at: Date) {
            guard var r = clocks[c], r.stoppedAt == nil, r.pausedSince == nil else { return }
            r.pausedSince = at
            clocks[c] = r
        }
        func resume(_ c: SLAClock, _ at: Date, reopening: Bool = false) {
            guard var r = clocks[c] else { return }
            if reopening, let stopped = r.stoppedAt {
                r.pausedSeconds += pausedSpan(c, r, from: stopped, to: at)
                r.stoppedAt = nil
                clocks[c] = r
                return
            }
            guard let since = r.pausedSince else { return }
            r.pausedSeconds += pausedSpan(c, r, from: since, to: at)
            r.pausedSince = nil
            clocks[c] = r
        }
        func followUpCalendar(_ agency: Int64?) -> WorkingCalendar { agency.flatMap(agencyCalendar) ?? deskCalendar }

        if type == .permintaanInformasi {
            start(.information, submitted)
            for e in events {
                switch e.action {
                case .hold: pause(.information, e.at)
                case .release: resume(.information, e.at)
                case .extend: clocks[.information]?.extraDays = SLAPolicy.extensionWorkingDays
                case .decide: stop(.information, e.at)
                case .object: stop(.information, e.at); start(.objection, e.at)
                case .respond: stop(.objection, e.at)
                case .archive: for c in order { stop(c, e.at) }
                default: break
                }
            }
            return order.map { reading($0, clocks[$0]!, now: now) }
        }
        start(.verification, submitted)
        for e in events {
            switch e.action {
            case .verify:
                stop(.verification, e.at); start(.disposition, e.at)
                if clocks[.resolution] == nil { start(.resolution, e.at) }
            case .route:
                if e.from == .new { stop(.verification, e.at); if clocks[.resolution] == nil { start(.resolution, e.at) } }
                stop(.disposition, e.at)
                start(.followUp, e.at, followUpCalendar(e.toAgencyID))
            case .hold: pause(.verification, e.at)
            case .release: resume(.verification, e.at)
            case .followUp: stop(.followUp, e.at)
            case .returnReport: stop(.followUp, e.at); start(.disposition, e.at)
            case .respond: pause(.resolution, e.at); start(.autoClose, e.at)
            case .dispute: stop(.autoClose, e.at); resume(.resolution, e.at)
            case .resolve, .autoClose: stop(.autoClose, e.at); stop(.resolution, e.at)
            case .reopen: resume(.resolution, e.at, reopening: true)
            case .archive: for c in order { stop(c, e.at) }
            case .decide, .extend, .object: break
            }
        }
        return order.map { reading($0, clocks[$0]!, now: now) }
    }

    private func reading(_ clock: SLAClock, _ r: Running, now: Date) -> ClockReading {
            var limit = policy.limit(clock)
            if r.extraDays > 0, case .workingDays(let n) = limit { limit = .workingDays(n + r.extraDays) }
            // A running pause counts up to now, so a paused clock's deadline keeps moving.
            let running = r.pausedSince.map { pausedTime(limit: limit, calendar: r.calendar, from: $0, to: now) } ?? 0
            let paused = r.pausedSeconds + running
            let deadline = shift(Deadline.of(start: r.start, limit: limit, calendar: r.calendar, zone: zone),
                                 by: paused, limit: limit, calendar: r.calendar)
            let dueSoon = shift(dueSoonInstant(start: r.start, limit: limit, calendar: r.calendar),
                                by: paused, limit: limit, calendar: r.calendar)
            let status: ClockReading.Status
            if let stopped = r.stoppedAt {
                status = stopped <= deadline ? .met : .breached
            } else if r.pausedSince != nil {
                status = .paused
            } else if now > deadline {
                status = .overdue
            } else if now >= dueSoon {
                status = .dueSoon
            } else {
                status = .onTrack
            }
            return ClockReading(clock: clock, start: r.start, deadline: deadline, dueSoonAt: dueSoon, stoppedAt: r.stoppedAt,
                                paused: r.pausedSince != nil, status: status, limit: limit, calendar: r.calendar.name,
                                pausedSeconds: paused,
                                beyondCalendar: limit.isWorkingDays && r.calendar.lacksYear(of: Trend.Day(deadline, zone: zone)))
    }

    /// The history an imported report implies: the path from `new` to its state, all at `at`
    /// (its own submission time), so a report three weeks old arrives with three weeks on its clocks.
    public static func importedEvents(to state: ReportState, at: Date, agencyID: Int64?,
                                      type: ReportType = .pengaduan) -> [ClockEvent] {
        if type == .permintaanInformasi, state == .resolved || state == .objected {
            // An export does not say how a request was decided; it arrives answered (and objected to).
            let path: [(LifecycleAction, ReportState)] = state == .resolved ? [(.decide, .new)]
                : [(.decide, .new), (.object, .resolved)]
            return path.map { ClockEvent(action: $0.0, at: at, from: $0.1) }
        }
        let path: [(LifecycleAction, ReportState)] = switch state {
        case .new: []
        case .onHold: [(.hold, .new)]
        case .verified: [(.verify, .new)]
        case .dispositioned: [(.route, .new)]
        case .inProgress: [(.route, .new), (.followUp, .dispositioned)]
        case .awaitingReporter: [(.route, .new), (.followUp, .dispositioned), (.respond, .inProgress)]
        case .resolved: [(.route, .new), (.followUp, .dispositioned), (.resolve, .inProgress)]
        case .archived: [(.archive, .new)]
        case .objected: [(.object, .resolved)]
        }
        return path.map { ClockEvent(action: $0.0, at: at, from: $0.1, toAgencyID: $0.0 == .route ? agencyID : nil) }
    }

    /// The time a pause from `from` to `to` covered in the limit's unit: working time on the clock's
    /// calendar for working-day limits, wall-clock time for calendar days and hours (domain.md).
    func pausedTime(limit: SLALimit, calendar: WorkingCalendar, from: Date, to: Date) -> TimeInterval {
        guard to > from else { return 0 }
        guard case .workingDays = limit else { return to.timeIntervalSince(from) }
        return calendar.workingSeconds(upTo: to, zone: zone) - calendar.workingSeconds(upTo: from, zone: zone)
    }

    /// An instant moved later by `paused`, in the limit's unit.
    func shift(_ instant: Date, by paused: TimeInterval, limit: SLALimit, calendar: WorkingCalendar) -> Date {
        guard paused > 0 else { return instant }
        guard case .workingDays = limit else { return instant.addingTimeInterval(paused) }
        return calendar.adding(workingSeconds: paused, to: instant, zone: zone)
    }

    /// The instant `dueSoonPercent` of the limit is used, in the limit's own unit.
    func dueSoonInstant(start: Date, limit: SLALimit, calendar: WorkingCalendar) -> Date {
        let p = Double(policy.dueSoonPercent) / 100
        switch limit {
        case .hours(let n):
            return start.addingTimeInterval(p * Double(n) * 3600)
        case .calendarDays(let n):
            return Deadline.startOfDay(Trend.Day(start, zone: zone).adding(days: 1), zone: zone).addingTimeInterval(p * Double(n) * 86_400)
        case .workingDays(let n):
            let target = p * Double(n)
            let whole = Int(target.rounded(.down))
            let rest = (target - Double(whole)) * 86_400
            let day = calendar.adding(workingDays: whole + 1, after: Trend.Day(start, zone: zone))
            return Deadline.startOfDay(day, zone: zone).addingTimeInterval(rest)
        }
    }
}
