import Foundation
import Testing
@testable import LaporCore

/// How a pause moves a deadline (domain.md, SLA clocks): by the working time it covered on the
/// clock's calendar for a working-day limit, by wall-clock time for calendar days and hours.
/// Every expected instant below was counted by hand on the SKB calendar.
@Suite struct PauseTests {
    static let national = DeadlineTests.national
    static let wib = DeskZone.jakarta
    static func t(_ s: String) -> Date { wib.parseISO(s)! }
    static func iso(_ d: Date) -> String { wib.iso(d) }

    static func engine(_ policy: SLAPolicy = .standard) -> SLAClocks {
        SLAClocks(policy: policy, zone: wib, deskCalendar: national, agencyCalendar: { $0 == 9 ? .roundTheClock : nil })
    }

    static func verification(submitted: String, pauses: [(String, String)], now: String) throws -> ClockReading {
        var events: [ClockEvent] = []
        for (hold, release) in pauses {
            events.append(ClockEvent(action: .hold, at: t(hold), from: .new))
            events.append(ClockEvent(action: .release, at: t(release), from: .onHold))
        }
        let readings = engine().readings(submitted: t(submitted), events: events, now: t(now))
        return try #require(readings.first { $0.clock == .verification })
    }

    /// The spec's example: Mon 4 Mar 2024 09:00, held Tue 10:00 to Thu 10:00 (two working days);
    /// Fri 8 counts, Mon 11 is Nyepi, Tue 12 cuti bersama, so the deadline moves to Wed 13 Mar.
    @Test func specExample() throws {
        let c = try Self.verification(submitted: "2024-03-04T09:00:00",
                                      pauses: [("2024-03-05T10:00:00", "2024-03-07T10:00:00")], now: "2024-03-07T12:00:00")
        #expect(Self.iso(c.deadline) == "2024-03-13T23:59:59+07:00")
        #expect(c.pausedSeconds == 2 * 86_400)
        #expect(c.pausedText(.en) == "2 working days")
        #expect(c.pausedText(.id) == "2 hari kerja")
    }

    /// Wed 18 Nov 2026 → due Mon 23 Nov. Held Fri 15:00 to Mon 09:00: 9 h of Friday and 9 h of
    /// Monday, the weekend not at all (wall-clock counting gave 66 h and Thursday).
    @Test func pauseAcrossAWeekend() throws {
        let c = try Self.verification(submitted: "2026-11-18T09:00:00",
                                      pauses: [("2026-11-20T15:00:00", "2026-11-23T09:00:00")], now: "2026-11-23T10:00:00")
        #expect(c.pausedSeconds == 18 * 3600)
        #expect(Self.iso(c.deadline) == "2026-11-24T17:59:59+07:00")
        #expect(c.status == .onTrack)
    }

    /// Thu 7 Mar 2024 → due Thu 14 Mar (Fri 8, Wed 13, Thu 14). Held Fri 8 10:00 to Tue 12 10:00
    /// over the weekend, Nyepi and its cuti bersama: 14 h of Friday only.
    @Test func pauseAcrossAHolidayAndCutiBersama() throws {
        let c = try Self.verification(submitted: "2024-03-07T09:00:00",
                                      pauses: [("2024-03-08T10:00:00", "2024-03-12T10:00:00")], now: "2024-03-12T11:00:00")
        #expect(c.pausedSeconds == 14 * 3600)
        #expect(Self.iso(c.deadline) == "2024-03-15T13:59:59+07:00")
    }

    /// Mon 23 Nov 2026 → due Thu 26. Held Tue 10:00 to 15:00: five hours, so Fri 27 04:59:59.
    @Test func pauseInsideOneWorkingDay() throws {
        let c = try Self.verification(submitted: "2026-11-23T09:00:00",
                                      pauses: [("2026-11-24T10:00:00", "2026-11-24T15:00:00")], now: "2026-11-25T09:00:00")
        #expect(c.pausedSeconds == 5 * 3600)
        #expect(Self.iso(c.deadline) == "2026-11-27T04:59:59+07:00")
        #expect(c.pausedText(.en) == "5 h")
    }

