import GRDB

/// The database schema as named migrations. A migration that has shipped is never edited:
/// changes go in a new one appended below.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-core") { db in
            try db.execute(sql: """
                CREATE TABLE setting (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                CREATE TABLE agency (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) BETWEEN 1 AND 32),
                    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
                    aliases TEXT NOT NULL DEFAULT '',
                    calendar TEXT,
                    created_at INTEGER NOT NULL
                );
                CREATE TABLE user (
                    id INTEGER PRIMARY KEY,
                    login TEXT NOT NULL UNIQUE CHECK (login <> ''),
                    name TEXT NOT NULL DEFAULT '',
                    role TEXT NOT NULL CHECK (role IN ('operator', 'supervisor', 'agency', 'viewer', 'system')),
                    agency_id INTEGER REFERENCES agency(id),
                    created_at INTEGER NOT NULL,
                    CHECK ((role = 'agency') = (agency_id IS NOT NULL))
                );
                CREATE TABLE report (
                    id INTEGER PRIMARY KEY,
                    tracking_id TEXT NOT NULL UNIQUE CHECK (tracking_id <> ''),
                    submitted_at INTEGER NOT NULL,
                    title TEXT NOT NULL DEFAULT '',
                    body TEXT NOT NULL DEFAULT '',
                    category TEXT NOT NULL DEFAULT '',
                    subcategory TEXT NOT NULL DEFAULT '',
                    type TEXT NOT NULL CHECK (type IN ('pengaduan', 'aspirasi', 'permintaan_informasi')),
                    channel TEXT NOT NULL CHECK (channel IN ('web', 'mobile', 'sms', 'twitter', 'whatsapp', 'call_centre', 'walk_in', 'email', 'other')),
                    reporter_name TEXT NOT NULL DEFAULT '',
                    reporter_contact TEXT NOT NULL DEFAULT '',
                    anonymous INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
                    confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
                    kecamatan TEXT NOT NULL DEFAULT '',
                    kelurahan TEXT NOT NULL DEFAULT '',
                    address TEXT NOT NULL DEFAULT '',
                    agency_id INTEGER REFERENCES agency(id),
                    state TEXT NOT NULL CHECK (state IN ('new', 'on_hold', 'verified', 'dispositioned', 'in_progress', 'awaiting_reporter', 'resolved', 'archived')),
                    bounces INTEGER NOT NULL DEFAULT 0 CHECK (bounces >= 0),
                    returned INTEGER NOT NULL DEFAULT 0 CHECK (returned IN (0, 1)),
                    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
                    state_since INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    desk_touched INTEGER NOT NULL DEFAULT 0 CHECK (desk_touched IN (0, 1)),
                    CHECK (title <> '' OR body <> ''),
                    CHECK (state NOT IN ('dispositioned', 'in_progress', 'awaiting_reporter') OR agency_id IS NOT NULL)
                );
                CREATE INDEX report_state_submitted ON report(state, submitted_at);
                CREATE INDEX report_agency_state ON report(agency_id, state);
                CREATE INDEX report_submitted ON report(submitted_at);
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    role TEXT NOT NULL,
                    action TEXT NOT NULL CHECK (action <> ''),
                    report_id INTEGER REFERENCES report(id),
                    from_state TEXT,
                    to_state TEXT,
                    from_agency_id INTEGER REFERENCES agency(id),
                    to_agency_id INTEGER REFERENCES agency(id),
                    note TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX audit_report ON audit(report_id, id);
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                """)
            try db.execute(sql: "INSERT INTO user (login, name, role, created_at) VALUES (?, 'Sistem Lapor Desk', 'system', 0)",
                           arguments: [User.systemLogin])
        }
        migrator.registerMigration("v2-sla-routing-search") { db in
            try db.execute(sql: """
                CREATE TABLE holiday (
                    calendar TEXT NOT NULL CHECK (calendar <> ''),
                    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                    name TEXT NOT NULL CHECK (name <> ''),
                    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'cuti_bersama', 'closure')),
                    source TEXT NOT NULL DEFAULT '',
                    PRIMARY KEY (calendar, date)
                );
                CREATE TABLE routing_rule (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('category', 'keyword', 'kecamatan')),
                    pattern TEXT NOT NULL CHECK (pattern <> ''),
                    agency_id INTEGER NOT NULL REFERENCES agency(id),
                    weight REAL NOT NULL DEFAULT 1 CHECK (weight > 0),
                    categories TEXT NOT NULL DEFAULT '',
                    UNIQUE (kind, pattern, agency_id)
                );
                ALTER TABLE report ADD COLUMN due_at INTEGER;
                ALTER TABLE report ADD COLUMN due_soon_at INTEGER;
                ALTER TABLE report ADD COLUMN due_clock TEXT;
                CREATE INDEX report_due ON report(due_at) WHERE due_at IS NOT NULL;
                CREATE VIRTUAL TABLE report_text USING fts5(
                    title, body, content='report', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
                );
                INSERT INTO report_text(report_text) VALUES ('rebuild');
                CREATE TRIGGER report_text_insert AFTER INSERT ON report BEGIN
                    INSERT INTO report_text(rowid, title, body) VALUES (new.id, new.title, new.body);
                END;
                CREATE TRIGGER report_text_delete AFTER DELETE ON report BEGIN
                    INSERT INTO report_text(report_text, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
                END;
                CREATE TRIGGER report_text_update AFTER UPDATE OF title, body ON report BEGIN
                    INSERT INTO report_text(report_text, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
                    INSERT INTO report_text(rowid, title, body) VALUES (new.id, new.title, new.body);
                END;
                """)
            for entry in CalendarEntry.bundledDefaults {
                try db.execute(sql: "INSERT OR IGNORE INTO holiday (calendar, date, name, kind, source) VALUES (?, ?, ?, ?, ?)",
                               arguments: [entry.calendar, entry.date.text, entry.name, entry.kind.rawValue, entry.source])
            }
            _ = try LaporStore.recomputeDue(db)
        }
        migrator.registerMigration("v3-daily-counts") { db in
            try db.execute(sql: """
                CREATE TABLE daily_count (
                    day INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    agency_id INTEGER NOT NULL,
                    category TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    n INTEGER NOT NULL,
                    PRIMARY KEY (day, state, agency_id, category, channel)
                ) WITHOUT ROWID;
                CREATE TABLE daily_total (
                    day INTEGER PRIMARY KEY NOT NULL,
                    n INTEGER NOT NULL
                );
                """)
            try DailyCounters.install(db, offsetSeconds: try LaporStore.zoneOffset(db))
        }
        // The insert triggers for counters and full text stand aside while an import batch adds
        // both in one statement each (BulkImportFlag); reinstalling the counters also recounts.
        migrator.registerMigration("v4-bulk-import") { db in
            try DailyCounters.install(db, offsetSeconds: try LaporStore.zoneOffset(db))
            try db.execute(sql: """
                DROP TRIGGER report_text_insert;
                CREATE TRIGGER report_text_insert AFTER INSERT ON report \(BulkImportFlag.whenAbsent) BEGIN
                    INSERT INTO report_text(rowid, title, body) VALUES (new.id, new.title, new.body);
                END;
                """)
        }
        // The desk's limits by agency: `~a X` in submission order and `~a X ~o` read an index
        // range instead of every report of the agency (116 ms and 195 ms → 1 ms and 4 ms at 1M).
        migrator.registerMigration("v5-agency-order-indexes") { db in
            try db.execute(sql: """
                CREATE INDEX report_agency_submitted ON report(agency_id, submitted_at);
                CREATE INDEX report_agency_due ON report(agency_id, due_at) WHERE due_at IS NOT NULL;
                """)
        }
        // Pauses on working-day clocks count working time, not wall-clock time (issue 18): every open
        // report's stored deadline is replayed once under the new rule.
        migrator.registerMigration("v6-sla-pause-working-time") { db in
            _ = try LaporStore.recomputeDue(db)
        }
        // What an export said in its own words (ReportOrigin), by tracking id so an import batch
        // can write it before the staged reports have their ids.
        migrator.registerMigration("v7-report-origin") { db in
            try db.execute(sql: """
                CREATE TABLE report_origin (
                    tracking_id TEXT PRIMARY KEY NOT NULL,
                    type_label TEXT NOT NULL DEFAULT '',
                    status_label TEXT NOT NULL DEFAULT '',
                    status_reason TEXT NOT NULL DEFAULT '',
                    channel_label TEXT NOT NULL DEFAULT '',
                    original_body TEXT NOT NULL DEFAULT '',
                    parent_agency TEXT NOT NULL DEFAULT ''
                ) WITHOUT ROWID;
                """)
        }
        // `lapor agency merge`: a merged agency stays for the audit trail to point at.
        migrator.registerMigration("v8-agency-merge") { db in
            try db.execute(sql: "ALTER TABLE agency ADD COLUMN merged_into INTEGER REFERENCES agency(id)")
        }
        // The trained routing model, kept so `suggest` reads it instead of training on every call.
        migrator.registerMigration("v9-routing-model") { db in
            try db.execute(sql: """
                CREATE TABLE routing_model (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    through_audit_id INTEGER NOT NULL,
                    documents INTEGER NOT NULL,
                    data BLOB NOT NULL
                );
                """)
        }
        // Election days decreed holidays outside the SKB (found by checking 2024 against an outside
        // calendar): added to existing desks too, and their open deadlines recomputed.
        migrator.registerMigration("v10-election-holidays-2024") { db in
            for entry in CalendarEntry.bundledDefaults where ["2024-02-14", "2024-11-27"].contains(entry.date.text) {
                try db.execute(sql: "INSERT OR IGNORE INTO holiday (calendar, date, name, kind, source) VALUES (?, ?, ?, ?, ?)",
                               arguments: [entry.calendar, entry.date.text, entry.name, entry.kind.rawValue, entry.source])
            }
            try LaporStore.recomputeDue(db)
        }
        // Reply templates, with the starter set a new desk (and an existing one) begins with.
        migrator.registerMigration("v11-reply-templates") { db in
            try db.execute(sql: """
                CREATE TABLE reply_template (
                    name TEXT PRIMARY KEY,
                    lang TEXT NOT NULL,
                    actions TEXT NOT NULL,
                    agency_id INTEGER REFERENCES agency(id),
                    text TEXT NOT NULL,
                    updated_at INTEGER NOT NULL,
                    updated_by TEXT NOT NULL
                );
                """)
            for template in StarterTemplates.all {
                let t = try template.validated()
                try db.execute(sql: """
                    INSERT INTO reply_template (name, lang, actions, agency_id, text, updated_at, updated_by)
                    VALUES (?, ?, ?, NULL, ?, 0, 'system')
                    """, arguments: [t.name, t.language.rawValue, t.actions.map(\.rawValue).joined(separator: ","), t.text])
            }
        }
        // Incidents: a report points at its incident's primary (the primary at itself); an action
        // that reached a member through its primary says so in the audit trail. The time index
        // carries the kelurahan, so similar reports of a place and week are found from its entries
        // alone, without one more index for every import to keep.
        migrator.registerMigration("v12-incidents") { db in
            try db.execute(sql: """
                ALTER TABLE report ADD COLUMN incident_of INTEGER REFERENCES report(id);
                CREATE INDEX report_incident ON report(incident_of) WHERE incident_of IS NOT NULL;
                DROP INDEX report_submitted;
                CREATE INDEX report_submitted ON report(submitted_at, kelurahan);
                ALTER TABLE audit ADD COLUMN via_incident INTEGER REFERENCES report(id);
                """)
        }
        // Information requests under UU 14/2008: the objected state, the PPID's register, decisions in the audit trail.
        migrator.registerMigration("v13-information-requests") { db in
            try RequestRegister.migrate(db)
        }
        // The report's text CHECKs as `=` chains: the same rule, a quarter of a bulk insert's cost.
        migrator.registerMigration("v14-fast-checks") { db in
            try ReportChecks.migrate(db)
        }
        return migrator
    }
}
