import Foundation

/// One file's records as field → text, whatever its format, each with the physical line it starts on.
public final class ImportSource {
    public enum Format: String, Sendable, CaseIterable { case auto, csv, json, ndjson, xlsx }

    public struct RawRecord {
        public var line: Int
        public var values: [ImportField: String]
        /// Set when the record cannot be read at all (ragged row, broken JSON).
        public var error: String?
    }

    public let path: String
    public let format: Format
    public private(set) var unknownColumns: [String] = []
    private var csv: CSVReader?
    private var json: JSONRecordReader?
    private var xlsx: XLSXRecordReader?
    private var header: [ImportField?] = []

    /// Where an XLSX file's records came from (sheet, header row, preamble); nil for text formats.
    public var origin: XLSXRecordReader.Origin? { xlsx?.origin }
    /// Why the file could not be read to its end (a damaged workbook); nil when it was.
    public var unreadable: String? { xlsx?.unreadable }

    public init(path: String, format requested: Format = .auto, sheet: String? = nil) throws {
        self.path = path
        let probe = try ByteSource(path: path, chunkSize: 64 * 1024)
        guard let head = probe.next() else { throw LaporError.inputUnreadable(path: path, reason: "the file is empty") }
        if requested == .xlsx || (requested == .auto && XLSXWorkbook.looksLikeZIP(head)) {
            format = .xlsx
            do {
                let reader = try XLSXRecordReader(path: path, sheet: sheet)
                xlsx = reader
                header = reader.header
                unknownColumns = reader.unknownColumns
            } catch XLSXError.broken(let why) {
                throw LaporError.inputUnreadable(path: path, reason: "it cannot be read as an Excel workbook: \(why)")
            }
            return
        }
        var i = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < head.count, [9, 10, 13, 32].contains(head[i]) { i += 1 }
        guard i < head.count else { throw LaporError.inputUnreadable(path: path, reason: "the file holds only blank lines") }
        let sample = head.prefix(8192)
        // NUL bytes are binary; many other control bytes are too, unless the first line is a header
        // the desk recognises (a citizen's text may carry a few escape characters).
        let controls = sample.filter { $0 < 9 || ($0 > 13 && $0 < 32) }.count
        if sample.contains(0) || (Double(controls) > Double(sample.count) * 0.02 && !Self.startsWithHeader(sample)) {
            throw LaporError.inputUnreadable(path: path, reason: "it is neither CSV, JSON nor an Excel workbook (binary data)")
        }
        let detected: Format = head[i] == UInt8(ascii: "[") ? .json : head[i] == UInt8(ascii: "{") ? .ndjson : .csv
        format = requested == .auto ? detected : requested
        switch format {
        case .json, .ndjson:
            json = try JSONRecordReader(path: path, shape: format == .json ? .array : .lines)
        case .csv, .auto, .xlsx:
            let reader = try CSVReader(path: path)
            reader.detectDelimiter()
            guard let first = reader.next() else { throw LaporError.inputUnreadable(path: path, reason: "the file is empty") }
            header = first.fields.map { ImportField.match($0) }
            unknownColumns = zip(first.fields, header).filter { $0.1 == nil }.map { $0.0 }
            let found = Set(header.compactMap { $0 })
            var missing: [String] = []
            if !found.contains(.trackingID) { missing.append("tracking_id") }
            if !found.contains(.submittedAt) { missing.append("submitted_at") }
            if !found.contains(.title) && !found.contains(.body) { missing.append("title or body") }
            if !missing.isEmpty {
                throw LaporError.inputUnreadable(path: path, reason: "the header lacks \(missing.joined(separator: ", ")) (found: \(first.fields.joined(separator: ", ")))")
            }
            csv = reader
        }
    }

    /// True when the first line names at least two import fields (`tracking_id,submitted_at,…`).
    static func startsWithHeader(_ sample: ArraySlice<UInt8>) -> Bool {
        let line = String(decoding: sample.prefix { $0 != 10 && $0 != 13 }, as: UTF8.self)
        let names = line.split { $0 == "," || $0 == ";" || $0 == "\t" }
        return names.compactMap { ImportField.match(String($0).trimmingCharacters(in: .init(charactersIn: "\" \u{FEFF}"))) }.count >= 2
    }

    public var encoding: String { csv?.fellBackToWindows1252 == true ? "windows-1252" : "utf-8" }
    public var bytesRead: Int { csv?.bytesRead ?? json?.bytesRead ?? 0 }

    public func next() -> RawRecord? {
        if let xlsx { return xlsx.next() }
        if let csv {
            guard let record = csv.next() else { return nil }
            var values = [ImportField: String](minimumCapacity: header.count)
            for (field, value) in zip(header, record.fields) { if let field { values[field] = value } }
            guard record.fields.count == header.count else {
                return RawRecord(line: record.line, values: values, error: "wrong number of fields (\(record.fields.count), expected \(header.count))")
            }
            return RawRecord(line: record.line, values: values)
        }
        guard let json, let record = json.next() else { return nil }
        guard let fields = record.fields else { return RawRecord(line: record.line, values: [:], error: record.error) }
        var values: [ImportField: String] = [:]
        for (key, value) in fields {
            if let field = ImportField.match(key) { values[field] = value }
            else if !unknownColumns.contains(key) { unknownColumns.append(key) }
        }
        return RawRecord(line: record.line, values: values)
    }
}
