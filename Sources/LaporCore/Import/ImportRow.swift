import Foundation

/// A record that passed validation: the report as the file describes it, and the agency it names.
public struct ImportRow: Sendable, Equatable {
    public var report: Report
    public var agencyName: String?
    public var line: Int
    /// The export's own words where the desk's values are coarser (LAPOR!'s admin export); nil for plain files.
    public var origin: ReportOrigin?

    public init(report: Report, agencyName: String?, line: Int, origin: ReportOrigin? = nil) {
        self.report = report
        self.agencyName = agencyName
        self.line = line
        self.origin = origin
    }

    /// Validates one raw record; the reason is what the rejects file says.
    public static func validate(_ raw: ImportSource.RawRecord, zone: DeskZone) -> Result<ImportRow, ImportReject> {
        func value(_ f: ImportField) -> String { cleaned(raw.values[f]) }
        let tid = value(.trackingID)
        if let error = raw.error { return .failure(ImportReject(line: raw.line, trackingID: tid, reason: error)) }
        guard !tid.isEmpty else { return .failure(ImportReject(line: raw.line, trackingID: "", reason: "missing tracking id")) }
        let title = value(.title), original = value(.originalBody)
        let body = value(.body).isEmpty ? original : value(.body)
        guard !title.isEmpty || !body.isEmpty else { return .failure(ImportReject(line: raw.line, trackingID: tid, reason: "no title and no body")) }
        // LAPOR!'s export gives the date and the time in two columns.
        let when = [value(.submittedAt), value(.submittedTime)].filter { !$0.isEmpty }.joined(separator: " ")
        guard let submitted = ImportValues.date(when, zone: zone) else {
            return .failure(ImportReject(line: raw.line, trackingID: tid, reason: "unparseable date '\(when)'"))
        }
        var flags: [Bool] = []
        for field in [ImportField.anonymous, .confidential] {
            guard let flag = ImportValues.bool(value(field)) else {
                return .failure(ImportReject(line: raw.line, trackingID: tid, reason: "unparseable \(field.rawValue) '\(value(field))'"))
            }
            flags.append(flag)
        }
        // `Anonim`, `Rahasia`, `Anonim|Rahasia` or empty.
        let identity = value(.identityType).lowercased()
        if identity.contains("anonim") || identity.contains("anonymous") { flags[0] = true }
        if identity.contains("rahasia") || identity.contains("confidential") { flags[1] = true }
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
        let typeLabel = ReportType(rawValue: typeText) == nil ? typeText : ""
        let statusText = value(.status)
        let channelText = value(.channel)
        let origin = ReportOrigin(typeLabel: typeLabel, statusLabel: ReportState(rawValue: statusText) == nil ? statusText : "",
                                  statusReason: value(.statusReason).isEmpty ? status.reason ?? "" : value(.statusReason),
                                  channelLabel: Channel(rawValue: channelText) == nil ? channelText : "",
                                  originalBody: original == body ? "" : original, parentAgency: value(.parentAgency))
        return .success(ImportRow(report: report, agencyName: agency, line: raw.line, origin: origin.isEmpty ? nil : origin))
    }

    /// A cell as stored: formula guard undone, trimmed, control characters made safe, and the
    /// literal `None` (what LAPOR!'s export writes in empty cells) taken as empty.
    static func cleaned(_ raw: String?) -> String {
        let text = Sanitizer.storable(unescape(raw ?? "").trimmed)
        return text == "None" ? "" : text
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
