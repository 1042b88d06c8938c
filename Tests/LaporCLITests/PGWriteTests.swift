import Foundation
import Testing
import LaporTestSupport
@testable import LaporCLI
@testable import LaporCore

/// The lifecycle actions on PostgreSQL: the same commands on a desk in a file and on its copy on a
/// server answer alike and leave the same desk behind; eight processes acting at once on the same
/// reports lose and double nothing.
@Suite(.serialized, .enabled(if: PGTestServer.admin != nil, "needs LAPOR_TEST_PG_ADMIN (Tests/all.sh starts a cluster)"))
struct PGWriteTests {
    static let now = "2026-11-20T09:00:00+07:00"

    static func run(_ arguments: [String]) -> (code: Int32, out: String) { EngineComparison.run(arguments) }

    /// A 20-day demo with one incident (an open primary and three members), in a file and on a server.
    static func desk() throws -> (file: String, server: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-pgwrite-\(UUID().uuidString).sqlite").path
        let base = ["--db", file, "--as", "kabid.ikp", "--now", now]
        guard run(base + ["demo", "--days", "20", "--seed", "3"]).code == 0 else {
            throw LaporError.invalidArgument("demo failed")
        }
        guard run(base + ["group", "into", "3000418", "3000645", "3001207", "3001191", "--into", "3000646"]).code == 0 else {
            throw LaporError.invalidArgument("group failed")
        }
        let server = try PGTestServer.database()
        guard run(["--as", "kabid.ikp", "db", "copy", file, server]).code == 0 else {
            throw LaporError.invalidArgument("db copy failed")
        }
        return (file, server)
    }

    /// Every lifecycle action, by every role, landing and refused: on incidents (members reached
    /// and refused), information requests (decide, extend, object, the objection's answer, the
    /// dispute, and the legal clocks refusing), templates filled per report, stale and unknown ids.
    static let script: [[String]] = [
        ["--as", "op.sari", "verify", "3001212"],
        ["--as", "op.sari", "route", "3001212", "--to", "pdam", "--template", "diteruskan"],
        ["--as", "op.sari", "route", "3001212", "--to", "DLH"],
        ["--as", "op.sari", "route", "3001212", "--to", "DLH", "--reroute", "--note", "salah instansi"],
        ["--as", "op.sari", "route", "3001212", "--to", "DLH", "--reroute"],
        ["--as", "pd.dlh", "return", "3001212", "--template", "bukan-wewenang"],
        ["--as", "pd.dlh", "return", "3001212", "--note", "lagi"],
        ["--as", "op.budi", "route", "3001212", "--to", "Dinas Lingkungan Hidup", "--reroute"],
        ["--as", "op.budi", "route", "3001212", "--to", "PUPR", "--reroute"],
        ["--as", "pd.pupr", "follow-up", "3001212", "--template", "tindak-lanjut"],
        ["--as", "pd.pupr", "respond", "3001212", "--note", "sudah diperbaiki"],
        ["--as", "op.sari", "dispute", "3001212", "--note", "belum beres"],
        ["--as", "pd.pupr", "respond", "3001212", "--template", "dijawab"],
        ["--as", "op.budi", "resolve", "3001212"],
        ["--as", "op.budi", "reopen", "3001212", "--note", "warga lapor lagi"],
        ["--as", "kabid.ikp", "reopen", "3001212", "--note", "warga lapor lagi"],
        ["--as", "pimpinan", "resolve", "3001212"],
        ["--as", "pd.dlh", "resolve", "3001212"],
        ["--as", "op.sari", "hold", "3001249", "--note", ""],
        ["--as", "op.sari", "hold", "3001249", "--template", "tunda-lengkapi"],
        ["--as", "op.sari", "release", "3001249"],
        ["--as", "op.sari", "archive", "3001249", "--template", "arsip-spam"],
        ["--as", "kabid.ikp", "archive", "3001249", "--template", "archived-spam"],
        ["--as", "kabid.ikp", "verify", "NO-SUCH", "3001249"],
        // The incident: its primary is routed, so a re-route and a follow-up reach the members.
        ["--as", "op.sari", "route", "3000646", "--to", "PUPR", "--reroute", "--template", "forwarded"],
        ["--as", "pd.pupr", "follow-up", "3000646", "--note", "tim turun"],
        ["--as", "pd.pupr", "respond", "3000646", "--template", "answered"],
        ["--as", "kabid.ikp", "resolve", "3000646"],
        ["--as", "kabid.ikp", "reopen", "3000646", "--note", "belum tuntas"],
        // Information requests: the legal steps and their refusals.
        ["--as", "op.sari", "route", "3000015", "--to", "DISKOMINFO"],
        ["--as", "pd.diskominfo", "extend", "3000015", "--note", "butuh waktu"],
        ["--as", "pd.diskominfo", "decide", "3000015", "--decision", "refused", "--ground", "pasal17:b",
         "--note", "dikecualikan"],
        ["--as", "pd.diskominfo", "decide", "3000015", "--decision", "granted", "--note", "x"],
        ["--as", "op.sari", "object", "3000015", "--note", "keberatan pemohon"],
        ["--as", "kabid.ikp", "respond", "3000015", "--outcome", "accepted", "--note", "diterima"],
        ["--as", "kabid.ikp", "dispute", "3000015", "--note", "ke Komisi Informasi"],
        ["--as", "op.sari", "decide", "3000152", "--decision", "granted", "--note", "diberikan"],
        ["--as", "op.sari", "decide", "3001212", "--decision", "granted", "--note", "bukan permohonan"],
    ]

