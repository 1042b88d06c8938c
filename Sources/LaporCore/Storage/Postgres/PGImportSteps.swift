import Foundation

/// ``ImportSteps`` inside one of ``PGStore/write(rollback:_:)``'s transactions. New reports are
/// sent with COPY into a temporary stage and moved into `report` by one statement per batch, which
/// also hands the new ids to the counters, the PPID register and the `import` records. The stored
/// reports a batch names are read in one query; origins wait and are upserted together.
final class PGImportSteps: ImportSteps {
    private let store: PGStore
    private let actor: User
    private let now: Date
    /// Staged rows in COPY's text form, in file order.
    private var staged: [[String]] = []
    private var stagedIDs: Set<String> = []
    private var holdsRequests = false
    /// The batch's stored reports, read once by ``existing(_:)``; an updated one is read again.
    private var known: [String: (report: Report, deskTouched: Bool)] = [:]
    private var origins: [String: ReportOrigin] = [:]
    private var originOrder: [String] = []

    init(_ store: PGStore, actor: User, at now: Date) throws {
        self.store = store
        self.actor = actor
        self.now = now
        try store.query("""
            CREATE TEMP TABLE IF NOT EXISTS import_stage (
                seq bigint, tracking_id text, submitted_at bigint, title text, body text, category text,
                subcategory text, type text, channel text, reporter_name text, reporter_contact text,
                anonymous bigint, confidential bigint, kecamatan text, kelurahan text, address text, agency_id bigint,
                state text, updated_at bigint, due_at bigint, due_soon_at bigint, due_clock text);
            CREATE TEMP TABLE IF NOT EXISTS import_moved (
                id bigint, submitted_at bigint, type text, state text, agency_id bigint, category text, channel text);
            CREATE TEMP TABLE IF NOT EXISTS import_origin (
                tracking_id text, type_label text, status_label text, status_reason text, channel_label text,
                original_body text, parent_agency text);
            TRUNCATE import_stage, import_moved, import_origin;
            """)
    }

    func currentAgencies() throws -> [Agency] {
        let rows = try store.query("SELECT \(PGRowDecoding.agencyColumns) FROM agency WHERE merged_into IS NULL ORDER BY id")
        return (0..<rows.count).map { PGRowDecoding.agency(rows, $0) }
    }

    func saveAliases(of agency: Agency) throws {
        try store.query("UPDATE agency SET aliases = $1 WHERE id = $2",
                        [agency.aliases.joined(separator: "\n"), String(agency.id)])
    }

    func insertAgency(_ agency: Agency) throws -> Agency {
        try store.insertAgency(agency, at: now)
    }

    func appendAudit(_ entry: AuditEntry, fromAgencyID: Int64?, toAgencyID: Int64?) throws {
        try store.appendAudit(entry, fromAgencyID: fromAgencyID, toAgencyID: toAgencyID)
    }

    func clockEngine() throws -> SLAClocks { try store.clockEngine() }

    func existing(_ trackingIDs: [String]) throws -> Set<String> {
        let rows = try store.query("""
            SELECT \(store.reportColumns), desk_touched FROM report WHERE tracking_id = ANY ($1::text[])
            """, [PGCopyText.arrayLiteral(trackingIDs)])
        for i in 0..<rows.count {
            let report = PGRowDecoding.report(rows, i)
            known[report.trackingID] = (report, PGRowDecoding.int(rows, i, 25) == 1)
        }
        return Set(known.keys)
    }

    func stored(trackingID: String) throws -> (report: Report, deskTouched: Bool)? {
        if let found = known[trackingID] { return found }
        let rows = try store.query("""
            SELECT \(store.reportColumns), desk_touched FROM report WHERE tracking_id = $1
            """, [trackingID])
        guard rows.count > 0 else { return nil }
        return (PGRowDecoding.report(rows, 0), PGRowDecoding.int(rows, 0, 25) == 1)
    }

    func comparable(_ stored: Report, with incoming: Report) throws -> Report {
        guard !store.readsIdentities, stored.identityProtected, incoming.identityProtected,
              !(incoming.reporterName.isEmpty && incoming.reporterContact.isEmpty) else { return stored }
        let same = try store.query("SELECT lapor_identity_is($1, $2, $3)",
                                   [String(stored.id), incoming.reporterName, incoming.reporterContact])
        guard same.text(0, 0) == "t" else { return stored }
        var comparable = stored
        comparable.reporterName = incoming.reporterName
        comparable.reporterContact = incoming.reporterContact
        return comparable
    }

    func storeOrigin(_ origin: ReportOrigin, trackingID: String) throws {
        if origins.updateValue(origin, forKey: trackingID) == nil { originOrder.append(trackingID) }
    }

    func holds(_ trackingID: String) -> Bool { stagedIDs.contains(trackingID) }

    func stage(_ r: Report, due: ClockReading?) throws {
        let text = { (value: String) in PGCopyText.escape(value) }
        let optional = { (value: String?) in value.map(PGCopyText.escape) ?? "\\N" }
        staged.append([String(staged.count), text(r.trackingID), PGRowDecoding.seconds(r.submittedAt), text(r.title),
                       text(r.body), text(r.category), text(r.subcategory), r.type.rawValue, r.channel.rawValue,
                       text(r.reporterName), text(r.reporterContact), r.anonymous ? "1" : "0", r.confidential ? "1" : "0",
                       text(r.kecamatan), text(r.kelurahan), text(r.address), optional(r.agencyID.map(String.init)),
                       r.state.rawValue, PGRowDecoding.seconds(now), optional(due.map { PGRowDecoding.seconds($0.deadline) }),
                       optional(due.map { PGRowDecoding.seconds($0.dueSoonAt) }), optional(due?.clock.rawValue)])
        stagedIDs.insert(r.trackingID)
        if r.type == .permintaanInformasi { holdsRequests = true }
    }

