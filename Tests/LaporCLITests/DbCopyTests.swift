import Foundation
import Testing
import LaporTestSupport
@testable import LaporCLI
@testable import LaporCore

/// `lapor db copy` and `lapor db check` against a real PostgreSQL server: the cluster
/// Tests/pg/cluster.sh starts (LAPOR_TEST_PG); each test makes a database of its own.
@Suite(.serialized, .enabled(if: PGTestServer.admin != nil, "needs LAPOR_TEST_PG_ADMIN (Tests/all.sh starts a cluster)"))
struct DbCopyTests {
    let now = "2026-11-24T09:00:00+07:00"

    func temp(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("lapor-\(name)-\(UUID().uuidString).sqlite").path
    }

    func run(_ arguments: [String]) -> (code: Int32, out: String) {
        Capture.stdout { LaporCLI.run(arguments) }
    }

    /// A small demo, a report whose text holds what COPY escapes, and a stored routing model (a blob).
    func source() throws -> String {
        let db = temp("source")
        let base = ["--db", db, "--as", "kabid.ikp", "--now", now]
        #expect(run(base + ["demo", "--days", "20"]).code == 0)
        let csv = temp("tricky") + ".csv"
        defer { try? FileManager.default.removeItem(atPath: csv) }
        let body = "Jalan \\N rusak\tparah; \\ \"\"kutip\"\" di C:\\data 😡 baris\nkedua"
        try """
            tracking_id,submitted_at,title,body,category,type,channel,reporter_name,reporter_contact,anonymous,confidential,kecamatan,kelurahan,agency,status
            TRICKY1,2026-11-20T08:00:00,Backslash \\N dan tab,"\(body)",Pekerjaan Umum,pengaduan,web,Nama\\Pelapor,0812,false,false,Laweyan,Bumi,,Belum Diverifikasi

            """.write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(run(base + ["import", csv]).code == 0)
        #expect(run(base + ["suggest", "TRICKY1"]).code == 0)
        return db
    }

    func summary(_ out: String) throws -> [String: Int] {
        let decoded = try JSONDecoder().decode(StoreCopy.Summary.self, from: Data(out.utf8))
        return Dictionary(uniqueKeysWithValues: decoded.tables.map { ($0.table, $0.rows) })
    }

    func export(_ db: String, _ format: String) throws -> Data {
        let file = temp("export") + "." + format
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(run(["--db", db, "--as", "kabid.ikp", "--now", now, "export", "--format", format, "-o", file]).code == 0)
        return try Data(contentsOf: URL(fileURLWithPath: file))
    }

    @Test func sqliteToPostgresAndBackGivesIdenticalExportsAndAudit() throws {
        let first = try source()
        let second = temp("back")
        defer { Capture.remove(first); Capture.remove(second) }
        let server = try PGTestServer.database()
        defer { PGTestServer.drop(server) }
        let there = run(["--as", "kabid.ikp", "db", "copy", first, server, "--json"])
        #expect(there.code == 0, "\(there.out)")
        let counts = try summary(there.out)
        #expect((counts["report"] ?? 0) > 1000)
        #expect((counts["audit"] ?? 0) > (counts["report"] ?? 0))
        #expect(counts["routing_model"] == 1)
        let check = run(["--db", server, "db", "check", "--json"])
        #expect(check.code == 0, "\(check.out)")
        #expect(check.out.contains("\"engine\" : \"postgresql\""))
        #expect(!check.out.contains("\"failed\""))
        let back = run(["--as", "kabid.ikp", "db", "copy", server, second, "--json"])
        #expect(back.code == 0, "\(back.out)")
        #expect(try summary(back.out) == counts)
        for format in ["csv", "json", "ndjson"] {
            #expect(try export(first, format) == export(second, format), "\(format) export differs")
        }
        let a = try LaporStore.open(path: first)
        let b = try LaporStore.open(path: second)
        for table in StoreTables.all {
            var left: [[StoreValue]] = []
            var right: [[StoreValue]] = []
            try a.tables.readRows(table) { left.append($0) }
            try b.tables.readRows(table) { right.append($0) }
            #expect(left.count == right.count, "\(table.name): \(left.count) rows before, \(right.count) after")
            let differing = Array(zip(left, right)).firstIndex { $0 != $1 }
            #expect(differing == nil, "\(table.name) row \(differing ?? 0) differs after the round trip")
        }
        #expect(run(["--db", second, "db", "check"]).code == 0)
        // The copied desk works: a lifecycle action lands on the copy with the next audit id.
        #expect(run(["--db", second, "--as", "op.sari", "--now", now, "verify", "TRICKY1"]).code == 0)
    }

