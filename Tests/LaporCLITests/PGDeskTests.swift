import Foundation
import Testing
import LaporTestSupport
@testable import LaporCLI
@testable import LaporCore

/// The desk on PostgreSQL: the same keys draw the same screens as on the file it was copied from,
/// a desk hears of another process's change by notification, and under tmux the change shows
/// within a second without a key.
@Suite(.serialized, .enabled(if: PGTestServer.admin != nil, "needs LAPOR_TEST_PG_ADMIN (Tests/all.sh starts a cluster)"))
struct PGDeskTests {
    static let now = "2026-11-20T10:00:00+07:00"

    /// Key scripts: searches, views, details with their similar reports, actions, and undo.
    static let scripts = ["", "/jalan<Enter>nn", "/~s new<Enter>N", "2", "4", "3", "jjjj<Enter>rPUPR<Enter><Enter>q",
                          "l~a PUPR<Enter>jj", "tjtj<Space>", "u", "<Enter>", "jjjjjjj<Enter>", "r<Enter>u",
                          "jr<Enter>jjr<Enter>uu", "/~s new<Enter><Enter>"]

    @Test func theSameKeysDrawTheSameScreens() throws {
        let (file, server) = try PGWriteTests.desk()
        defer { Capture.remove(file) }
        for keys in Self.scripts {
            for user in ["op.sari", "pd.pupr"] {
                let arguments = ["--as", user, "--now", Self.now, "desk", "--headless", "--size", "120x30", "--keys", keys]
                let here = PGWriteTests.run(["--db", file] + arguments)
                let there = PGWriteTests.run(["--db", server] + arguments)
                #expect(here.code == there.code && here.out == there.out, "\(user) '\(keys)':\n\(here.out)\n---\n\(there.out)")
            }
        }
        let audit = ["--as", "kabid.ikp", "audit", "--json", "--limit", "100000"]
        #expect(PGWriteTests.run(["--db", file] + audit).out == PGWriteTests.run(["--db", server] + audit).out)
    }

    /// A desk's store hears of a change another connection commits within 200 ms, by LISTEN/NOTIFY.
    @Test func aChangeIsHeardWithin200Milliseconds() throws {
        let (file, server) = try PGWriteTests.desk()
        defer { Capture.remove(file) }
        let desk = try PGStore.open(uri: server)
        let other = try PGStore.open(uri: server)
        let user = try other.user(login: "op.budi")
        var waits: [Double] = []
        let ids = try other.reports(ReportQuery(condition: .state(.new), sort: .submitted, limit: 5), for: user).map(\.trackingID)
        try #require(ids.count == 5)
        for id in ids {
            let before = try desk.changeMarker()
            _ = try other.act(.verify, on: id, by: user, at: Date(), note: "", agency: nil, expectedVersion: nil, fill: nil,
                              detail: .none)
            let started = Date()
            while try desk.changeMarker() == before, Date().timeIntervalSince(started) < 2 { usleep(2_000) }
            waits.append(Date().timeIntervalSince(started))
        }
        #expect(waits.allSatisfy { $0 < 0.2 }, "heard after \(waits.map { Int($0 * 1000) }) ms")
        // Nothing changed: nothing is heard.
        let quiet = try desk.changeMarker()
        usleep(300_000)
        #expect(try desk.changeMarker() == quiet)
    }

    /// Under tmux, a desk on the server shows another process's route within a second, no key pressed.
    @Test func aRouteShowsUnderTmuxWithinASecond() throws {
        let (file, server) = try PGWriteTests.desk()
        defer { Capture.remove(file) }
        // A desk trains and keeps the routing model on its first start, holding its one connection
        // for about a second; this desk is one that has been opened before (the model is kept).
        _ = try PGStore.open(uri: server).routingModel()
        let session = "lapor-pg-\(UUID().uuidString.prefix(8))"
        let binary = TerminalJourneyTests.binary
        let command = "env TERM=tmux-256color LANG=C.UTF-8 \(binary) --db '\(server)' --now \(Self.now) --as op.sari "
            + "--lang id desk; sleep 60"
        try TerminalJourneyTests.run("tmux", ["new-session", "-d", "-s", session, "-x", "120", "-y", "30", command],
                                     detached: true)
        defer { _ = try? TerminalJourneyTests.run("tmux", ["kill-session", "-t", session]) }
        func screen() throws -> String { try TerminalJourneyTests.run("tmux", ["capture-pane", "-p", "-t", session]) }
        let deadline = Date().addingTimeInterval(20)
        var shown = try screen()
        while Date() < deadline, !shown.contains("\n> ") { Thread.sleep(forTimeInterval: 0.1); shown = try screen() }
        // The report under the cursor (the queue's first row) is routed by another process.
        let cursorLine = shown.split(separator: "\n").first { $0.hasPrefix("> ") } ?? ""
        let id = String(cursorLine.dropFirst(2).split(separator: " ").first ?? "")
        #expect(!id.isEmpty, "the first screen shows the queue:\n\(shown)")
        let routed = PGWriteTests.run(["--db", server, "--as", "op.budi", "--now", Self.now, "route", id, "--to", "PUPR"])
        #expect(routed.code == 0)
        let started = Date()
        while Date().timeIntervalSince(started) < 3, shown.contains(" \(id) ") {
            Thread.sleep(forTimeInterval: 0.05)
            shown = try screen()
        }
        let seconds = Date().timeIntervalSince(started)
        #expect(!shown.contains(" \(id) ") && seconds < 1, "after \(seconds) s the routed report is still shown:\n\(shown)")
    }
}
