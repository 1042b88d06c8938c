import Foundation
import LaporCore

/// Writes a canonical CSV (the import spec's columns) of demo-shaped reports: two years whose
/// volume falls from about 250 to 30 a day, scaled to the requested number of rows; seeded.
enum CSVGenerator {
    static let header = "tracking_id,submitted_at,title,body,category,subcategory,type,channel,reporter_name,reporter_contact,anonymous,confidential,kecamatan,kelurahan,address,agency,status"

    /// `idPrefix` gives a second file its own tracking ids; `xlsx`, when given, receives the same
    /// rows as a workbook (dates as Excel dates, the flags as booleans) for the XLSX-against-CSV row.
    static func write(rows: Int, seed: UInt64, end: Date, to path: String, idPrefix: String = "",
                      xlsx: XLSXWriter? = nil) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil), let out = FileHandle(forWritingAtPath: path) else {
            throw BenchError("cannot write \(path)")
        }
        defer { try? out.close() }
        let zone = DeskZone.jakarta
        let names = Dictionary(uniqueKeysWithValues: DemoGenerator.agencies.map { ($0.code, $0.name) })
        // Scale the demo's expected two-year volume to the request (a little under, so the whole
        // timeline up to `end` is covered), then stop at `rows`.
        let probe = DemoGenerator(seed: seed, days: 730, end: end, zone: zone)
        let expected = (0..<730).reduce(0.0) { total, day in
            let weekday = Trend.Day(end, zone: zone).adding(days: day - 729).isoWeekday
            return total + probe.weekdayRate(day: day) * (weekday >= 6 ? 0.4 : 1)
        }
        var generator = DemoGenerator(seed: seed, days: 730, end: end, zone: zone, scale: Double(rows) / expected * 0.99)
        var buffer = header + "\n"
        if let xlsx {
            try xlsx.addSheet("Laporan")
            try xlsx.addRow(header.split(separator: ",").map { .text(String($0)) })
        }
        var written = 0
        func field(_ s: String) -> String {
            s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        outer: for day in 0..<generator.days {
            for item in generator.reports(day: day) {
                let r = item.report
                let cells = [idPrefix + r.trackingID, zone.iso(r.submittedAt), r.title, r.body, r.category, r.subcategory, r.type.rawValue,
                             r.channel.rawValue, r.reporterName, r.reporterContact, r.anonymous ? "true" : "false",
                             r.confidential ? "true" : "false", r.kecamatan, r.kelurahan, r.address,
                             item.agencyCode.flatMap { names[$0] } ?? "", r.state.rawValue]
                buffer += cells.map(field).joined(separator: ",") + "\n"
                if let xlsx {
                    let t = zone.components(r.submittedAt)
                    var row = cells.map { XLSXWriter.Cell.text($0) }
                    row[1] = .date(year: t.0, month: t.1, day: t.2, hour: t.3, minute: t.4, second: t.5)
                    row[10] = .bool(r.anonymous)
                    row[11] = .bool(r.confidential)
                    try xlsx.addRow(row)
                }
                written += 1
                if buffer.utf8.count > 1 << 20 { out.write(Data(buffer.utf8)); buffer = "" }
                if written == rows { break outer }
            }
        }
        out.write(Data(buffer.utf8))
        try xlsx?.close()
        return written
    }
}