    /// Also with each command connected as its user's own server role: the grants and row-level
    /// security let every action the core allows through, and the desk ends the same.
    @Test(arguments: [false, true]) func everyActionAnswersAndLeavesTheDeskAsOnSQLite(connected: Bool) throws {
        let (file, server) = try Self.desk()
        defer { Capture.remove(file) }
        // Each command runs twice (text, then JSON); the second run meets the first one's result.
        let landed = EngineComparison.compare(Self.script, file, server, now: Self.now, connected: connected)
        #expect(landed >= 20, "the script lands most of its actions (\(landed))")
        let readers: [[String]] = [
            ["--as", "kabid.ikp", "audit", "--json", "--limit", "100000"],
            ["--as", "kabid.ikp", "export", "--format", "csv"],
            ["--as", "kabid.ikp", "export", "--format", "ndjson"],
            ["--as", "pd.pupr", "export", "--format", "json"],
            ["--as", "kabid.ikp", "show", "3000646", "--json"],
            ["--as", "kabid.ikp", "show", "3001191"],
            ["--as", "kabid.ikp", "show", "3000015"],
            ["--as", "kabid.ikp", "show", "3001212", "--json"],
            ["--as", "kabid.ikp", "list", "--where", "~o ~w 2", "--ids", "--limit", "100000"],
            // What supervisors and leaders read.
            ["--as", "kabid.ikp", "sla", "--json"],
            ["--as", "kabid.ikp", "sla", "--where", "~a PUPR | ~G", "--limit", "400"],
            ["--as", "pd.pupr", "sla", "--json"],
            ["--as", "kabid.ikp", "stats", "trend", "--json"],
            ["--as", "kabid.ikp", "stats", "trend", "--where", "~a DLH ~h web"],
            ["--as", "pd.dlh", "stats", "trend", "--json"],
            ["--as", "kabid.ikp", "stats", "compare", "2026-11-01..2026-11-07", "2026-11-08..2026-11-14"],
            ["--as", "kabid.ikp", "stats", "board", "--json"],
            ["--as", "kabid.ikp", "stats", "board", "--from", "2026-11-05", "--to", "2026-11-12"],
            ["--as", "pd.pupr", "stats", "board", "--json"],
            ["--as", "kabid.ikp", "stats", "verify", "--json"],
        ]
        EngineComparison.expectSameReads(readers, file, server, prefix: ["--now", "2026-11-24T10:00:00+07:00"])
        let check = Self.run(["--db", server, "--as", "kabid.ikp", "--json", "db", "check"])
        #expect(check.code == 0, "db check: \(check.out.prefix(400))")
        #expect(check.out.contains("\"daily counters\""))
    }

