import Foundation
import Testing
import LaporTestSupport
@testable import LaporCLI
import LaporCore

/// The command-line contract: JSON keys, exit codes and option placement, run in-process with pinned time.
@Suite(.serialized) struct CLITests {
    let db: String
    let now = "2026-11-23T09:00:00+07:00"

    init() {
        db = TestDesk.location("cli")
    }

    /// Runs `lapor` with the arguments, returning the exit code and what went to stdout.
    func lapor(_ arguments: String...) -> (code: Int32, out: String) {
        Capture.stdout { LaporCLI.run(arguments) }
    }

    func demo() {
        #expect(lapor("--db", db, "--as", "kabid", "--now", now, "demo", "--seed", "1", "--days", "20").code == 0)
    }

    @Test func listJsonHasTheContractKeys() throws {
        defer { TestDesk.remove(db) }
        demo()
        let (code, out) = lapor("--db", db, "--as", "kabid", "list", "--json", "--limit", "5")
        #expect(code == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        #expect(array.count == 5)
        for object in array {
            for key in ["id", "tracking_id", "state", "agency", "category", "submitted_at", "title", "anonymous", "confidential"] {
                #expect(object[key] != nil, "missing \(key)")
            }
            if object["anonymous"] as? Bool == true || object["confidential"] as? Bool == true {
                #expect(object["reporter_name"] is NSNull)
            }
        }
    }

    @Test func commonOptionsBeforeOrAfterTheCommand() {
        #expect(LaporCLI.normalise(["--db", "x", "--json", "list", "--limit", "2"]) == ["list", "--limit", "2", "--db", "x", "--json"])
        #expect(LaporCLI.normalise(["--as=op", "user", "list"]) == ["user", "list", "--as=op"])
        #expect(LaporCLI.normalise(["list", "--db", "x"]) == ["list", "--db", "x"])
    }

    @Test func exitCodesOfTheContract() throws {
        defer { TestDesk.remove(db) }
        demo()
        #expect(lapor("--db", db, "--as", "ghost", "list").code == 77)
        #expect(lapor("--db", db, "--as", "kabid", "list", "--sort", "sideways").code == 2)
        #expect(lapor("--db", db, "--as", "kabid", "--now", "yesterday", "list").code == 2)
        #expect(lapor("--db", FileManager.default.temporaryDirectory.path, "list").code == 73)
        #expect(lapor("--db", db, "--as", "kabid", "show", "no-such-report").code == 1)
    }

    @Test func illegalTransitionExitsOneAndChangesNothing() throws {
        defer { TestDesk.remove(db) }
        demo()
        let store = try TestDesk.open(db)
        let boss = try store.user(login: "kabid")
        let fresh = try #require(try store.reports(ReportQuery(condition: .state(.new), limit: 1), for: boss).first)
        let auditBefore = try store.audit(for: boss).count
        #expect(lapor("--db", db, "--as", "op.sari", "--now", now, "resolve", fresh.trackingID).code == 1)
        #expect(try store.report(fresh.trackingID, for: boss) == fresh)
        #expect(try store.audit(for: boss).count == auditBefore)
        #expect(lapor("--db", db, "--as", "op.sari", "--now", now, "verify", fresh.trackingID).code == 0)
        #expect(try store.report(fresh.trackingID, for: boss).state == .verified)
        #expect(try store.audit(for: boss).count == auditBefore + 1)
    }

    @Test func agencyUserCannotTouchAnotherAgencysReport() throws {
        defer { TestDesk.remove(db) }
        demo()
        let store = try TestDesk.open(db)
        let boss = try store.user(login: "kabid")
        let pupr = try store.agency(named: "PUPR")
        let theirs = try #require(try store.reports(ReportQuery(condition: .all([.agencyID(pupr.id), .state(.dispositioned)]), limit: 1), for: boss).first)
        #expect(lapor("--db", db, "--as", "pd.dlh", "show", theirs.trackingID).code == 77)
        #expect(lapor("--db", db, "--as", "pd.dlh", "--now", now, "follow-up", theirs.trackingID, "--note", "x").code == 77)
        #expect(lapor("--db", db, "--as", "pd.pupr", "--now", now, "follow-up", theirs.trackingID, "--note", "Tim meninjau").code == 0)
    }

    @Test func revealIsForSupervisorsAndAudited() throws {
        defer { TestDesk.remove(db) }
        demo()
        let store = try TestDesk.open(db)
        let boss = try store.user(login: "kabid")
        let secret = try #require(try store.reports(ReportQuery(condition: .anonymous, limit: 1), for: boss).first)
        let masked = lapor("--db", db, "--as", "kabid", "show", secret.trackingID)
        #expect(masked.code == 0 && !masked.out.contains(secret.reporterContact))
        #expect(lapor("--db", db, "--as", "op.sari", "show", secret.trackingID, "--reveal").code == 77)
        let shown = lapor("--db", db, "--as", "kabid", "--now", now, "show", secret.trackingID, "--reveal")
        #expect(shown.code == 0 && shown.out.contains(secret.reporterContact))
        #expect(try store.audit(secret.trackingID, for: boss).last?.action == "reveal")
    }

