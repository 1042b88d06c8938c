import Foundation
import GRDB

/// Taking in a new report (from a channel, or typed in by an operator); import batches build on the same insert.
extension LaporStore {
    /// Stores a new report in state `new` and records it; refuses a tracking id the desk already has.
    @discardableResult
    public func receive(_ report: Report, by user: User, at now: Date) throws -> Report {
        guard [.operator, .supervisor, .system].contains(user.role) else {
            throw LaporError.permissionDenied(login: user.login, role: user.role, what: "take in reports")
        }
        guard !report.trackingID.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw LaporError.invalidArgument("A report needs a tracking id.")
        }
        guard !(report.title.isEmpty && report.body.isEmpty) else {
            throw LaporError.invalidArgument("A report needs a title or a body.")
        }
        return try write { db in
            if try Self.findReport(db, report.trackingID) != nil { throw LaporError.duplicate("Report \(report.trackingID)") }
            var saved = report
            saved.title = Sanitizer.storable(report.title)
            saved.body = Sanitizer.storable(report.body)
            saved.state = .new
            saved.agencyID = nil
            saved.version = 1
            saved.updatedAt = now
            try Self.insertReport(db, saved, stateSince: report.submittedAt)
            saved.id = db.lastInsertedRowID
            try Self.refreshDue(db, reportID: saved.id, submitted: saved.submittedAt, engine: Self.clockEngine(db, zone: zone),
                               type: saved.type)
            try Self.appendAudit(db, AuditEntry(at: now, actor: user.login, role: user.role, action: "receive",
                                                reportID: saved.id, toState: .new, note: "channel \(report.channel.rawValue)"))
            return saved
        }
    }

    static func insertReport(_ db: Database, _ r: Report, stateSince: Date) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO report (tracking_id, submitted_at, title, body, category, subcategory, type, channel, reporter_name,
                reporter_contact, anonymous, confidential, kecamatan, kelurahan, address, agency_id, state, bounces, returned,
                version, state_since, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            r.trackingID, RowDecoding.seconds(r.submittedAt), r.title, r.body, r.category, r.subcategory, r.type.rawValue,
            r.channel.rawValue, r.reporterName, r.reporterContact, r.anonymous, r.confidential, r.kecamatan, r.kelurahan,
            r.address, r.agencyID, r.state.rawValue, r.bounces, r.returned, r.version, RowDecoding.seconds(stateSince),
            RowDecoding.seconds(r.updatedAt),
        ])
    }
}
