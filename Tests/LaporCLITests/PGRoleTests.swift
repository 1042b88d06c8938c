import Foundation
import Testing
import LaporTestSupport
@testable import LaporCLI
@testable import LaporCore

/// The server keeps each desk role to its rights even outside the desk: `psql` connected as a
/// liaison, a viewer, an operator and a supervisor of a demo desk (issue 14's first test).
@Suite(.serialized, .enabled(if: PGTestServer.admin != nil, "needs LAPOR_TEST_PG_ADMIN (Tests/all.sh starts a cluster)"))
struct PGRoleTests {
    static let now = "2026-11-20T09:00:00+07:00"

    /// A 20-day demo made on a fresh database by the tests' superuser (its people get their roles).
    static let desk = Result<String, Error> {
        let server = try PGTestServer.database()
        guard EngineComparison.run(["--db", server, "--as", "kabid.ikp", "--now", now, "demo", "--days", "20", "--seed", "3"])
            .code == 0 else { throw LaporError.invalidArgument("demo failed") }
        return server
    }

    /// The desk's URI logged in as `login` (the tests' cluster trusts its socket; a real server
    /// asks for peer, GSSAPI or a password from ~/.pgpass).
    static func uri(_ server: String, as login: String) -> String {
        server.replacingOccurrences(of: "//lapor@", with: "//\(login)@")
    }

