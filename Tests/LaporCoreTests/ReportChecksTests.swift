import Foundation
import GRDB
import Testing
@testable import LaporCore

/// Migration v14 rewrites the report table's text CHECKs as `=` chains: the same values pass and
/// the same are refused, on a database that already holds reports; bulk batches drop and restore
/// the insert triggers inside their transaction.
@Suite struct ReportChecksTests {
    static let insert = """
        INSERT INTO report (tracking_id, submitted_at, title, type, channel, state, agency_id, state_since, updated_at)
        VALUES (?, 0, 'Judul', ?, ?, ?, ?, 0, 0)
        """

    @Test func v14KeepsTheSameRulesWithoutInLists() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v13-information-requests")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO agency (code, name, created_at) VALUES ('DLH', 'Dinas Lingkungan Hidup', 0)")
            try db.execute(sql: Self.insert, arguments: ["A", "pengaduan", "web", "new", nil])
        }
        try Schema.migrator.migrate(queue)
        try queue.write { db in
            let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'report'") ?? ""
            #expect(!sql.contains("IN ('"), "\(sql)")
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            let agency = try Int64.fetchOne(db, sql: "SELECT id FROM agency WHERE code = 'DLH'")
            // Every allowed value still goes in.
            var n = 0
            for type in ReportChecks.types {
                for channel in ReportChecks.channels {
                    for state in ReportChecks.states {
                        n += 1
                        try db.execute(sql: Self.insert, arguments: ["T\(n)", type, channel, state, agency])
                    }
                }
            }
            // Unknown values, and a routed state without an agency, are refused as before.
            for (type, channel, state, agencyID) in [("keluhan", "web", "new", agency), ("pengaduan", "fax", "new", agency),
                                                     ("pengaduan", "web", "lost", agency), ("Pengaduan", "web", "new", agency),
                                                     ("pengaduan", "web", "dispositioned", nil), ("pengaduan", "web", "in_progress", nil)] {
                #expect(throws: DatabaseError.self, "\(type) \(channel) \(state)") {
                    try db.execute(sql: Self.insert, arguments: ["X", type, channel, state, agencyID])
                }
            }
            try db.execute(sql: Self.insert, arguments: ["N", "aspirasi", "sms", "verified", nil])
        }
    }

    @Test func aBatchRestoresTheInsertTriggersAndRollsBackWithThem() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        let triggers = { (db: Database) in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'report' ORDER BY name")
        }
        let before = try queue.read(triggers)
        #expect(before.count >= 3)
        try queue.write { db in
            try InsertTriggers.suspended(db) {
                #expect(try triggers(db).count == before.count - 3)
                try db.execute(sql: Self.insert, arguments: ["A", "pengaduan", "web", "new", nil])
            }
            #expect(try triggers(db) == before)
            // Without its trigger the row got no full-text entry; with it back, the next does.
            try db.execute(sql: Self.insert, arguments: ["B", "pengaduan", "web", "new", nil])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM report_text WHERE report_text MATCH 'judul'") == 1)
        }
        struct Failure: Error {}
        #expect(throws: Failure.self) {
            try queue.write { db in
                try InsertTriggers.suspended(db) { throw Failure() }
            }
        }
        #expect(try queue.read(triggers) == before)
    }
}
