import Foundation
import Testing
import LaporTestSupport

/// Journeys in a real terminal: the built `lapor` binary under tmux (TERM=tmux-256color,
/// LANG=C.UTF-8), asserting on what `capture-pane` shows, as a person would see it.
@Suite(.serialized) struct TerminalJourneyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/lapor").path
    static let now = "2026-11-23T09:00:00+07:00"

    let session = "lapor-\(UUID().uuidString.prefix(8))"
    let db = TestDesk.location("journey")

    /// Runs a tool and returns its stdout, through posix_spawn and waitpid: Foundation's Process
    /// sometimes never reaps a child on Linux (seen here: a tmux client left defunct, the test hung).
    /// Output goes to a file, so a daemon that inherits it (tmux's server) cannot hold a pipe open.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], detached: Bool = false) throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-run-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let pid = try spawn(tool, arguments, stdout: detached ? "/dev/null" : out)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return detached ? "" : ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "")
    }

    /// Starts a tool with stdin and stderr on /dev/null and stdout in the file `stdout`; the caller
    /// waits for the returned pid.
    static func spawn(_ tool: String, _ arguments: [String], stdout: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([tool] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in envp { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, tool, &actions, nil, argv, envp)
        guard rc == 0 else { throw JourneyError(message: "cannot start \(tool): \(String(cString: strerror(rc)))") }
        return pid
    }

    struct JourneyError: Error { let message: String }

    func lapor(_ arguments: String...) throws -> String {
        try Self.run(Self.binary, ["--db", db, "--now", Self.now] + arguments)
    }

    /// Starts the desk in a detached tmux session of the given size; the pane reports the exit
    /// status and whether the terminal is back in canonical mode.
    func start(width: Int = 80, height: Int = 24, as user: String = "op.sari") throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "build first: swift build")
        _ = try lapor("--as", "kabid", "demo", "--days", "30")
        let command = "env TERM=tmux-256color LANG=C.UTF-8 \(Self.binary) --db '\(db)' --now \(Self.now) --as \(user) --lang id desk; "
            + "echo EXITED $?; stty -a | tr ' ' '\\n' | grep -x -- '-*icanon'; sleep 60"
        try Self.run("tmux", ["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), command], detached: true)
        try waitFor("Antrean")
        _ = try waitUntil { $0.contains("\n> ") }   // the first rows have loaded
    }

    func keys(_ keys: String...) throws { try Self.run("tmux", ["send-keys", "-t", session] + keys) }
    func screen() throws -> String { try Self.run("tmux", ["capture-pane", "-p", "-t", session]) }

    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("'\(text)' did not appear; the screen was:\n\(last)")
        return last
    }

    /// Waits until the screen satisfies `predicate`; returns the last screen either way.
    func waitUntil(timeout: Double = 15, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = try screen()
        while Date() < deadline && !predicate(last) {
            Thread.sleep(forTimeInterval: 0.1)
            last = try screen()
        }
        return last
    }

    func finish() {
        _ = try? Self.run("tmux", ["kill-session", "-t", session])
        TestDesk.remove(db)
    }

    @Test func routeTheOldestReportInTwoKeys() throws {
        defer { finish() }
        try start()
        let oldest = try lapor("--as", "kabid", "list", "--state", "new", "--limit", "1", "--json")
        let id = try #require((try JSONSerialization.jsonObject(with: Data(oldest.utf8)) as? [[String: Any]])?.first?["tracking_id"] as? String)
        try keys("r")
        try waitFor("Disposisi ke")
        try keys("Enter")
        try waitFor("✓ route →")
        #expect(try lapor("--as", "kabid", "show", id, "--json").contains("\"state\" : \"dispositioned\""))
    }

    /// Issue 17: `h`, then Ctrl-T and Enter insert the filled template (3 keys with the final Enter),
    /// one word is edited, and the audit note carries the filled, edited text, identity included only
    /// when the reporter is named.
    @Test func holdWithATemplateAndEditOneWord() throws {
        defer { finish() }
        try start()
        let oldest = try lapor("--as", "kabid", "list", "--state", "new", "--limit", "1", "--json")
        let first = try #require((try JSONSerialization.jsonObject(with: Data(oldest.utf8)) as? [[String: Any]])?.first)
        let id = try #require(first["tracking_id"] as? String)
        let expected = try lapor("--as", "op.sari", "template", "show", "tunda-lengkapi", "--report", id)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(expected.contains(id) && !expected.contains("{"))
        try keys("h")
        try keys("C-t")
        try waitFor("tunda-lengkapi")
        try keys("Enter")
        try waitFor("kami terima.▏")
        // Edit one word: the last word "terima." becomes "terima segera." via Ctrl-W and typing.
        try keys("C-w")
        try keys("-l", "terima segera.")
        try keys("Enter")
        try waitFor("✓ hold")
        let audit = try lapor("--as", "kabid", "audit", id, "--json")
        let records = try #require(try JSONSerialization.jsonObject(with: Data(audit.utf8)) as? [[String: Any]])
        let note = try #require(records.last { ($0["action"] as? String) == "hold" }?["note"] as? String)
        #expect(note == expected.replacingOccurrences(of: "kami terima.", with: "kami terima segera."))
    }

    /// Issue 12: a burst imported while the desk runs raises the line at the top; `E` opens it,
    /// the detail lists the similar reports, `M` groups the tagged burst under the first, and one
    /// route on the primary routes every member.
    @Test func aBurstIsGroupedAndRoutedOnce() throws {
        defer { finish() }
        try start()
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("burst-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: csv) }
        var lines = ["tracking_id,submitted_at,title,body,category,channel,reporter_name,reporter_contact,kecamatan,kelurahan"]
        let titles = ["Banjir di Jl. Pakel", "Jalan tergenang air", "Rumah warga terendam banjir", "bajir lagi di Pajang",
                      "Air meluap dari selokan", "Banjir setinggi lutut"]
        for (i, title) in titles.enumerated() {
            lines.append("BJR\(i),2026-11-23T0\(3 + i):15:00,\(title),Jl. Pakel RT 03 tergenang sejak subuh,Bencana,"
                         + "\(["web", "whatsapp", "sms"][i % 3]),Warga \(i),0812000\(i),Laweyan,Pajang")
        }
        try lines.joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        _ = try lapor("--as", "op.sari", "import", csv)
        try waitFor("⚠ 6 serupa (E)")
        try keys("E")
        try waitFor("~t │")
        try waitFor(">*BJR0")
        try keys("Enter")
        try waitFor("Serupa")
        let detail = try waitFor("● BJR")
        #expect(detail.contains("kelurahan sama"))
        try keys("q")
        try waitFor(">*BJR0")
        try keys("M")
        try waitFor("✓ insiden BJR0: 5 laporan lain")
        try waitFor("> BJR0")
        try waitFor("[+5]")
        try keys("r")
        try waitFor("Disposisi ke")
        try keys("Enter")
        try waitFor("✓ route →")
        let members = try lapor("--as", "kabid", "list", "--where", "~g BJR0", "--json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(members.utf8)) as? [[String: Any]])
        #expect(rows.count == 6)
        #expect(rows.allSatisfy { ($0["state"] as? String) == "dispositioned" }, "\(rows.map { $0["state"] ?? "" })")
        let audit = try lapor("--as", "kabid", "audit", "BJR4", "--json")
        #expect(audit.contains("\"incident\" : \"BJR0\""))
    }

    @Test func tagByPatternAndRouteTogether() throws {
        defer { finish() }
        try start()
        try keys("T")
        try keys("-l", "~c kebersihan")
        try keys("Enter")
        let tagged = try waitFor("laporan ditandai")
        try keys("\\;")   // a bare ; is tmux's own command separator
        try keys("r")
        try waitFor("Disposisi ke")
        try keys("Enter")
        let done = try waitFor("✓ route → DLH")
        #expect(!tagged.contains("*0 "))
        #expect(done.contains("laporan"))
        let left = try lapor("--as", "kabid", "list", "--where", "~c kebersihan ~s new", "--json")
        #expect(!left.contains("tracking_id"), "tagged reports left unrouted: \(left)")
    }

    @Test func limitWithAFilterAndClearIt() throws {
        defer { finish() }
        try start()
        try keys("l", "C-u")
        try keys("-l", "~c perhubungan")
        try keys("Enter")
        try waitFor("~c perhubungan │")
        let limited = try waitUntil { $0.contains("Perhubungan") && !$0.contains("Kebersihan") }
        #expect(limited.contains("Perhubungan") && !limited.contains("Kebersihan"))
        try keys("l", "C-u", "Enter")
        try waitFor("semua │")
    }

    @Test func resizeTo60x20AndBack() throws {
        defer { finish() }
        try start()
        try Self.run("tmux", ["resize-window", "-t", session, "-x", "60", "-y", "20"])
        try waitFor("Terminal terlalu kecil: 60×20")
        try Self.run("tmux", ["resize-window", "-t", session, "-x", "80", "-y", "24"])
        let back = try waitFor("Antrean")
        #expect(!back.contains("terlalu kecil"))
    }

    @Test func ctrlCRestoresTheTerminal() throws {
        defer { finish() }
        try start()
        try keys("C-c")
        try waitFor("EXITED 0")
        let after = try waitUntil { $0.contains("icanon") }   // stty prints after the exit line
        #expect(after.contains("icanon") && !after.contains("-icanon"), "terminal left in raw mode:\n\(after)")
        #expect(!after.contains("Antrean"))
    }

    @Test func sigtermRestoresTheTerminal() throws {
        defer { finish() }
        try start()
        // Only the desk itself, not the pane's shell (whose command line holds the same path).
        try Self.run("pkill", ["-TERM", "-f", "^" + NSRegularExpression.escapedPattern(for: "\(Self.binary) --db \(db)")])
        try waitFor("EXITED")
        let after = try waitUntil { $0.contains("icanon") }
        #expect(after.contains("icanon") && !after.contains("-icanon"), "terminal left in raw mode:\n\(after)")
    }

    @Test func anotherProcessesChangeShowsWithoutAKey() throws {
        defer { finish() }
        try start()
        let before = try screen()
        let oldest = try lapor("--as", "kabid", "list", "--state", "new", "--limit", "1", "--json")
        let id = try #require((try JSONSerialization.jsonObject(with: Data(oldest.utf8)) as? [[String: Any]])?.first?["tracking_id"] as? String)
        #expect(before.contains(id))
        _ = try lapor("--as", "op.budi", "verify", id)
        let deadline = Date().addingTimeInterval(3)
        var after = before
        while Date() < deadline, after.contains(id) { Thread.sleep(forTimeInterval: 0.1); after = try screen() }
        #expect(!after.contains(id), "the verified report is still shown:\n\(after)")
    }
}
