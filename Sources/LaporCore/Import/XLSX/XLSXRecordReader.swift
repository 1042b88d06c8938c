import Foundation

/// A workbook sheet as import records: finds the header among the first 30 rows by alias
/// matching, keeps the preamble above it (LAPOR!'s "Laporan Ringkas": labels in column A, values
/// further right), and hands out the rows below with Excel's row numbers as their lines.
public final class XLSXRecordReader {
    /// What the summary and the audit note say about where the records came from.
    public struct Origin: Sendable, Equatable {
        public var sheet: String
        public var headerRow: Int
        public var preamble: [(label: String, value: String)]

        public static func == (a: Origin, b: Origin) -> Bool {
            a.sheet == b.sheet && a.headerRow == b.headerRow
                && a.preamble.map(\.label) == b.preamble.map(\.label) && a.preamble.map(\.value) == b.preamble.map(\.value)
        }
    }

    static let headerSearchRows = 30

    let origin: Origin
    let header: [ImportField?]
    let unknownColumns: [String]
    private let workbook: XLSXWorkbook
    private let rows: XLSXSheetReader
    /// Why the sheet could not be read to its end, once it could not; the rows before were read.
    private(set) var unreadable: String?

    init(path: String, sheet wanted: String?) throws {
        workbook = try XLSXWorkbook(path: path)
        let candidates: [XLSXWorkbook.Sheet]
        if let wanted {
            guard let sheet = workbook.sheets.first(where: { $0.name.lowercased() == wanted.lowercased() }) else {
                throw XLSXError.broken("it has no sheet named '\(wanted)' (sheets: \(workbook.sheets.map(\.name).joined(separator: ", ")))")
            }
            candidates = [sheet]
        } else {
            candidates = workbook.sheets
        }
        var tried: [String] = []
        for sheet in candidates {
            let reader = try XLSXSheetReader(workbook, sheet: sheet)
            var seen: [XLSXSheetReader.SheetRow] = []
            while seen.count < Self.headerSearchRows, let row = try reader.next() {
                seen.append(row)
                let fields = row.cells.map(ImportField.match)
                guard let missing = Self.missing(fields), missing.isEmpty else { continue }
                rows = reader
                header = fields
                unknownColumns = zip(row.cells, fields).filter { $0.1 == nil && !$0.0.trimmed.isEmpty }.map(\.0)
                origin = Origin(sheet: sheet.name, headerRow: row.number, preamble: Self.preamble(seen.dropLast()))
                return
            }
            tried.append(sheet.name)
        }
        throw XLSXError.broken("no sheet has a header with tracking_id, submitted_at and title or body in its first "
                               + "\(Self.headerSearchRows) rows (sheets: \(tried.joined(separator: ", ")))")
    }

    /// The required fields a header lacks, or nil when it names none of them (not a header at all).
    static func missing(_ fields: [ImportField?]) -> [String]? {
        let found = Set(fields.compactMap { $0 })
        var missing: [String] = []
        if !found.contains(.trackingID) { missing.append("tracking_id") }
        if !found.contains(.submittedAt) { missing.append("submitted_at") }
        if !found.contains(.title) && !found.contains(.body) { missing.append("title or body") }
        return missing.count == 3 ? nil : missing
    }

    /// Label in the first non-empty cell, value in the next non-empty one.
    private static func preamble(_ rows: ArraySlice<XLSXSheetReader.SheetRow>) -> [(label: String, value: String)] {
        rows.compactMap { row in
            let filled = row.cells.map(\.trimmed).filter { !$0.isEmpty }
            guard let label = filled.first else { return nil }
            return (label, filled.dropFirst().joined(separator: " "))
        }
    }

    /// The next data row as a record; blank rows are skipped, a broken sheet ends with one rejected record.
    func next() -> ImportSource.RawRecord? {
        if unreadable != nil { return nil }
        do {
            while let row = try rows.next() {
                guard row.cells.contains(where: { !$0.trimmed.isEmpty }) else { continue }
                var values = [ImportField: String](minimumCapacity: header.count)
                for (field, value) in zip(header, row.cells) { if let field { values[field] = value } }
                return ImportSource.RawRecord(line: row.number, values: values)
            }
            return nil
        } catch {
            let reason = (error as? XLSXError).map { if case .broken(let why) = $0 { why } else { "" } } ?? "\(error)"
            unreadable = reason
            return ImportSource.RawRecord(line: 0, values: [:], error: "the sheet cannot be read further: \(reason)")
        }
    }
}
