import Foundation
import Testing
@testable import LaporCore

@Suite struct TimeTests {
    let zone = DeskZone.jakarta

    @Test func isoWithAndWithoutOffset() throws {
        let naive = try #require(zone.parseISO("2023-05-09 10:15"))
        #expect(zone.iso(naive) == "2023-05-09T10:15:00+07:00")
        let offset = try #require(zone.parseISO("2023-05-09T10:15:00+08:00"))
        #expect(zone.iso(offset) == "2023-05-09T09:15:00+07:00")
        #expect(zone.parseISO("2023-05-09T03:15:00Z") == naive)
        #expect(zone.parseISO("2023-05-09") == zone.date(year: 2023, month: 5, day: 9))
    }

    @Test func rejectsWhatIsNotISO() {
        for bad in ["", "9 Mei 2023", "2023-02-30", "2023-05-09T25:00", "2023-05-09T10:15+7", "2023-05-09Tx"] {
            #expect(zone.parseISO(bad) == nil, "\(bad)")
        }
    }

    @Test func otherIndonesianZones() throws {
        let wita = try #require(DeskZone(identifier: "Asia/Makassar"))
        #expect(wita.abbreviation == "WITA")
        #expect(wita.iso(try #require(wita.parseISO("2024-01-01 08:00"))) == "2024-01-01T08:00:00+08:00")
    }

    @Test func dayOrdinalsRoundTripAndWeekdays() {
        for ordinal in stride(from: -1000, to: 30_000, by: 37) {
            #expect(Trend.Day(ordinal: ordinal).ordinal == ordinal)
        }
        #expect(Trend.Day(year: 2026, month: 11, day: 23).isoWeekday == 1) // a Monday
        #expect(Trend.Day(year: 2024, month: 2, day: 29).adding(days: 1) == Trend.Day(year: 2024, month: 3, day: 1))
    }

    @Test func trendBucketsIncludeZeros() {
        let d = Trend.Day(year: 2026, month: 11, day: 1)
        let daily = [d: 3, d.adding(days: 2): 5, d.adding(days: 9): 1]
        let days = Trend.buckets(daily: daily, from: d, to: d.adding(days: 3), by: .day)
        #expect(days.map(\.count) == [3, 0, 5, 0])
        let weeks = Trend.buckets(daily: daily, from: d, to: d.adding(days: 9), by: .week)
        #expect(weeks.map(\.start.text) == ["2026-10-26", "2026-11-02", "2026-11-09"])
        #expect(weeks.map(\.count) == [3, 5, 1])
    }
}