    /// Two pauses on one clock add up: 5 h on Tuesday and Wed 20:00 to Thu 08:00 (12 h).
    @Test func twoPausesOnOneClock() throws {
        let c = try Self.verification(submitted: "2026-11-23T09:00:00",
                                      pauses: [("2026-11-24T10:00:00", "2026-11-24T15:00:00"),
                                               ("2026-11-25T20:00:00", "2026-11-26T08:00:00")], now: "2026-11-26T09:00:00")
        #expect(c.pausedSeconds == 17 * 3600)
        #expect(Self.iso(c.deadline) == "2026-11-27T16:59:59+07:00")
        #expect(c.pausedText(.id) == "17 jam")
    }

    /// A pause still running counts up to now, in working time: held since Fri 15:00, read on
    /// Sunday, the clock has lost only Friday's 9 hours.
    @Test func runningPauseCountsWorkingTimeUpToNow() throws {
        let engine = Self.engine()
        let events = [ClockEvent(action: .hold, at: Self.t("2026-11-20T15:00:00"), from: .new)]
        let readings = engine.readings(submitted: Self.t("2026-11-18T09:00:00"), events: events, now: Self.t("2026-11-22T12:00:00"))
        let c = try #require(readings.first { $0.clock == .verification })
        #expect(c.status == .paused)
        #expect(c.pausedSeconds == 9 * 3600)
        #expect(Self.iso(c.deadline) == "2026-11-24T08:59:59+07:00")
    }

