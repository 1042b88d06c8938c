import Foundation
import Testing
import LaporTestSupport
@testable import LaporCLI
@testable import LaporCore

/// Incidents and routing suggestions on PostgreSQL: `similar`, `group suggest`, `group`, `ungroup`
/// and `suggest` answer on a server as on the file they were copied from, and leave the same trail.
@Suite(.serialized, .enabled(if: PGTestServer.admin != nil, "needs LAPOR_TEST_PG_ADMIN (Tests/all.sh starts a cluster)"))
struct PGIncidentTests {
    @Test func incidentsAndSuggestionsAnswerAsInAFile() throws {
        let (file, server) = try PGWriteTests.desk()
        defer { Capture.remove(file) }
        let ids = PGWriteTests.run(["--db", file, "--as", "kabid.ikp", "list", "--ids", "--limit", "2000"])
            .out.split(separator: "\n").map(String.init)
        try #require(ids.count > 1000)
        let sample = stride(from: 0, to: ids.count, by: 97).map { ids[$0] }
        var script: [[String]] = sample.map { ["--as", "kabid.ikp", "similar", $0] }
        script += sample.prefix(6).map { ["--as", "op.sari", "suggest", $0] }
        script += [
            ["--as", "pd.dlh", "similar", sample[3]],
            ["--as", "kabid.ikp", "suggest", "--evaluate"],
            ["--as", "kabid.ikp", "group", "suggest"],
            ["--as", "kabid.ikp", "group", "suggest", "--where", "~c Kebersihan"],
            ["--as", "kabid.ikp", "group", "suggest", "--emerging"],
            ["--as", "pd.pupr", "group", "suggest"],
            // Grouping: refused for a liaison, refused for a member of another incident, then
            // undone member by member until the incident ends, and dissolved by its primary.
            ["--as", "pd.pupr", "group", sample[1], sample[2], "--into", sample[0]],
            ["--as", "op.sari", "group", sample[1], sample[2], "--into", sample[0]],
            ["--as", "op.sari", "group", "3000418", "--into", sample[0]],
            ["--as", "op.sari", "group", sample[4], "--into", sample[1]],
            ["--as", "op.sari", "group", "--into", sample[0]],
            ["--as", "op.sari", "ungroup", sample[1]],
            ["--as", "op.sari", "ungroup", sample[2]],
            ["--as", "op.sari", "ungroup", sample[2]],
            ["--as", "op.budi", "ungroup", "3000646"],
            ["--as", "kabid.ikp", "group", "suggest", "--json"],
        ]
        let landed = EngineComparison.compare(script, file, server, now: PGWriteTests.now)
        #expect(landed > 2 * sample.count, "most of the script lands (\(landed))")
        EngineComparison.expectSameReads([["audit", "--json", "--limit", "100000"], ["export", "--format", "csv"],
                                          ["stats", "verify", "--json"]], file, server,
                                         prefix: ["--as", "kabid.ikp", "--now", PGWriteTests.now])
        let similar = PGWriteTests.run(["--db", server, "--as", "kabid.ikp", "--json", "similar", sample[0]]).out
        #expect(similar.contains("\"score\""), "the server finds similar reports: \(similar.prefix(200))")
    }
}