    /// `sla --apply` closes and escalates the same reports on both engines, leaves the same trail,
    /// and a second run (or two at once on the server) changes nothing more.
    @Test func automaticActionsAreTheSameAndHappenOnce() throws {
        let (file, server) = try Self.desk()
        defer { Capture.remove(file) }
        let later = ["--now", "2026-12-10T09:00:00+07:00", "--as", "kabid.ikp"]
        let here = Self.run(["--db", file] + later + ["--json", "sla", "--apply"])
        let there = Self.run(["--db", server] + later + ["--json", "sla", "--apply"])
        #expect(here.code == 0 && here.out == there.out, "\(here.out.prefix(300)) | \(there.out.prefix(300))")
        let result = try JSONSerialization.jsonObject(with: Data(there.out.utf8)) as? [String: Any]
        let closed = (result?["auto_closed"] as? [Any])?.count ?? 0
        let escalated = (result?["escalated"] as? [Any])?.count ?? 0
        #expect(closed > 0 && escalated > 0, "the demo has reports to close (\(closed)) and to escalate (\(escalated))")
        let audit = ["audit", "--json", "--limit", "100000"]
        #expect(Self.run(["--db", file] + later + audit).out == Self.run(["--db", server] + later + audit).out)
        let again = Self.run(["--db", server] + later + ["--json", "sla", "--apply"]).out
        #expect(again.contains("\"auto_closed\" : [\n\n  ]") || again.contains("\"auto_closed\" : []"), "\(again.prefix(200))")
        #expect(Self.run(["--db", server, "--as", "kabid.ikp", "db", "check"]).code == 0)
    }

    /// The daily counters follow every action on the server: a check against a recount passes
    /// after the actions and fails when the trigger is taken away.
    @Test func theCountersFollowActionsByTrigger() throws {
        let (file, server) = try Self.desk()
        defer { Capture.remove(file) }
        let base = ["--db", server, "--now", Self.now]
        #expect(Self.run(base + ["--as", "op.sari", "verify", "3001212"]).code == 0)
        #expect(Self.run(["--db", server, "--as", "kabid.ikp", "db", "check"]).code == 0)
        let connection = try PGConnection(uri: server)
        try connection.execute("ALTER TABLE report DISABLE TRIGGER report_count_update")
        #expect(Self.run(base + ["--as", "op.sari", "route", "3001212", "--to", "PUPR"]).code == 0)
        #expect(Self.run(["--db", server, "--as", "kabid.ikp", "db", "check"]).code == 1)
    }

