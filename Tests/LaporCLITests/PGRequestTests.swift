import Foundation
import Testing
import LaporTestSupport
@testable import LaporCLI
@testable import LaporCore

/// The PPID's registers on PostgreSQL: the register, the objections register, the annual report
/// and register edits answer on a server as on the file, for the desk and for one agency's PPID.
@Suite(.serialized, .enabled(if: PGTestServer.admin != nil, "needs LAPOR_TEST_PG_ADMIN (Tests/all.sh starts a cluster)"))
struct PGRequestTests {
    @Test func registersAnswerAsInAFile() throws {
        let (file, server) = try PGWriteTests.desk()
        defer { Capture.remove(file) }
        let script: [[String]] = [
            ["--as", "op.sari", "ppid", "set", "3000015", "--purpose", "penelitian", "--delivery", "email"],
            ["--as", "pd.diskominfo", "ppid", "set", "3000015", "--purpose", "x"],
            ["--as", "op.sari", "ppid", "set", "3001212", "--purpose", "x"],
            ["--as", "op.sari", "ppid", "set", "NO-SUCH", "--purpose", "x"],
            ["--as", "kabid.ikp", "ppid", "register"],
            ["--as", "kabid.ikp", "ppid", "register", "--format", "csv"],
            ["--as", "kabid.ikp", "ppid", "register", "--year", "2025"],
            ["--as", "pd.diskominfo", "ppid", "register"],
            ["--as", "kabid.ikp", "ppid", "objections"],
            ["--as", "kabid.ikp", "ppid", "report"],
            ["--as", "pd.dishub", "ppid", "report", "--format", "md"],
        ]
        let landed = EngineComparison.compare(script, file, server, now: PGWriteTests.now)
        #expect(landed == 16, "the edits by an operator land, the other three refuse, every read answers (\(landed))")
        let register = PGWriteTests.run(["--db", server, "--as", "kabid.ikp", "--now", PGWriteTests.now, "--json",
                                         "ppid", "register"]).out
        #expect(register.contains("penelitian") && register.contains("\"registration\""), "\(register.prefix(300))")
        let audit = ["--as", "kabid.ikp", "--now", PGWriteTests.now, "audit", "--json", "--limit", "100000"]
        #expect(PGWriteTests.run(["--db", file] + audit).out == PGWriteTests.run(["--db", server] + audit).out)
        let reveal = ["--as", "kabid.ikp", "--now", PGWriteTests.now, "ppid", "register", "--reveal", "--json"]
        let revealed = PGWriteTests.run(["--db", server] + reveal)
        #expect(revealed.code == 0 && revealed.out == PGWriteTests.run(["--db", file] + reveal).out,
                "the server's identity door answers as the file")
    }
}