    func flush() throws -> Set<String> {
        try flushOrigins()
        guard !staged.isEmpty else { return [] }
        try store.copyIn("COPY import_stage FROM STDIN") { writer in
            for row in staged { try writer.row(row) }
        }
        try store.query("""
            WITH moved AS (
                INSERT INTO report (tracking_id, submitted_at, title, body, category, subcategory, type, channel,
                    reporter_name, reporter_contact, anonymous, confidential, kecamatan, kelurahan, address, agency_id, state,
                    bounces, returned, version, state_since, updated_at, due_at, due_soon_at, due_clock)
                SELECT tracking_id, submitted_at, title, body, category, subcategory, type, channel, reporter_name,
                    reporter_contact, anonymous, confidential, kecamatan, kelurahan, address, agency_id, state, 0, 0, 1,
                    submitted_at, updated_at, due_at, due_soon_at, due_clock
                FROM import_stage ORDER BY seq
                RETURNING id, submitted_at, type, state, agency_id, category, channel)
            INSERT INTO import_moved SELECT * FROM moved
            """)
        // Counted by the inserter (v3's triggers count changes only): one grouped upsert a table, in key order.
        try store.query("""
            INSERT INTO daily_count AS c (day, state, agency_id, category, channel, n)
                SELECT lapor_day(submitted_at), state, coalesce(agency_id, 0), category, channel, count(*)
                FROM import_moved GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
                ON CONFLICT (day, state, agency_id, category, channel) DO UPDATE SET n = c.n + excluded.n
            """)
        try store.query("""
            INSERT INTO daily_total AS t (day, n)
                SELECT lapor_day(submitted_at), count(*) FROM import_moved GROUP BY 1 ORDER BY 1
                ON CONFLICT (day) DO UPDATE SET n = t.n + excluded.n
            """)
        if holdsRequests {
            // Numbered per year of receipt in the desk's zone, in id order, as SQLite's register does.
            try store.query("""
                INSERT INTO info_request (report_id, year, seq)
                SELECT id, y, coalesce((SELECT max(seq) FROM info_request WHERE year = y), 0)
                    + row_number() OVER (PARTITION BY y ORDER BY id)
                FROM (SELECT id, extract(year FROM to_timestamp(submitted_at + $1) AT TIME ZONE 'UTC')::bigint AS y
                      FROM import_moved WHERE type = 'permintaan_informasi') AS r
                """, [String(store.zone.timeZone.secondsFromGMT())])
        }
        try store.query("""
            INSERT INTO audit (at, actor, role, action, report_id, to_state, to_agency_id, note)
            SELECT $1, $2, $3, 'import', id, state, agency_id, '' FROM import_moved ORDER BY id
            """, [PGRowDecoding.seconds(now), actor.login, actor.role.rawValue])
        try store.query("TRUNCATE import_stage, import_moved")
        let moved = stagedIDs
        staged.removeAll(keepingCapacity: true)
        stagedIDs.removeAll(keepingCapacity: true)
        holdsRequests = false
        return moved
    }

    /// What the exports said, one row per tracking id (the latest in the batch wins).
    private func flushOrigins() throws {
        guard !originOrder.isEmpty else { return }
        try store.copyIn("COPY import_origin FROM STDIN") { writer in
            for id in originOrder {
                guard let o = origins[id] else { continue }
                try writer.row([id, o.typeLabel, o.statusLabel, o.statusReason, o.channelLabel, o.originalBody,
                                o.parentAgency].map(PGCopyText.escape))
            }
        }
        try store.query("""
            INSERT INTO report_origin AS o (tracking_id, type_label, status_label, status_reason, channel_label,
                original_body, parent_agency)
            SELECT * FROM import_origin ORDER BY tracking_id
            ON CONFLICT (tracking_id) DO UPDATE SET type_label = excluded.type_label, status_label = excluded.status_label,
                status_reason = excluded.status_reason, channel_label = excluded.channel_label,
                original_body = excluded.original_body, parent_agency = excluded.parent_agency
            """)
        try store.query("TRUNCATE import_origin")
        origins.removeAll(keepingCapacity: true)
        originOrder.removeAll(keepingCapacity: true)
    }

    func update(_ r: Report, previous: Report, due: ClockReading?) throws {
        try store.query("""
            UPDATE report SET submitted_at = $1, title = $2, body = $3, category = $4, subcategory = $5, type = $6,
                channel = $7, reporter_name = $8, reporter_contact = $9, anonymous = $10, confidential = $11,
                kecamatan = $12, kelurahan = $13, address = $14, agency_id = $15, state = $16, version = version + 1,
                updated_at = $17, due_at = $18, due_soon_at = $19, due_clock = $20
            WHERE id = $21
            """, [PGRowDecoding.seconds(r.submittedAt), r.title, r.body, r.category, r.subcategory, r.type.rawValue,
                  r.channel.rawValue, r.reporterName, r.reporterContact, r.anonymous ? "1" : "0",
                  r.confidential ? "1" : "0", r.kecamatan, r.kelurahan, r.address, r.agencyID.map(String.init),
                  r.state.rawValue, PGRowDecoding.seconds(now), due.map { PGRowDecoding.seconds($0.deadline) },
                  due.map { PGRowDecoding.seconds($0.dueSoonAt) }, due?.clock.rawValue, String(r.id)])
        known[r.trackingID] = nil
        try appendAudit(AuditEntry(at: now, actor: actor.login, role: actor.role, action: "import_update",
                                   reportID: r.id, fromState: previous.state, toState: r.state),
                        fromAgencyID: previous.agencyID, toAgencyID: r.agencyID)
    }
}