    /// `psql -At` as `login`: exit code, rows and the server's error text.
    static func psql(_ server: String, as login: String, _ sql: String) throws -> (code: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = ["-X", "-At", "-v", "ON_ERROR_STOP=1", "-d", uri(server, as: login), "-c", sql]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
                String(decoding: error, as: UTF8.self))
    }

    static func count(_ server: String, as login: String, _ sql: String) throws -> Int {
        let result = try psql(server, as: login, sql)
        #expect(result.code == 0, "\(login): \(sql): \(result.err)")
        return Int(result.out) ?? -1
    }

    static func refused(_ server: String, as login: String, _ sql: String) throws -> Bool {
        let result = try psql(server, as: login, sql)
        return result.code != 0 && (result.err.contains("permission denied") || result.err.contains("row-level security")
            || result.err.contains("may reveal"))
    }

    @Test func aLiaisonSeesOnlyItsAgencysReportsAndNoIdentity() throws {
        let server = try Self.desk.get()
        let owner = try PGConnection(uri: server)
        let dlh = try #require(owner.execute("SELECT id FROM agency WHERE code = 'DLH'").int(0, 0))
        let total = try #require(owner.execute("SELECT count(*) FROM report").int(0, 0))
        let theirs = try #require(owner.execute("""
            SELECT count(*) FROM report WHERE agency_id = \(dlh)
               OR id IN (SELECT report_id FROM audit WHERE to_agency_id = \(dlh))
            """).int(0, 0))
        #expect(theirs > 0 && theirs < total)
        #expect(try Self.count(server, as: "pd.dlh", "SELECT count(*) FROM report") == theirs)
        #expect(try Self.count(server, as: "pd.dlh", """
            SELECT count(*) FROM audit WHERE report_id IS NULL
               OR report_id NOT IN (SELECT id FROM report)
            """) == 0)
        #expect(try Self.count(server, as: "pd.dlh", "SELECT count(*) FROM audit") > 0)
        // Identities: the table is closed; the report rows carry an empty name and a pseudonym.
        let protected = try #require(owner.execute("""
            SELECT count(*) FROM report_identity WHERE report_id IN (SELECT id FROM report WHERE agency_id = \(dlh))
               AND name <> ''
            """).int(0, 0))
        #expect(protected > 0)
        #expect(try Self.refused(server, as: "pd.dlh", "SELECT name, contact FROM report_identity"))
        #expect(try Self.count(server, as: "pd.dlh", """
            SELECT count(*) FROM report WHERE (anonymous = 1 OR confidential = 1)
               AND (reporter_name <> '' OR (reporter_contact <> '' AND reporter_contact NOT LIKE 'anon-%'))
            """) == 0)
        #expect(try Self.count(server, as: "pd.dlh", """
            SELECT count(*) FROM report WHERE (anonymous = 1 OR confidential = 1) AND reporter_contact LIKE 'anon-%'
            """) > 0)
        #expect(try Self.refused(server, as: "pd.dlh", "SELECT * FROM lapor_reveal('pd.dlh', 0, '{1}', NULL, 'x')"))
        // The trail is insert-only; other agencies' rows and the people are out of reach.
        #expect(try Self.refused(server, as: "pd.dlh", "UPDATE audit SET note = 'x'"))
        #expect(try Self.refused(server, as: "pd.dlh", "DELETE FROM audit"))
        #expect(try Self.refused(server, as: "pd.dlh", "TRUNCATE audit"))
        #expect(try Self.refused(server, as: "pd.dlh", "UPDATE \"user\" SET role = 'supervisor' WHERE login = 'pd.dlh'"))
        let others = try Self.psql(server, as: "pd.dlh", "UPDATE report SET title = 'x' WHERE agency_id <> \(dlh)")
        #expect(others.code == 0 && others.out == "UPDATE 0", "\(others.err)")
        let touched = try owner.execute("SELECT count(*) FROM report WHERE title = 'x'").int(0, 0)
        #expect(touched == 0)
        // On the desk the liaison is the role it connects as.
        let acting = EngineComparison.run(["--db", Self.uri(server, as: "pd.dlh"), "--as", "kabid.ikp", "list"])
        #expect(acting.code == 77 && acting.out.isEmpty)
        let own = EngineComparison.run(["--db", Self.uri(server, as: "pd.dlh"), "--now", Self.now, "--json", "list",
                                        "--limit", "100000"])
        let current = try owner.execute("SELECT count(*) FROM report WHERE agency_id = \(dlh)").int(0, 0)
        #expect(own.code == 0 && own.out.components(separatedBy: "\"tracking_id\"").count - 1 == current)
    }

    @Test func aViewerReadsAndCannotWrite() throws {
        let server = try Self.desk.get()
        let owner = try PGConnection(uri: server)
        let total = try #require(owner.execute("SELECT count(*) FROM report").int(0, 0))
        #expect(try Self.count(server, as: "pimpinan", "SELECT count(*) FROM report") == total)
        #expect(try Self.refused(server, as: "pimpinan", "UPDATE report SET title = 'x' WHERE id = 1"))
        #expect(try Self.refused(server, as: "pimpinan", """
            INSERT INTO audit (at, actor, role, action) VALUES (0, 'pimpinan', 'viewer', 'note')
            """))
        #expect(try Self.refused(server, as: "pimpinan", "UPDATE agency SET name = 'x'"))
        #expect(try Self.refused(server, as: "pimpinan", "INSERT INTO setting VALUES ('x', 'y')"))
        #expect(try Self.refused(server, as: "pimpinan", "SELECT name FROM report_identity"))
        let newest = try owner.execute("SELECT tracking_id, version FROM report WHERE state = 'new' ORDER BY id LIMIT 1")
        let tracking = try #require(newest.text(0, 0))
        let verify = EngineComparison.run(["--db", Self.uri(server, as: "pimpinan"), "--now", Self.now, "verify", tracking])
        #expect(verify.code == 77)
        let version = try owner.execute("SELECT version FROM report WHERE tracking_id = $1", [tracking]).text(0, 0)
        #expect(version == newest.text(0, 1))
    }

    @Test func staffCannotReadIdentitiesOrRewriteTheTrail() throws {
        let server = try Self.desk.get()
        #expect(try Self.refused(server, as: "op.sari", "SELECT name FROM report_identity"))
        #expect(try Self.refused(server, as: "op.sari", "SELECT * FROM lapor_reveal('op.sari', 0, '{1}', NULL, 'x')"))
        #expect(try Self.refused(server, as: "op.sari", """
            INSERT INTO audit (at, actor, role, action) VALUES (0, 'kabid.ikp', 'supervisor', 'note')
            """))
        #expect(try Self.refused(server, as: "op.sari", "UPDATE \"user\" SET role = 'supervisor' WHERE login = 'op.sari'"))
        for login in ["op.sari", "kabid.ikp"] {
            #expect(try Self.refused(server, as: login, "UPDATE audit SET note = 'x' WHERE id = 1"))
            #expect(try Self.refused(server, as: login, "DELETE FROM audit WHERE id = 1"))
        }
    }

    @Test func aSupervisorsRevealLeavesOneRecord() throws {
        let server = try Self.desk.get()
        let owner = try PGConnection(uri: server)
        let row = try owner.execute("""
            SELECT r.id, i.name FROM report r JOIN report_identity i ON i.report_id = r.id WHERE i.name <> '' ORDER BY r.id LIMIT 1
            """)
        let id = try #require(row.text(0, 0))
        let reveals = "SELECT count(*) FROM audit WHERE action = 'reveal'"
        let before = try #require(owner.execute(reveals).int(0, 0))
        let revealed = try Self.psql(server, as: "kabid.ikp", """
            SELECT name FROM lapor_reveal('kabid.ikp', 1795000000, ARRAY[\(id)]::bigint[], \(id), 'psql')
            """)
        #expect(revealed.code == 0 && revealed.out == row.text(0, 1), "\(revealed.err)")
        let after = try owner.execute(reveals).int(0, 0)
        #expect(after == before + 1)
        let record = try owner.execute("SELECT actor, role, report_id, note FROM audit WHERE action = 'reveal' ORDER BY id DESC LIMIT 1")
        #expect(record.text(0, 0) == "kabid.ikp" && record.text(0, 1) == "supervisor" && record.text(0, 2) == id
                && record.text(0, 3) == "psql")
        // Another supervisor's name cannot be put on the record.
        #expect(try Self.refused(server, as: "kabid.ikp", "SELECT * FROM lapor_reveal('op.sari', 0, '{1}', NULL, 'x')"))
        let unchanged = try owner.execute(reveals).int(0, 0)
        #expect(unchanged == before + 1)
        // Through the desk: the supervisor connected as itself reveals, and so the trail says.
        let show = EngineComparison.run(["--db", Self.uri(server, as: "kabid.ikp"), "--now", Self.now, "--json",
                                         "show", id, "--reveal"])
        let name = try #require(row.text(0, 1))
        #expect(show.code == 0 && show.out.contains(name))
        let last = try owner.execute(reveals).int(0, 0)
        #expect(last == before + 2)
    }

    /// An operator's role reads identities masked, yet re-importing a revealed export finds every
    /// report unchanged, and a changed name lands (the server compares; the operator never reads it).
    @Test func anOperatorReimportsWithoutReadingIdentities() throws {
        let server = try Self.desk.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-roles-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = folder + "/revealed.csv"
        let supervisor = ["--db", Self.uri(server, as: "kabid.ikp"), "--now", Self.now]
        #expect(EngineComparison.run(supervisor + ["export", "--reveal", "-o", csv]).code == 0)
        let operatorDesk = ["--db", Self.uri(server, as: "op.sari"), "--now", Self.now, "--json"]
        let again = EngineComparison.run(operatorDesk + ["import", csv])
        #expect(again.code == 0 && again.out.contains("\"updated\" : 0") && again.out.contains("\"inserted\" : 0"),
                "\(again.out.prefix(400))")
        let owner = try PGConnection(uri: server)
        let row = try owner.execute("""
            SELECT r.tracking_id, i.name FROM report r JOIN report_identity i ON i.report_id = r.id
            WHERE i.name <> '' ORDER BY r.id LIMIT 1
            """)
        let tracking = try #require(row.text(0, 0))
        let name = try #require(row.text(0, 1))
        var text = try String(contentsOfFile: csv, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(tracking + ",") })
        text = text.replacingOccurrences(of: String(line), with: line.replacingOccurrences(of: name, with: "Warga Baru"))
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        let changed = EngineComparison.run(operatorDesk + ["import", csv])
        #expect(changed.code == 0 && changed.out.contains("\"updated\" : 1"), "\(changed.out.prefix(400))")
        let stored = try owner.execute("""
            SELECT i.name FROM report_identity i JOIN report r ON r.id = i.report_id WHERE r.tracking_id = $1
            """, [tracking]).text(0, 0)
        #expect(stored == "Warga Baru")
    }

    /// `lapor user add` by a supervisor connected as itself makes the person's server role; a
    /// supervisor whose role may not create roles is refused and nothing is added.
    @Test func aSupervisorAddsAPersonAndTheirRole() throws {
        let server = try Self.desk.get()
        let login = "op.w" + UUID().uuidString.prefix(6).lowercased()
        let supervisor = ["--db", Self.uri(server, as: "kabid.ikp"), "--now", Self.now]
        #expect(EngineComparison.run(supervisor + ["user", "add", login, "--role", "operator"]).code == 0)
        #expect(try Self.count(server, as: login, "SELECT count(*) FROM report") > 0)
        #expect(try Self.refused(server, as: login, "SELECT name FROM report_identity"))
        let owner = try PGConnection(uri: server)
        try owner.execute("ALTER ROLE \"kabid.ikp\" NOCREATEROLE")
        defer { _ = try? owner.execute("ALTER ROLE \"kabid.ikp\" CREATEROLE") }
        let refused = EngineComparison.run(supervisor + ["user", "add", login + "x", "--role", "operator"])
        #expect(refused.code == 77)
        let added = try owner.execute("SELECT count(*) FROM \"user\" WHERE login = $1", [login + "x"]).int(0, 0)
        #expect(added == 0)
    }
}
