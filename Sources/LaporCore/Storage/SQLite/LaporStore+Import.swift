import Foundation
import GRDB

/// Applying imported rows: one transaction per batch, so a killed import leaves whole batches
/// only and running it again completes it.
extension LaporStore {
    public typealias ImportBatchResult = LaporCore.ImportBatchResult

    /// Inserts new reports, updates changed ones, and never overrides a state or routing the desk
    /// decided since (counted as a conflict and audited). `dryRun` rolls the batch back.
    public func applyImport(_ rows: [ImportRow], by actor: User, at now: Date, dryRun: Bool = false) throws -> ImportBatchResult {
        try ImportFlow<SQLiteImportSteps>.permit(actor)
        var result = ImportBatchResult()
        try writeBatch(rollback: dryRun) { db in
            let steps = try SQLiteImportSteps(db, zone: zone, actor: actor, at: now)
            result = try ImportFlow(steps: steps, actor: actor, now: now).apply(rows)
        }
        return result
    }

    /// Keeps what the export said in its own words (one row per tracking id, the latest file wins).
    static func storeOrigin(_ db: Database, _ o: ReportOrigin, trackingID: String) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO report_origin (tracking_id, type_label, status_label, status_reason, channel_label, original_body,
                parent_agency) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(tracking_id) DO UPDATE SET type_label = excluded.type_label, status_label = excluded.status_label,
                status_reason = excluded.status_reason, channel_label = excluded.channel_label,
                original_body = excluded.original_body, parent_agency = excluded.parent_agency
            """)
        try statement.execute(arguments: [trackingID, o.typeLabel, o.statusLabel, o.statusReason, o.channelLabel,
                                          o.originalBody, o.parentAgency])
    }

    /// What the export said about a report, if it came from one that says more than the desk keeps.
    public func origin(trackingID: String) throws -> ReportOrigin? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT type_label, status_label, status_reason, channel_label, original_body, parent_agency
                FROM report_origin WHERE tracking_id = ?
                """, arguments: [trackingID]).map {
                ReportOrigin(typeLabel: $0[0], statusLabel: $0[1], statusReason: $0[2], channelLabel: $0[3],
                             originalBody: $0[4], parentAgency: $0[5])
            }
        }
    }

    /// One audit record per imported workbook naming its sheet, header row and preamble (LAPOR!'s
    /// Nama Instansi, Periode Masuk, Tanggal Generate), so the trail says which download a batch was.
    public func recordImportOrigin(file: String, origin: XLSXRecordReader.Origin, by actor: User, at now: Date) throws {
        try write { db in
            let preamble = origin.preamble.map { "\($0.label): \($0.value)" }.joined(separator: "; ")
            let note = "\(URL(fileURLWithPath: file).lastPathComponent): sheet '\(origin.sheet)', header row \(origin.headerRow)"
                + (preamble.isEmpty ? "" : "; " + preamble)
            try Self.appendAudit(db, AuditEntry(at: now, actor: actor.login, role: actor.role, action: "import_file", note: note))
        }
    }

    /// Runs `body` in one IMMEDIATE transaction that is committed, or rolled back for a dry run.
    /// An import batch commits without waiting for the disk (`synchronous = NORMAL`, still safe
    /// from corruption in WAL mode) and checkpoints every 64 MB of WAL instead of 4 MB: the
    /// repeated checkpoints were 4 of 22 s of a million-row import. A power cut can lose the last
    /// batches; running the same import again completes it (docs/decisions.md).
    func writeBatch(rollback: Bool, _ body: (Database) throws -> Void) throws {
        do {
            try writer.writeWithoutTransaction { db in
                let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? 2
                let checkpoint = try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? 1000
                try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 16384")
                defer { try? db.execute(sql: "PRAGMA synchronous = \(synchronous); PRAGMA wal_autocheckpoint = \(checkpoint)") }
                try db.inTransaction(.immediate) {
                    try body(db)
                    return rollback ? .rollback : .commit
                }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw LaporError.databaseBusy(path: path)
        }
    }
}