    @Test func aTargetThatHoldsADeskIsRefusedAndKeepsWhatItHeld() throws {
        let first = try source()
        let other = try source()
        defer { Capture.remove(first); Capture.remove(other) }
        let before = try LaporStore.open(path: other).tables.rowCount(StoreTables.all[3])
        let refused = run(["--as", "kabid.ikp", "db", "copy", first, other])
        #expect(refused.code == 1)
        #expect(try LaporStore.open(path: other).tables.rowCount(StoreTables.all[3]) == before)
        let server = try PGTestServer.database()
        defer { PGTestServer.drop(server) }
        #expect(run(["--as", "kabid.ikp", "db", "copy", first, server]).code == 0)
        #expect(run(["--as", "kabid.ikp", "db", "copy", other, server]).code == 1)
    }

    @Test func onlyASupervisorOfTheSourceMayCopyIt() throws {
        let first = try source()
        let target = temp("target")
        defer { Capture.remove(first); Capture.remove(target) }
        #expect(run(["--as", "op.sari", "db", "copy", first, target]).code == 77)
        #expect(run(["--as", "nobody", "db", "copy", first, target]).code == 77)
        #expect(!FileManager.default.fileExists(atPath: target), "a refused copy leaves no file behind")
    }

    @Test func commandsNotYetOnAServerSaySo() throws {
        let server = try PGTestServer.database()
        defer { PGTestServer.drop(server) }
        #expect(run(["--db", server, "--as", "kabid.ikp", "list"]).code == 73, "no desk on the server yet")
        #expect(run(["--db", server, "--as", "kabid.ikp", "show", "X1"]).code == 73)
        #expect(run(["--db", server, "--as", "kabid.ikp", "init"]).code == 0, "init makes a desk on the server")
        #expect(run(["--db", server, "--as", "kabid.ikp", "list"]).code == 0)
        #expect(run(["--db", server, "--as", "kabid.ikp", "demo", "--days", "2"]).code == 2, "demo fills an empty database only")
        let unreachable = "postgresql://lapor@127.0.0.1:1/lapor?connect_timeout=2"
        #expect(run(["--db", unreachable, "db", "check"]).code == 73)
        #expect(run(["--as", "kabid.ikp", "db", "copy", unreachable, temp("never")]).code == 73)
    }

    /// Lookups are kept prepared on a connection; a new session after a lost one has none, so a
    /// read that recovers prepares them again instead of naming statements the server forgot.
    @Test func aReadAfterTheServerEndedTheSessionPreparesItsLookupsAgain() throws {
        let server = try PGTestServer.database()
        defer { PGTestServer.drop(server) }
        let store = try PGStore.open(uri: server)
        let user = try store.initialize(login: "kabid.ikp", at: Date(timeIntervalSince1970: 1_790_000_000))
        for _ in 0..<2 {
            #expect(throws: LaporError.reportNotFound("X1")) { try store.report("X1", for: user) }
        }
        let name = try #require(server.split(separator: "?").first?.split(separator: "/").last)
        try PGTestServer.execute("""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)' AND pid <> pg_backend_pid()
            """, on: try #require(PGTestServer.admin))
        #expect(throws: LaporError.reportNotFound("X1")) { try store.report("X1", for: user) }
        #expect(throws: LaporError.reportNotFound("X2")) { try store.report("X2", for: user) }
    }

    @Test func aCopyTheServerRefusesIsAnErrorNotACrash() throws {
        let server = try PGTestServer.database()
        defer { PGTestServer.drop(server) }
        let connection = try PGConnection(uri: server)
        #expect(throws: PGError.self) { try connection.copyIn("COPY no_such_table FROM STDIN") { _ in } }
        #expect(throws: PGError.self) { try connection.copyOut("COPY (SELECT 1/0) TO STDOUT") { _ in } }
        #expect(throws: PGError.self) { try connection.copyIn("SELECT 1") { _ in } }
        #expect(try connection.execute("SELECT 41 + 1").int(0, 0) == 42)
    }

    @Test func copyTextRoundTripsEveryValueKind() throws {
        let values: [(StoreValue, ColumnKind)] = [
            (.null, .text), (.text(""), .text), (.text("a\tb\nc\r\\N \\ d 😡"), .text), (.integer(-42), .integer),
            (.integer(Int64.max), .integer), (.real(0.1), .real), (.real(1), .real), (.real(-1e-5), .real),
            (.blob([0, 1, 0xFE, 0xFF]), .blob), (.blob([]), .blob),
        ]
        let line = try values.map { try PGCopyText.encode($0.0, table: "t", column: "c") }.joined(separator: "\t")
        let fields = Array(line.utf8).withUnsafeBufferPointer { PGCopyText.fields($0) }
        #expect(fields.count == values.count)
        for (field, expected) in zip(fields, values) {
            #expect(try PGCopyText.value(field, kind: expected.1, table: "t", column: "c") == expected.0)
        }
        #expect(throws: LaporError.self) { try PGCopyText.encode(.text("a\u{0}b"), table: "t", column: "c") }
    }
}
