import Foundation
import GRDB
import GRDBSQLite

/// The demo's reports and their histories, gathered in TEMP tables through SQLite's C API and
/// moved into `report` and `audit` with one statement per table and batch, as an import batch is
/// (`ImportStage`): row by row through GRDB, with the full-text and counter triggers firing for
/// each report, 100,000 demo reports took 18 s. The rows written are the ones the row-by-row
/// path wrote: the same reports, deadlines, counters, full-text rows and audit records.
public struct DemoStage {
    /// Reports per move: the TEMP tables stay a few MB.
    public static let batch = 5_000
    private let batch: Int
    private var reports: FastInsert
    private var events: FastInsert
    private var count = 0
    /// Requests of the batch (position in the batch, purpose, delivery, history), registered after the move.
    private var requests: [(seq: Int, purpose: String, delivery: String, events: [DemoEvent])] = []

    init(_ db: Database, batch: Int = DemoStage.batch) throws {
        self.batch = max(1, batch)
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS demo_report (
                seq INTEGER PRIMARY KEY, tracking_id TEXT NOT NULL, submitted_at INTEGER NOT NULL, title TEXT NOT NULL,
                body TEXT NOT NULL, category TEXT NOT NULL, type TEXT NOT NULL, channel TEXT NOT NULL,
                reporter_name TEXT NOT NULL, reporter_contact TEXT NOT NULL, anonymous INTEGER NOT NULL,
                confidential INTEGER NOT NULL, kecamatan TEXT NOT NULL, kelurahan TEXT NOT NULL, address TEXT NOT NULL,
                agency_id INTEGER, state TEXT NOT NULL, bounces INTEGER NOT NULL, returned INTEGER NOT NULL,
                version INTEGER NOT NULL, updated_at INTEGER NOT NULL, due_at INTEGER, due_soon_at INTEGER, due_clock TEXT);
            CREATE TEMP TABLE IF NOT EXISTS demo_audit (
                seq INTEGER PRIMARY KEY, report_seq INTEGER NOT NULL, at INTEGER NOT NULL, actor TEXT NOT NULL,
                role TEXT NOT NULL, action TEXT NOT NULL, from_state TEXT, to_state TEXT, from_agency_id INTEGER,
                to_agency_id INTEGER, note TEXT, detail TEXT);
            DELETE FROM temp.demo_report;
            DELETE FROM temp.demo_audit;
            """)
        reports = try FastInsert(db, sql: """
            INSERT INTO temp.demo_report (seq, tracking_id, submitted_at, title, body, category, type, channel, reporter_name,
                reporter_contact, anonymous, confidential, kecamatan, kelurahan, address, agency_id, state, bounces, returned,
                version, updated_at, due_at, due_soon_at, due_clock)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        events = try FastInsert(db, sql: """
            INSERT INTO temp.demo_audit (report_seq, at, actor, role, action, from_state, to_state, from_agency_id,
                to_agency_id, note, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    var isFull: Bool { count >= batch }

    /// Stages one demo report with its history and its earliest running deadline.
    mutating func add(_ db: Database, _ item: DemoReport, agencyIDs: [String: Int64], engine: SLAClocks) throws {
        let r = item.report
        count += 1
        let updated = RowDecoding.seconds(r.updatedAt)
        var running: [ClockReading] = []
        if r.state.isOpen {
            let clockEvents = item.events.map {
                ClockEvent(action: $0.action, at: $0.at, from: $0.from, toAgencyID: $0.toAgency.flatMap { agencyIDs[$0] })
            }
            running = engine.readings(submitted: r.submittedAt, events: clockEvents, now: r.submittedAt, type: r.type)
                .filter(\.isRunning)
        }
        let first = running.min { $0.deadline < $1.deadline }
        reports.int(Int64(count))
        reports.text(r.trackingID)
        reports.int(RowDecoding.seconds(r.submittedAt))
        reports.text(r.title); reports.text(r.body); reports.text(r.category)
        reports.text(r.type.rawValue); reports.text(r.channel.rawValue)
        reports.text(r.reporterName); reports.text(r.reporterContact)
        reports.int(r.anonymous ? 1 : 0)
        reports.int(r.confidential ? 1 : 0)
        reports.text(r.kecamatan); reports.text(r.kelurahan); reports.text(r.address)
        reports.int(item.agencyCode.flatMap { agencyIDs[$0] })
        reports.text(r.state.rawValue)
        reports.int(Int64(r.bounces))
        reports.int(r.returned ? 1 : 0)
        reports.int(Int64(r.version))
        reports.int(updated)
        reports.int(first.map { RowDecoding.seconds($0.deadline) })
        reports.int(running.map(\.dueSoonAt).min().map(RowDecoding.seconds))
        reports.optionalText(first?.clock.rawValue)
        try reports.run(db)
        for e in item.events {
            events.int(Int64(count))
            events.int(RowDecoding.seconds(e.at))
            events.text(e.actor); events.text(e.role.rawValue); events.text(e.action.rawValue)
            events.text(e.from.rawValue); events.text(e.to.rawValue)
            events.int(e.fromAgency.flatMap { agencyIDs[$0] })
            events.int(e.toAgency.flatMap { agencyIDs[$0] })
            events.text(e.note)
            events.optionalText(e.detail?.auditText)
            try events.run(db)
        }
        if let details = item.request {
            requests.append((count, details.purpose, details.delivery, item.events))
        }
    }

    /// Moves the staged reports into `report` in order, then their histories into `audit`.
    mutating func flush(_ db: Database) throws {
        guard count > 0 else { return }
        let before = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM report") ?? 0
        // The batch adds its full-text rows, counters and request numbers below, in one statement each.
        try InsertTriggers.suspended(db) {
            try db.execute(sql: """
                INSERT INTO report (id, tracking_id, submitted_at, title, body, category, subcategory, type, channel, reporter_name,
                    reporter_contact, anonymous, confidential, kecamatan, kelurahan, address, agency_id, state, bounces, returned,
                    version, state_since, updated_at, due_at, due_soon_at, due_clock, desk_touched)
                SELECT ? + seq, tracking_id, submitted_at, title, body, category, '', type, channel, reporter_name,
                    reporter_contact, anonymous, confidential, kecamatan, kelurahan, address, agency_id, state, bounces, returned,
                    version, updated_at, updated_at, due_at, due_soon_at, due_clock, 1
                FROM temp.demo_report ORDER BY seq;
                """, arguments: [before])
        }
        try db.execute(sql: "INSERT INTO report_text (rowid, title, body) SELECT id, title, body FROM report WHERE id > ?",
                       arguments: [before])
        let offset = try LaporStore.zoneOffset(db)
        try DailyCounters.addStaged(db, table: "temp.demo_report", offsetSeconds: offset)
        try db.execute(sql: """
            INSERT INTO audit (at, actor, role, action, report_id, from_state, to_state, from_agency_id, to_agency_id, note, detail)
            SELECT at, actor, role, action, ? + report_seq, from_state, to_state, from_agency_id, to_agency_id, note, detail
            FROM temp.demo_audit ORDER BY seq;
            DELETE FROM temp.demo_report;
            DELETE FROM temp.demo_audit;
            """, arguments: [before])
        if !requests.isEmpty {
            try RequestRegister.registerNew(db, after: before, offsetSeconds: offset)
            let details = try db.cachedStatement(sql: "UPDATE info_request SET purpose = ?, delivery = ? WHERE report_id = ?")
            for request in requests {
                let id = before + Int64(request.seq)
                try details.execute(arguments: [request.purpose, request.delivery, id])
                let register = InformationRequest(reportID: id, year: 0, sequence: 0)
                for e in request.events {
                    try LaporStore.recordRequestStep(db, e.action, request: register, from: e.from, detail: e.detail ?? .none, at: e.at)
                }
            }
        }
        requests.removeAll(keepingCapacity: true)
        count = 0
    }
}
