import Foundation

/// One dated row of a holiday calendar: kept as data with its source, never hard-coded.
public struct CalendarEntry: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case holiday, cutiBersama = "cuti_bersama", closure }

    public var date: Trend.Day
    public var name: String
    public var kind: Kind
    /// `national` for the desk's calendar; another name for an agency's own.
    public var calendar: String
    public var source: String

    public init(date: Trend.Day, name: String, kind: Kind, calendar: String = "national", source: String = "") {
        self.date = date; self.name = name; self.kind = kind; self.calendar = calendar; self.source = source
    }

    public static let header = ["date", "name", "kind", "calendar", "source"]

    /// Reads a calendar file (`date,name,kind,calendar,source`); a bad row is reported with its line.
    public static func parse(_ reader: CSVReader, file: String) throws -> [CalendarEntry] {
        reader.detectDelimiter()
        guard let header = reader.next() else { throw LaporError.inputUnreadable(path: file, reason: "the file is empty") }
        let names = header.fields.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        guard let di = names.firstIndex(of: "date"), let ni = names.firstIndex(of: "name") else {
            throw LaporError.inputUnreadable(path: file, reason: "the header needs date and name columns (found: \(names.joined(separator: ", ")))")
        }
        let ki = names.firstIndex(of: "kind"), ci = names.firstIndex(of: "calendar"), si = names.firstIndex(of: "source")
        var out: [CalendarEntry] = []
        while let record = reader.next() {
            let f = record.fields
            func at(_ i: Int?) -> String { i.flatMap { $0 < f.count ? f[$0].trimmingCharacters(in: .whitespaces) : nil } ?? "" }
            guard let day = Trend.Day(at(di)) else {
                throw LaporError.inputUnreadable(path: file, reason: "line \(record.line): '\(at(di))' is not a date as YYYY-MM-DD")
            }
            let kindText = at(ki).isEmpty ? "holiday" : at(ki)
            guard let kind = Kind(rawValue: kindText) else {
                throw LaporError.inputUnreadable(path: file, reason: "line \(record.line): kind must be holiday, cuti_bersama or closure, not '\(kindText)'")
            }
            guard !at(ni).isEmpty else { throw LaporError.inputUnreadable(path: file, reason: "line \(record.line): the name is empty") }
            out.append(CalendarEntry(date: day, name: at(ni), kind: kind, calendar: at(ci).isEmpty ? "national" : at(ci), source: at(si)))
        }
        return out
    }

    /// The 2024–2026 national holidays and cuti bersama shipped with the desk (Resources/holidays-id.csv).
    public static var bundledDefaults: [CalendarEntry] {
        guard let url = Bundle.module.url(forResource: "holidays-id", withExtension: "csv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return (try? parse(CSVReader(text: text), file: "holidays-id.csv")) ?? []
    }
}
