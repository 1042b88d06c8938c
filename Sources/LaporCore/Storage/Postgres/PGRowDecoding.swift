import Foundation

/// Decoding of PostgreSQL's text rows into domain values; the column lists live beside the
/// decoders and mirror SQLite's `RowDecoding`.
enum PGRowDecoding {
    /// The columns ``report(_:_:)`` decodes, from `FROM report`; with `identities`, a protected
    /// reporter's name and contact come from `report_identity` (only the owner may read it).
    static func reportColumns(identities: Bool) -> String {
        let name = identities ? PGAccessSchema.identity("reporter_name") : "reporter_name"
        let contact = identities ? PGAccessSchema.identity("reporter_contact") : "reporter_contact"
        return """
            report.id, tracking_id, submitted_at, title, body, category, subcategory, type, channel, \(name),
            \(contact), anonymous, confidential, kecamatan, kelurahan, address, report.agency_id, state, bounces,
            returned, version, updated_at, due_at, due_soon_at, incident_of
            """
    }

    static func report(_ rows: PGRows, _ i: Int) -> Report {
        let text = { (column: Int) in rows.text(i, column) ?? "" }
        let int = { (column: Int) in Self.int(rows, i, column) }
        let time = { (column: Int) in Self.date(rows, i, column) }
        var report = Report(id: int(0) ?? 0, trackingID: text(1), submittedAt: time(2) ?? Date(timeIntervalSince1970: 0),
                            title: text(3), body: text(4), category: text(5), subcategory: text(6),
                            type: ReportType(rawValue: text(7)) ?? .pengaduan, channel: Channel(rawValue: text(8)) ?? .other,
                            reporterName: text(9), reporterContact: text(10), anonymous: int(11) == 1,
                            confidential: int(12) == 1, kecamatan: text(13), kelurahan: text(14), address: text(15),
                            agencyID: int(16), state: ReportState(rawValue: text(17)) ?? .new,
                            bounces: Int(int(18) ?? 0), returned: int(19) == 1, version: Int(int(20) ?? 1),
                            updatedAt: time(21))
        report.dueAt = time(22)
        report.dueSoonAt = time(23)
        report.incidentOf = int(24)
        return report
    }

    static func int(_ rows: PGRows, _ i: Int, _ column: Int) -> Int64? {
        rows.text(i, column).flatMap { Int64($0) }
    }

    /// A date as the text of its whole seconds since 1970, for a bigint parameter.
    static func seconds(_ date: Date) -> String {
        String(Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    /// A bigint column of seconds since 1970 as a date.
    static func date(_ rows: PGRows, _ i: Int, _ column: Int) -> Date? {
        int(rows, i, column).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    static let agencyColumns = "id, code, name, aliases, calendar"

    static func agency(_ rows: PGRows, _ i: Int) -> Agency {
        Agency(id: int(rows, i, 0) ?? 0, code: rows.text(i, 1) ?? "", name: rows.text(i, 2) ?? "",
               aliases: (rows.text(i, 3) ?? "").split(separator: "\n").map(String.init), calendar: rows.text(i, 4))
    }

    static let userColumns = "id, login, name, role, agency_id"

    static func user(_ rows: PGRows, _ i: Int) -> User {
        User(id: int(rows, i, 0) ?? 0, login: rows.text(i, 1) ?? "", name: rows.text(i, 2) ?? "",
             role: Role(rawValue: rows.text(i, 3) ?? "") ?? .viewer, agencyID: int(rows, i, 4))
    }

    static let requestColumns = """
        report_id, year, seq, purpose, delivery, decision, ground, decided_at, extended_at, objected_at,
        objection_answered_at, objection_outcome, disputed_at
        """

    /// An information request's register row (``requestColumns``).
    static func request(_ rows: PGRows, _ i: Int) -> InformationRequest {
        var request = InformationRequest(reportID: int(rows, i, 0) ?? 0, year: rows.int(i, 1) ?? 0,
                                         sequence: rows.int(i, 2) ?? 0, purpose: rows.text(i, 3) ?? "",
                                         delivery: rows.text(i, 4) ?? "")
        request.decision = rows.text(i, 5).flatMap(RequestDecision.init(rawValue:))
        request.ground = rows.text(i, 6).flatMap(RefusalGround.parse)
        request.decidedAt = date(rows, i, 7)
        request.extendedAt = date(rows, i, 8)
        request.objectedAt = date(rows, i, 9)
        request.objectionAnsweredAt = date(rows, i, 10)
        request.objectionOutcome = rows.text(i, 11).flatMap(ObjectionOutcome.init(rawValue:))
        request.disputedAt = date(rows, i, 12)
        return request
    }
}
