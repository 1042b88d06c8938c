import Foundation
import Testing
@testable import LaporCore

/// Deadlines computed by hand from the SKB calendars, per domain.md's convention: N working days
/// end at 23:59:59 of the Nth working day after the start day, which never counts.
@Suite struct DeadlineTests {
    static let national = WorkingCalendar(name: "national", holidays: Set(CalendarEntry.bundledDefaults.filter { $0.calendar == "national" }.map(\.date)))
    /// The example: one holiday on Wednesday 2026-11-25.
    static let wednesdayHoliday = WorkingCalendar(name: "test", holidays: [Trend.Day(year: 2026, month: 11, day: 25)])
    static let wib = DeskZone.jakarta
    static let wita = DeskZone(identifier: "Asia/Makassar")!
    static let wit = DeskZone(identifier: "Asia/Jayapura")!

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let start: String
        let limit: SLALimit
        let calendar: WorkingCalendar
        let zone: DeskZone
        let due: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "holiday Wednesday: Monday 16:00 + 3wd → end of Friday", start: "2026-11-23T16:00:00", limit: .workingDays(3), calendar: wednesdayHoliday, zone: wib, due: "2026-11-27T23:59:59+07:00"),
        Case(name: "Saturday + 3wd → Wednesday of next week", start: "2026-11-28T10:00:00", limit: .workingDays(3), calendar: wednesdayHoliday, zone: wib, due: "2026-12-02T23:59:59+07:00"),
        Case(name: "plain Monday + 3wd → Thursday", start: "2026-11-23T16:00:00", limit: .workingDays(3), calendar: national, zone: wib, due: "2026-11-26T23:59:59+07:00"),
        Case(name: "Sunday + 1wd → Monday", start: "2026-11-29T08:00:00", limit: .workingDays(1), calendar: national, zone: wib, due: "2026-11-30T23:59:59+07:00"),
        Case(name: "Friday + 1wd → Monday", start: "2026-11-27T09:00:00", limit: .workingDays(1), calendar: national, zone: wib, due: "2026-11-30T23:59:59+07:00"),
        Case(name: "midnight start still never counts", start: "2026-11-23T00:00:00", limit: .workingDays(1), calendar: national, zone: wib, due: "2026-11-24T23:59:59+07:00"),
        Case(name: "last second of Sunday + 1wd → Monday", start: "2026-11-22T23:59:59", limit: .workingDays(1), calendar: national, zone: wib, due: "2026-11-23T23:59:59+07:00"),
        Case(name: "Idul Adha Wed + cuti Thu + Waisak Sun + Pancasila Mon", start: "2026-05-25T16:00:00", limit: .workingDays(3), calendar: national, zone: wib, due: "2026-06-02T23:59:59+07:00"),
        Case(name: "Nyepi and Idul Fitri 2026 with five cuti bersama", start: "2026-03-17T10:00:00", limit: .workingDays(3), calendar: national, zone: wib, due: "2026-03-27T23:59:59+07:00"),
        Case(name: "Idul Fitri 2026, 5wd follow-up", start: "2026-03-17T10:00:00", limit: .workingDays(5), calendar: national, zone: wib, due: "2026-03-31T23:59:59+07:00"),
        Case(name: "18 Aug 2025 added mid-year", start: "2025-08-15T10:00:00", limit: .workingDays(1), calendar: national, zone: wib, due: "2025-08-19T23:59:59+07:00"),
        Case(name: "Christmas 2026: cuti Thu, Natal Fri", start: "2026-12-23T10:00:00", limit: .workingDays(2), calendar: national, zone: wib, due: "2026-12-29T23:59:59+07:00"),
        Case(name: "New Year 2026 across the year boundary", start: "2025-12-31T10:00:00", limit: .workingDays(1), calendar: national, zone: wib, due: "2026-01-02T23:59:59+07:00"),
        Case(name: "Idul Fitri 2024: four cuti and two holidays", start: "2024-04-05T10:00:00", limit: .workingDays(1), calendar: national, zone: wib, due: "2024-04-16T23:59:59+07:00"),
        Case(name: "24x7 agency counts the weekend", start: "2026-11-27T09:00:00", limit: .workingDays(5), calendar: .roundTheClock, zone: wib, due: "2026-12-02T23:59:59+07:00"),
        Case(name: "24x7 agency counts Christmas", start: "2026-12-24T09:00:00", limit: .workingDays(1), calendar: .roundTheClock, zone: wib, due: "2026-12-25T23:59:59+07:00"),
        Case(name: "60 calendar days", start: "2026-11-23T16:00:00", limit: .calendarDays(60), calendar: national, zone: wib, due: "2027-01-22T23:59:59+07:00"),
        Case(name: "calendar days ignore holidays", start: "2026-12-31T10:00:00", limit: .calendarDays(1), calendar: national, zone: wib, due: "2027-01-01T23:59:59+07:00"),
        Case(name: "2×24 jam are clock hours", start: "2026-11-23T16:00:00", limit: .hours(48), calendar: national, zone: wib, due: "2026-11-25T16:00:00+07:00"),
        Case(name: "hours run through the weekend", start: "2026-11-27T20:00:00", limit: .hours(48), calendar: national, zone: wib, due: "2026-11-29T20:00:00+07:00"),
        Case(name: "WITA desk", start: "2026-11-23T16:00:00", limit: .workingDays(3), calendar: national, zone: wita, due: "2026-11-26T23:59:59+08:00"),
        Case(name: "Thursday 23:30 WIB counts from Thursday", start: "2026-11-26T23:30:00+07:00", limit: .workingDays(1), calendar: national, zone: wib, due: "2026-11-27T23:59:59+07:00"),
        Case(name: "the same instant is Friday 01:30 in a WIT desk", start: "2026-11-26T23:30:00+07:00", limit: .workingDays(1), calendar: national, zone: wit, due: "2026-11-30T23:59:59+09:00"),
    ]

    @Test(arguments: cases)
    func deadline(_ c: Case) throws {
        let start = try #require(c.zone.parseISO(c.start))
        let due = Deadline.of(start: start, limit: c.limit, calendar: c.calendar, zone: c.zone)
        #expect(c.zone.iso(due) == c.due)
    }

    @Test func workingDayArithmeticAgreesWithCounting() {
        let cal = Self.national
        var day = Trend.Day(year: 2024, month: 1, day: 1)
        for _ in 0..<400 {
            for n in [1, 3, 5, 10] {
                let target = cal.adding(workingDays: n, after: day)
                #expect(cal.workingDays(after: day, upTo: target) == n)
                #expect(cal.isWorking(target))
            }
            day = day.adding(days: 2)
        }
    }

    @Test func dueSoonAtSeventyFivePercentOfWorkingTime() throws {
        let engine = SLAClocks(policy: .standard, zone: Self.wib, deskCalendar: Self.national)
        let start = try #require(Self.wib.parseISO("2026-11-23T16:00:00"))
        func status(_ at: String) -> ClockReading.Status? {
            engine.readings(submitted: start, events: [], now: Self.wib.parseISO(at)!).first?.status
        }
        // 3 working days × 75 % = 2.25 days of working time after Monday: Thursday 06:00.
        #expect(status("2026-11-26T05:59:00") == .onTrack)
        #expect(status("2026-11-26T06:00:00") == .dueSoon)
        #expect(status("2026-11-26T23:59:59") == .dueSoon)
        #expect(status("2026-11-27T00:00:00") == .overdue)
    }

    @Test func chainOfClocksThroughAReportsLife() throws {
        let engine = SLAClocks(policy: .standard, zone: Self.wib, deskCalendar: Self.national,
                               agencyCalendar: { $0 == 9 ? .roundTheClock : nil })
        let t = { (s: String) in Self.wib.parseISO(s)! }
        let submitted = t("2026-11-23T10:00:00")
        let events = [
            ClockEvent(action: .verify, at: t("2026-11-24T10:00:00"), from: .new),
            ClockEvent(action: .route, at: t("2026-11-30T10:00:00"), from: .verified, toAgencyID: 1),
            ClockEvent(action: .returnReport, at: t("2026-12-01T10:00:00"), from: .dispositioned),
            ClockEvent(action: .route, at: t("2026-12-02T10:00:00"), from: .dispositioned, toAgencyID: 9),
        ]
        let readings = engine.readings(submitted: submitted, events: events, now: t("2026-12-05T12:00:00"))
        let byClock = Dictionary(uniqueKeysWithValues: readings.map { ($0.clock, $0) })
        #expect(byClock[.verification]?.status == .met)
        // Verified Tuesday, routed the next Monday: 3 working days ended Friday 23:59:59.
        #expect(byClock[.disposition]?.status == .met) // restarted by the return, met by the re-route
        #expect(byClock[.followUp]?.calendar == "24x7")
        // Re-routed Wednesday to a 24/7 agency: 5 days → Monday 7 December, still on track Saturday noon.
        #expect(Self.wib.iso(byClock[.followUp]!.deadline) == "2026-12-07T23:59:59+07:00")
        #expect(byClock[.followUp]?.status == .onTrack)
        #expect(byClock[.resolution]?.status == .onTrack)
    }

    @Test func resolutionPausesWhileAwaitingTheReporter() throws {
        let engine = SLAClocks(policy: .standard, zone: Self.wib, deskCalendar: Self.national)
        let t = { (s: String) in Self.wib.parseISO(s)! }
        let events = [
            ClockEvent(action: .route, at: t("2026-01-05T10:00:00"), from: .new, toAgencyID: 1),
            ClockEvent(action: .followUp, at: t("2026-01-06T10:00:00"), from: .dispositioned),
            ClockEvent(action: .respond, at: t("2026-01-07T10:00:00"), from: .inProgress),
            ClockEvent(action: .dispute, at: t("2026-01-17T10:00:00"), from: .awaitingReporter),
        ]
        let readings = engine.readings(submitted: t("2026-01-05T09:00:00"), events: events, now: t("2026-02-01T00:00:00"))
        let resolution = try #require(readings.first { $0.clock == .resolution })
        // 60 days from 5 January end 6 March 23:59:59; ten paused days push it to 16 March.
        #expect(Self.wib.iso(resolution.deadline) == "2026-03-16T23:59:59+07:00")
        let autoClose = try #require(readings.first { $0.clock == .autoClose })
        #expect(autoClose.status == .met && !autoClose.isRunning)
    }

    @Test func limitsParseFromPolicyText() {
        #expect(SLALimit("3wd") == .workingDays(3))
        #expect(SLALimit("3 hari kerja") == .workingDays(3))
        #expect(SLALimit("60d") == .calendarDays(60))
        #expect(SLALimit("48 jam") == .hours(48))
        #expect(SLALimit("0wd") == nil)
        #expect(SLALimit("three days") == nil)
    }
}
