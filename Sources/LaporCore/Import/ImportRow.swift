import Foundation

/// A record that passed validation: the report as the file describes it, and the agency it names.
public struct ImportRow: Sendable, Equatable {
    public var report: Report
    public var agencyName: String?
    public var line: Int

    /// Validates one raw record; the reason is what the rejects file says.
    public static func validate(_ raw: ImportSource.RawRecord, zone: DeskZone) -> Result<ImportRow, ImportReject> {
        func value(_ f: ImportField) -> String { Sanitizer.storable(unescape(raw.values[f] ?? "").trimmed) }
        let tid = value(.trackingID)
        if let error = raw.error { return .failure(ImportReject(line: raw.line, trackingID: tid, reason: error)) }
        guard !tid.isEmpty else { return .failure(ImportReject(line: raw.line, trackingID: "", reason: "missing tracking id")) }
        let title = value(.title), body = value(.body)
        guard !title.isEmpty || !body.isEmpty else { return .failure(ImportReject(line: raw.line, trackingID: tid, reason: "no title and no body")) }
        guard let submitted = ImportValues.date(value(.submittedAt), zone: zone) else {
            return .failure(ImportReject(line: raw.line, trackingID: tid, reason: "unparseable date '\(value(.submittedAt))'"))
        }
        var flags: [Bool] = []
        for field in [ImportField.anonymous, .confidential] {
            guard let flag = ImportValues.bool(value(field)) else {
                return .failure(ImportReject(line: raw.line, trackingID: tid, reason: "unparseable \(field.rawValue) '\(value(field))'"))
            }
            flags.append(flag)
        }
        guard let status = ImportValues.status(value(.status)) else {
            return .failure(ImportReject(line: raw.line, trackingID: tid, reason: "unknown status '\(value(.status))'"))
        }
        let agency = [value(.agency), status.agency ?? ""].first { !$0.isEmpty }
        if agency == nil && [.dispositioned, .inProgress, .awaitingReporter].contains(status.state) {
            return .failure(ImportReject(line: raw.line, trackingID: tid, reason: "status '\(value(.status))' needs an agency"))
        }
        let typeText = value(.type)
        let report = Report(trackingID: tid, submittedAt: submitted, title: title, body: body, category: value(.category),
                            subcategory: value(.subcategory), type: ReportType.parse(typeText) ?? .pengaduan,
                            channel: value(.channel).isEmpty ? .other : Channel.parse(value(.channel)),
                            reporterName: value(.reporterName), reporterContact: value(.reporterContact),
                            anonymous: flags[0], confidential: flags[1], kecamatan: value(.kecamatan), kelurahan: value(.kelurahan),
                            address: value(.address), state: status.state)
        return .success(ImportRow(report: report, agencyName: agency, line: raw.line))
    }

    /// Undoes the export's guard against spreadsheet formulas: a leading `'` before = + - @ tab or CR.
    static func unescape(_ text: String) -> String {
        guard text.hasPrefix("'"), let second = text.dropFirst().first, "=+-@\t\r".contains(second) else { return text }
        return String(text.dropFirst())
    }
}

/// A rejected record: the physical line it starts on, its tracking id if any, and why.
public struct ImportReject: Error, Sendable, Equatable {
    public var line: Int
    public var trackingID: String
    public var reason: String
}