    /// Eight processes, each 500 actions, on the same 40 reports at once: four put reports on hold,
    /// four release them. Every landed action is one audit record, each report's records alternate
    /// (no action lost or doubled), its version counts them, and every refusal is a sentence.
    @Test func eightWritersLoseAndDoubleNothing() throws {
        let (file, server) = try Self.desk()
        defer { Capture.remove(file) }
        let ids = Self.run(["--db", server, "--as", "kabid.ikp", "list", "--state", "new", "--ids", "--limit", "40"])
            .out.split(separator: "\n").map(String.init)
        try #require(ids.count == 40)
        let before = try PGConnection(uri: server).execute("SELECT max(id) FROM audit").int(0, 0) ?? 0
        let versionsBefore = try Self.versions(server, ids)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-writers-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var generator = SeededRandom(seed: 8)
        var children: [(pid: pid_t, out: String)] = []
        for writer in 0..<8 {
            let hold = writer < 4
            var list: [String] = []
            while list.count < 500 { list += ids.shuffled(using: &generator) }
            let action = hold ? ["hold", "--note", "tunda \(writer)"] : ["release"]
            let arguments = ["--db", server, "--as", writer % 2 == 0 ? "op.sari" : "op.budi", "--now", Self.now,
                             "--json", "--lang", "en"] + action + Array(list.prefix(500))
            let out = "\(folder)/writer-\(writer).json"
            children.append((try Self.spawn(arguments, stdout: out), out))
        }
        var results: [[String: Any]] = []
        for child in children {
            var status: Int32 = 0
            while waitpid(child.pid, &status, 0) == -1 && errno == EINTR {}
            let code = (status >> 8) & 0xff
            #expect(code == 0 || code == 1, "a writer exited \(code) (75 would mean busy after retries)")
            let data = try Data(contentsOf: URL(fileURLWithPath: child.out))
            let parsed = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
            #expect(parsed.count == 500)
            results += parsed
        }
        let landed = results.filter { $0["ok"] as? Bool == true }
        let refused = results.filter { $0["ok"] as? Bool == false }
        #expect(landed.count + refused.count == 4000)
        #expect(landed.count > 40, "some actions land (\(landed.count))")
        for refusal in refused {
            let message = refusal["error"] as? String ?? ""
            let clear = message.contains("was changed by someone else") || message.contains("is only possible from")
            #expect(clear, "refusal: \(message)")
        }
        let audit = try PGConnection(uri: server).execute("""
            SELECT r.tracking_id, a.action, a.from_state, a.to_state FROM audit a JOIN report r ON r.id = a.report_id
            WHERE a.id > $1 ORDER BY a.id
            """, [String(before)])
        #expect(audit.count == landed.count, "one audit record per landed action")
        var records: [String: [(action: String, from: String, to: String)]] = [:]
        for i in 0..<audit.count {
            records[audit.text(i, 0) ?? "", default: []].append((audit.text(i, 1) ?? "", audit.text(i, 2) ?? "",
                                                                 audit.text(i, 3) ?? ""))
        }
        var landedPer: [String: Int] = [:]
        for result in landed { landedPer[result["tracking_id"] as? String ?? "", default: 0] += 1 }
        let versions = try Self.versions(server, ids)
        #expect(versions.count == 40)
        for (id, after) in versions {
            let steps = records[id] ?? []
            #expect(steps.count == landedPer[id] ?? 0, "\(id): \(steps.count) records, \(landedPer[id] ?? 0) landed")
            for (n, step) in steps.enumerated() {
                let expected = n % 2 == 0 ? ("hold", "new", "on_hold") : ("release", "on_hold", "new")
                #expect(step.action == expected.0 && step.from == expected.1 && step.to == expected.2,
                        "\(id) record \(n): \(step)")
            }
            #expect(after.version == (versionsBefore[id]?.version ?? 0) + steps.count, "\(id): version \(after.version)")
            #expect(after.state == (steps.count % 2 == 0 ? "new" : "on_hold"))
        }
        #expect(Self.run(["--db", server, "--as", "kabid.ikp", "db", "check"]).code == 0)
    }

    /// Each report's version and state, by tracking id.
    static func versions(_ server: String, _ ids: [String]) throws -> [String: (version: Int, state: String)] {
        let rows = try PGConnection(uri: server).execute("""
            SELECT tracking_id, version, state FROM report WHERE tracking_id = ANY ($1::text[])
            """, ["{" + ids.joined(separator: ",") + "}"])
        var out: [String: (version: Int, state: String)] = [:]
        for i in 0..<rows.count { out[rows.text(i, 0) ?? ""] = (rows.int(i, 1) ?? 0, rows.text(i, 2) ?? "") }
        return out
    }

    /// Starts the built `lapor` with its stdout in a file; the caller waits for it.
    static func spawn(_ arguments: [String], stdout path: String) throws -> pid_t {
        try TerminalJourneyTests.spawn(TerminalJourneyTests.binary, arguments, stdout: path)
    }
}
