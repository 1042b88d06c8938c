import Foundation
import GRDB

/// ``ImportSteps`` inside one of SQLite's import batch transactions: new reports wait in
/// ``ImportStage`` (a TEMP table) and move with one statement per batch.
final class SQLiteImportSteps: ImportSteps {
    private let db: Database
    private let zone: DeskZone
    private let actor: User
    private let now: Date
    private var stageTable: ImportStage
    private let find: Statement

    init(_ db: Database, zone: DeskZone, actor: User, at now: Date) throws {
        self.db = db
        self.zone = zone
        self.actor = actor
        self.now = now
        stageTable = try ImportStage(db)
        find = try db.cachedStatement(sql: "SELECT \(RowDecoding.reportColumns), desk_touched FROM report WHERE tracking_id = ?")
    }

    func currentAgencies() throws -> [Agency] {
        try Row.fetchAll(db, sql: "SELECT \(RowDecoding.agencyColumns) FROM agency WHERE merged_into IS NULL ORDER BY id")
            .map(RowDecoding.agency)
    }

    func saveAliases(of agency: Agency) throws {
        try db.execute(sql: "UPDATE agency SET aliases = ? WHERE id = ?",
                       arguments: [agency.aliases.joined(separator: "\n"), agency.id])
    }

    func insertAgency(_ agency: Agency) throws -> Agency {
        try LaporStore.insertAgency(db, agency, at: now)
    }

    func appendAudit(_ entry: AuditEntry, fromAgencyID: Int64?, toAgencyID: Int64?) throws {
        try LaporStore.appendAudit(db, entry, fromAgencyID: fromAgencyID, toAgencyID: toAgencyID)
    }

    func clockEngine() throws -> SLAClocks { try LaporStore.clockEngine(db, zone: zone) }

    func existing(_ trackingIDs: [String]) throws -> Set<String> { try ImportStage.existing(db, trackingIDs) }

    func stored(trackingID: String) throws -> (report: Report, deskTouched: Bool)? {
        guard let row = try Row.fetchOne(find, arguments: [trackingID]) else { return nil }
        return (RowDecoding.report(row), row["desk_touched"])
    }

    func storeOrigin(_ origin: ReportOrigin, trackingID: String) throws {
        try LaporStore.storeOrigin(db, origin, trackingID: trackingID)
    }

    func holds(_ trackingID: String) -> Bool { stageTable.holds(trackingID) }

    func stage(_ report: Report, due: ClockReading?) throws {
        try stageTable.add(db, report, due: due, at: now)
    }

    func flush() throws -> Set<String> { try stageTable.flush(db, actor: actor, at: now) }

    func update(_ r: Report, previous: Report, due: ClockReading?) throws {
        try db.execute(sql: """
            UPDATE report SET submitted_at = ?, title = ?, body = ?, category = ?, subcategory = ?, type = ?, channel = ?,
                reporter_name = ?, reporter_contact = ?, anonymous = ?, confidential = ?, kecamatan = ?, kelurahan = ?, address = ?,
                agency_id = ?, state = ?, version = version + 1, updated_at = ?, due_at = ?, due_soon_at = ?, due_clock = ?
            WHERE id = ?
            """, arguments: [RowDecoding.seconds(r.submittedAt), r.title, r.body, r.category, r.subcategory, r.type.rawValue,
                             r.channel.rawValue, r.reporterName, r.reporterContact, r.anonymous, r.confidential, r.kecamatan,
                             r.kelurahan, r.address, r.agencyID, r.state.rawValue, RowDecoding.seconds(now),
                             due.map { RowDecoding.seconds($0.deadline) }, due.map { RowDecoding.seconds($0.dueSoonAt) },
                             due?.clock.rawValue, r.id])
        try LaporStore.appendAudit(db, AuditEntry(at: now, actor: actor.login, role: actor.role, action: "import_update",
                                                  reportID: r.id, fromState: previous.state, toState: r.state),
                                   fromAgencyID: previous.agencyID, toAgencyID: r.agencyID, note: "")
    }
}
