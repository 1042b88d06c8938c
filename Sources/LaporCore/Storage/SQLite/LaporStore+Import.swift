import Foundation
import GRDB

/// Applying imported rows: one transaction per batch, so a killed import leaves whole batches
/// only and running it again completes it.
extension LaporStore {
    public struct ImportBatchResult: Sendable, Equatable {
        public var inserted = 0, updated = 0, unchanged = 0, conflicts = 0
        public var createdAgencies: [String] = []
        /// Agencies created (code, name) and spellings recorded as aliases (spelling, code), in order.
        public var agencyNotes: [ImportAgencyNote] = []
    }

    /// Inserts new reports, updates changed ones, and never overrides a state or routing the desk
    /// decided since (counted as a conflict and audited). `dryRun` rolls the batch back.
    public func applyImport(_ rows: [ImportRow], by actor: User, at now: Date, dryRun: Bool = false) throws -> ImportBatchResult {
        guard [.operator, .supervisor].contains(actor.role) else {
            throw LaporError.permissionDenied(login: actor.login, role: actor.role, what: "import reports")
        }
        var result = ImportBatchResult()
        try writeBatch(rollback: dryRun) { db in
            var agencies = try AgencyIndex(db)
            let engine = try Self.clockEngine(db, zone: zone)
            let find = try db.cachedStatement(sql: "SELECT \(RowDecoding.reportColumns), desk_touched FROM report WHERE tracking_id = ?")
            var stage = try ImportStage(db)
            var known = try ImportStage.existing(db, rows.map(\.report.trackingID))
            for row in rows {
                if let origin = row.origin { try Self.storeOrigin(db, origin, trackingID: row.report.trackingID) }
                var incoming = row.report
                if let name = row.agencyName {
                    let (id, outcome) = try agencies.resolve(name, parent: row.origin?.parentAgency ?? "", db: db, actor: actor, at: now)
                    incoming.agencyID = id
                    switch outcome {
                    case .known: break
                    case .created(let code, let name):
                        result.createdAgencies.append(code)
                        result.agencyNotes.append(ImportAgencyNote(code: code, name: name, created: true))
                    case .aliased(let spelling, let code):
                        result.agencyNotes.append(ImportAgencyNote(code: code, name: spelling, created: false))
                    }
                }
                // The same id twice in one file: the first copy must be in the table before the second is compared.
                if stage.holds(incoming.trackingID) { known.formUnion(try stage.flush(db, actor: actor, at: now)) }
                guard known.contains(incoming.trackingID), let existingRow = try Row.fetchOne(find, arguments: [incoming.trackingID]) else {
                    try stage.add(db, incoming, due: Self.importedDue(incoming, engine: engine), at: now)
                    result.inserted += 1
                    continue
                }
                let existing = RowDecoding.report(existingRow)
                let deskTouched: Bool = existingRow["desk_touched"]
                var merged = incoming
                merged.id = existing.id
                // A masked export must not erase an identity the desk holds.
                if incoming.identityProtected && incoming.reporterName.isEmpty && incoming.reporterContact.isEmpty {
                    merged.reporterName = existing.reporterName
                    merged.reporterContact = existing.reporterContact
                }
                let decisionDiffers = merged.state != existing.state || merged.agencyID != existing.agencyID
                if decisionDiffers && deskTouched {
                    result.conflicts += 1
                    try Self.appendAudit(db, AuditEntry(at: now, actor: actor.login, role: actor.role, action: "import_conflict",
                                                        reportID: existing.id, fromState: existing.state, toState: merged.state),
                                         fromAgencyID: existing.agencyID, toAgencyID: merged.agencyID,
                                         note: "the file says \(merged.state.rawValue); the desk keeps \(existing.state.rawValue)")
                    merged.state = existing.state
                    merged.agencyID = existing.agencyID
                }
                if Self.sameContent(merged, existing) {
                    result.unchanged += 1
                    continue
                }
                try update(db, merged, previous: existing, engine: engine, actor: actor, at: now)
                result.updated += 1
            }
            try stage.flush(db, actor: actor, at: now)
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

    static func sameContent(_ a: Report, _ b: Report) -> Bool {
        a.trackingID == b.trackingID && a.submittedAt == b.submittedAt && a.title == b.title && a.body == b.body
            && a.category == b.category && a.subcategory == b.subcategory && a.type == b.type && a.channel == b.channel
            && a.reporterName == b.reporterName && a.reporterContact == b.reporterContact && a.anonymous == b.anonymous
            && a.confidential == b.confidential && a.kecamatan == b.kecamatan && a.kelurahan == b.kelurahan
            && a.address == b.address && a.state == b.state && a.agencyID == b.agencyID
    }

    private func update(_ db: Database, _ r: Report, previous: Report, engine: SLAClocks, actor: User, at now: Date) throws {
        let due = Self.importedDue(r, engine: engine)
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
        try Self.appendAudit(db, AuditEntry(at: now, actor: actor.login, role: actor.role, action: "import_update", reportID: r.id,
                                            fromState: previous.state, toState: r.state),
                             fromAgencyID: previous.agencyID, toAgencyID: r.agencyID, note: "")
    }

    /// The earliest running clock of an imported report, its history taken as happening when it was submitted.
    static func importedDue(_ r: Report, engine: SLAClocks) -> ClockReading? {
        guard r.state.isOpen else { return nil }
        let events = SLAClocks.importedEvents(to: r.state, at: r.submittedAt, agencyID: r.agencyID, type: r.type)
        return engine.readings(submitted: r.submittedAt, events: events, now: r.submittedAt, type: r.type)
            .filter(\.isRunning).min { $0.deadline < $1.deadline }
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

/// An agency an import created (`created`), or a spelling it recognised as an existing agency's alias.
public struct ImportAgencyNote: Sendable, Equatable {
    public var code: String
    public var name: String
    public var created: Bool
}