    /// A 24×7 agency's calendar has no weekend: a pause from Fri 10:00 to Mon 10:00 on its
    /// follow-up clock counts all 72 hours, and a 5-day deadline moves three whole days.
    /// (No lifecycle state pauses follow-up today; this checks the clock arithmetic on that calendar.)
    @Test func pauseOnA24x7FollowUpClock() throws {
        let engine = Self.engine()
        let limit = SLALimit.workingDays(5)
        let paused = engine.pausedTime(limit: limit, calendar: .roundTheClock,
                                       from: Self.t("2026-11-27T10:00:00"), to: Self.t("2026-11-30T10:00:00"))
        #expect(paused == 72 * 3600)
        let base = Deadline.of(start: Self.t("2026-11-26T09:00:00"), limit: limit, calendar: .roundTheClock, zone: Self.wib)
        #expect(Self.iso(base) == "2026-12-01T23:59:59+07:00")
        let moved = engine.shift(base, by: paused, limit: limit, calendar: .roundTheClock)
        #expect(Self.iso(moved) == "2026-12-04T23:59:59+07:00")
        // The same pause on the desk's calendar covers Friday's 14 h and Monday's 10 h.
        #expect(engine.pausedTime(limit: limit, calendar: Self.national,
                                  from: Self.t("2026-11-27T10:00:00"), to: Self.t("2026-11-30T10:00:00")) == 24 * 3600)
    }

    /// The resolution clock (60 calendar days) counts a pause in wall-clock time, weekend and
    /// holiday included: awaiting the reporter Fri 8 Mar 2024 10:00 to Tue 12 Mar 10:00 is 4 days.
    @Test func calendarDayClockPausesInWallClockTime() throws {
        let events = [
            ClockEvent(action: .route, at: Self.t("2024-03-01T10:00:00"), from: .new, toAgencyID: 1),
            ClockEvent(action: .followUp, at: Self.t("2024-03-04T10:00:00"), from: .dispositioned),
            ClockEvent(action: .respond, at: Self.t("2024-03-08T10:00:00"), from: .inProgress),
            ClockEvent(action: .dispute, at: Self.t("2024-03-12T10:00:00"), from: .awaitingReporter),
        ]
        let readings = Self.engine().readings(submitted: Self.t("2024-03-01T09:00:00"), events: events, now: Self.t("2024-03-13T00:00:00"))
        let resolution = try #require(readings.first { $0.clock == .resolution })
        // 60 days after 1 March end 30 April 23:59:59; four paused days push it to 4 May.
        #expect(Self.iso(resolution.deadline) == "2024-05-04T23:59:59+07:00")
        #expect(resolution.pausedSeconds == 4 * 86_400)
        #expect(resolution.pausedUnit == "clock_time")
        #expect(resolution.pausedText(.en) == "4 days")
    }

    /// A resolution clock set in working days counts its awaiting-reporter pause and the time a
    /// reopened report spent resolved in working time too.
    @Test func workingDayResolutionClockAcrossRespondAndReopen() throws {
        var policy = SLAPolicy.standard
        policy.limits[.resolution] = .workingDays(10)
        let events = [
            ClockEvent(action: .route, at: Self.t("2026-11-23T10:00:00"), from: .new, toAgencyID: 1),
            ClockEvent(action: .followUp, at: Self.t("2026-11-24T10:00:00"), from: .dispositioned),
            // Awaiting the reporter Fri 27 Nov 16:00 → Mon 30 Nov 08:00: 8 h + 8 h.
            ClockEvent(action: .respond, at: Self.t("2026-11-27T16:00:00"), from: .inProgress),
            ClockEvent(action: .dispute, at: Self.t("2026-11-30T08:00:00"), from: .awaitingReporter),
            // Resolved Tue 1 Dec 12:00, reopened Wed 2 Dec 12:00: one working day.
            ClockEvent(action: .resolve, at: Self.t("2026-12-01T12:00:00"), from: .inProgress),
            ClockEvent(action: .reopen, at: Self.t("2026-12-02T12:00:00"), from: .resolved),
        ]
        let readings = Self.engine(policy).readings(submitted: Self.t("2026-11-23T09:00:00"), events: events,
                                                    now: Self.t("2026-12-03T00:00:00"))
        let resolution = try #require(readings.first { $0.clock == .resolution })
        #expect(resolution.pausedSeconds == 40 * 3600)
        // 10 working days after Mon 23 Nov end Mon 7 Dec; 1 day 16 h later: Wed 9 Dec 15:59:59.
        #expect(Self.iso(resolution.deadline) == "2026-12-09T15:59:59+07:00")
        #expect(resolution.pausedText(.en) == "1 working day 16 h")
    }

    /// Property: on the 2024–2026 calendars, any sequence of holds and releases leaves a
    /// working-day deadline (and its due-soon instant) on a working day, never earlier than
    /// without pauses, and moved by exactly the working time the pauses covered.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func workingDayDeadlinesFallOnWorkingDays(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        let engine = Self.engine()
        let first = Self.t("2024-01-01T00:00:00").timeIntervalSince1970
        let last = Self.t("2026-11-30T00:00:00").timeIntervalSince1970
        for _ in 0..<300 {
            let submitted = Date(timeIntervalSince1970: first + Double(rng.next() % UInt64(last - first)))
            var at = submitted
            var events: [ClockEvent] = []
            var expected: Double = 0
            for _ in 0..<Int(rng.next() % 4) {
                let hold = at.addingTimeInterval(Double(rng.next() % (5 * 86_400)))
                let release = hold.addingTimeInterval(Double(rng.next() % (6 * 86_400)))
                events.append(ClockEvent(action: .hold, at: hold, from: .new))
                events.append(ClockEvent(action: .release, at: release, from: .onHold))
                expected += Self.national.workingSeconds(upTo: release, zone: Self.wib)
                    - Self.national.workingSeconds(upTo: hold, zone: Self.wib)
                at = release
            }
            let now = at.addingTimeInterval(3600)
            let c = try #require(engine.readings(submitted: submitted, events: events, now: now).first)
            let unpaused = Deadline.of(start: submitted, limit: .workingDays(3), calendar: Self.national, zone: Self.wib)
            #expect(Self.national.isWorking(Trend.Day(c.deadline, zone: Self.wib)), "\(Self.iso(c.deadline)) seed \(seed)")
            #expect(Self.national.isWorking(Trend.Day(c.dueSoonAt, zone: Self.wib)), "\(Self.iso(c.dueSoonAt)) seed \(seed)")
            #expect(c.deadline >= unpaused)
            #expect(abs(c.pausedSeconds - expected) < 0.001)
            let moved = Self.national.workingSeconds(upTo: c.deadline, zone: Self.wib)
                - Self.national.workingSeconds(upTo: unpaused, zone: Self.wib)
            #expect(abs(moved - expected) < 0.001)
        }
    }
}