    @Test func aSecondOperatorRoutingElsewhereIsTold() throws {
        defer { TestDesk.remove(db) }
        let store = try TestDesk.open(db)
        let boss = try store.initialize(login: "kabid", at: Date())
        try store.addAgency(Agency(code: "DLH", name: "Dinas Lingkungan Hidup"), by: boss, at: Date())
        try store.addAgency(Agency(code: "PUPR", name: "Dinas PUPR"), by: boss, at: Date())
        try store.receive(Report(trackingID: "R1", submittedAt: Date(), title: "Sampah", body: "x"), by: boss, at: Date())
        #expect(lapor("--db", db, "--as", "kabid", "route", "R1", "--to", "DLH").code == 0)
        let auditBefore = try store.audit("R1", for: boss).count
        #expect(lapor("--db", db, "--as", "kabid", "route", "R1", "--to", "PUPR").code == 1)
        #expect(try store.report("R1", for: boss).agencyID == (try store.agency(named: "DLH").id))
        #expect(try store.audit("R1", for: boss).count == auditBefore)
        #expect(lapor("--db", db, "--as", "kabid", "route", "R1", "--to", "PUPR", "--reroute").code == 0)
        #expect(try store.report("R1", for: boss).bounces == 1)
    }

    @Test func exportsDefuseSpreadsheetFormulasAndReimportTheOriginal() throws {
        let other = TestDesk.location("copy")
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-\(UUID().uuidString).csv").path
        defer { TestDesk.remove(db); TestDesk.remove(other); try? FileManager.default.removeItem(atPath: csv) }
        let store = try TestDesk.open(db)
        let boss = try store.initialize(login: "kabid", at: Date())
        try store.receive(Report(trackingID: "F1", submittedAt: Date(), title: "=HYPERLINK(\"http://x\",\"klik\")", body: "@SUM(A1)"), by: boss, at: Date())
        #expect(lapor("--db", db, "--as", "kabid", "export", "-o", csv).code == 0)
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(text.contains("\"'=HYPERLINK(") && text.contains("'@SUM(A1)"))
        #expect(!text.contains(",=") && !text.contains(",@"))
        let copy = try TestDesk.open(other)
        _ = try copy.initialize(login: "kabid", at: Date())
        #expect(lapor("--db", other, "--as", "kabid", "import", csv).code == 0)
        #expect(try copy.report("F1", for: boss).title == "=HYPERLINK(\"http://x\",\"klik\")")
        #expect(try copy.report("F1", for: boss).body == "@SUM(A1)")
    }

    @Test func humanTablesNeverCarryControlCharacters() throws {
        defer { TestDesk.remove(db) }
        let store = try TestDesk.open(db)
        let boss = try store.initialize(login: "kabid", at: Date())
        try store.receive(Report(trackingID: "X1", submittedAt: Date(), title: "Judul\u{1B}]0;pwned\u{07}", body: "Isi\u{1B}[2J"), by: boss, at: Date())
        for args in [["list"], ["show", "X1"], ["audit"]] {
            let out = lapor(["--db", db, "--as", "kabid"] + args)
            #expect(out.code == 0)
            #expect(!out.out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(args)")
        }
    }
}

extension CLITests {
    func lapor(_ arguments: [String]) -> (code: Int32, out: String) { Capture.stdout { LaporCLI.run(arguments) } }
}

/// `lapor desk --demo` (issue 15): the terminal is checked before anything is built, the demo is
/// written once per seed into the cache folder and reused, and headless runs wait for all of it.
@Suite(.serialized) struct DemoDeskTests {
    @Test func demoIsCachedReusedAndNeedsATerminalFirst() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        setenv("XDG_CACHE_HOME", cache, 1)
        defer { unsetenv("XDG_CACHE_HOME") }
        // Not a terminal and not headless: refused before any file is made (when tests run without one).
        if isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 {
            #expect(LaporCLI.run(["desk", "--demo", "--demo-days", "20"]) == 2)
            #expect(!FileManager.default.fileExists(atPath: cache))
        }
        let base = ["desk", "--demo", "--demo-days", "20", "--headless", "--size", "100x30", "--now", "2026-11-23T09:00:00+07:00"]
        let first = Capture.stdout { LaporCLI.run(base + ["--keys", "l<C-u><Enter>"]) }
        #expect(first.code == 0)
        let db = cache + "/lapor/demo-seed1-20d.sqlite"
        #expect(FileManager.default.fileExists(atPath: db))
        let store = try LaporStore.open(path: db)
        #expect(try store.holdsFinishedDemo())
        let reports = try store.countReports(nil, for: User(login: "", role: .supervisor))
        #expect(reports > 100)
        #expect(first.out.contains("1/\(NumberText.integer(reports, .en))") || first.out.contains("1/\(reports)"))
        // The second run reuses the finished demo: no second load.
        #expect(Capture.stdout { LaporCLI.run(base + ["--keys", "q"]) }.code == 0)
        #expect(try store.audit(for: User(login: "", role: .supervisor)).filter { $0.action == "demo_load" }.count == 1)
        #expect(try store.countReports(nil, for: User(login: "", role: .supervisor)) == reports)
    }
}

/// A newcomer's first command on a database that is not there (issue 15).
@Suite struct FreshDatabaseTests {
    @Test func aRefusedFirstCommandLeavesNoFileAndNamesInit() throws {
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-fresh-\(UUID().uuidString).sqlite").path
        defer { Capture.remove(db) }
        #expect(LaporCLI.run(["--db", db, "list"]) == 73)
        #expect(LaporCLI.run(["--db", db, "import", "/nonexistent.csv"]) == 73)
        #expect(!FileManager.default.fileExists(atPath: db))
        #expect(LaporCore.LaporError.cannotOpenDatabase(path: db, reason: "x").exitCode == 73)
        #expect(Capture.stdout { LaporCLI.run(["--db", db, "init"]) }.code == 0)
        #expect(Capture.stdout { LaporCLI.run(["--db", db, "list"]) }.code == 0)
        #expect(LaporCLI.run(["--db", db, "--as", "nobody", "list"]) == 77)
        #expect(LaporCLI.run(["--db", db, "lst"]) == 2)
        #expect(Capture.stdout { LaporCLI.run(["--version"]) }.out.hasPrefix("lapor "))
    }
}
