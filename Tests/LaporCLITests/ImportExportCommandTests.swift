import Foundation
import Testing
import LaporTestSupport
@testable import LaporCLI
import LaporCore

/// The import/export contract through the CLI: the shared sample exports, and the round trip.
@Suite(.serialized) struct ImportExportCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// `../shared/data` beside the repository when it is there (the newest exports), else the
    /// copy kept in Tests/Samples, so a clone anywhere runs the same checks.
    static let shared: URL = {
        let beside = repository.deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: beside.appendingPathComponent("sample.ndjson").path)
            ? beside : repository.appendingPathComponent("Tests/Samples")
    }()

    func temp(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("lapor-\(name)-\(UUID().uuidString)").path
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let (code, out) = Capture.stdout { LaporCLI.run(arguments) }
        #expect(code == 0, "\(arguments)")
        return try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    }

    @Test(arguments: ["sample-canonical.csv", "sample-lapor-export.csv", "sample.ndjson"])
    func sampleImportsCleanlyAndTwiceIsUnchanged(_ file: String) throws {
        let db = TestDesk.location("sample")
        defer { TestDesk.remove(db) }
        let path = Self.shared.appendingPathComponent(file).path
        try #require(FileManager.default.fileExists(atPath: path), "\(path) (shared/data or Tests/Samples)")
        let base = ["--db", db, "--as", "kabid", "--now", "2026-11-23T09:00:00+07:00"]
        _ = Capture.stdout { LaporCLI.run(base + ["init"]) }
        let first = try json(base + ["import", path, "--json"])
        #expect(first["rejected"] as? Int == 0)
        #expect((first["rows"] as? Int ?? 0) > 100)
        #expect(first["inserted"] as? Int == first["rows"] as? Int)
        let second = try json(base + ["import", path, "--json"])
        #expect(second["unchanged"] as? Int == first["rows"] as? Int)
        #expect(second["inserted"] as? Int == 0 && second["updated"] as? Int == 0)
    }

    @Test func csvRoundTripIsIdentical() throws {
        let (a, b) = (TestDesk.location("a"), TestDesk.location("b"))
        let (one, two) = (temp("one") + ".csv", temp("two") + ".csv")
        defer { TestDesk.remove(a); TestDesk.remove(b); try? FileManager.default.removeItem(atPath: one); try? FileManager.default.removeItem(atPath: two) }
        let now = ["--as", "kabid", "--now", "2026-11-23T09:00:00+07:00"]
        #expect(Capture.stdout { LaporCLI.run(["--db", a] + now + ["demo", "--days", "15"]) }.code == 0)
        #expect(Capture.stdout { LaporCLI.run(["--db", a] + now + ["export", "-o", one]) }.code == 0)
        _ = Capture.stdout { LaporCLI.run(["--db", b] + now + ["init"]) }
        let imported = try json(["--db", b] + now + ["import", one, "--json"])
        #expect(imported["rejected"] as? Int == 0)
        #expect(Capture.stdout { LaporCLI.run(["--db", b] + now + ["export", "-o", two]) }.code == 0)
        let first = try String(contentsOfFile: one, encoding: .utf8), second = try String(contentsOfFile: two, encoding: .utf8)
        #expect(first == second)
        #expect(first.components(separatedBy: "\n").count > 1000)
        // Protected identities were masked on the way out.
        let store = try TestDesk.open(a)
        let boss = try store.user(login: "kabid")
        let secret = try #require(try store.reports(ReportQuery(condition: .anonymous, limit: 1), for: boss).first)
        #expect(!first.contains(secret.reporterContact))
    }

    @Test func badFilesGetTheContractCodes() throws {
        let db = TestDesk.location("bad")
        defer { TestDesk.remove(db) }
        let base = ["--db", db, "--as", "kabid"]
        _ = Capture.stdout { LaporCLI.run(base + ["init"]) }
        let empty = temp("empty") + ".csv"
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        let noHeader = temp("header") + ".csv"
        try "judul,isi\nx,y\n".write(toFile: noHeader, atomically: true, encoding: .utf8)
        #expect(Capture.stdout { LaporCLI.run(base + ["import", "/nonexistent/file.csv"]) }.code == 66)
        #expect(Capture.stdout { LaporCLI.run(base + ["import", FileManager.default.temporaryDirectory.path]) }.code == 65)
        #expect(Capture.stdout { LaporCLI.run(base + ["import", empty]) }.code == 65)
        #expect(Capture.stdout { LaporCLI.run(base + ["import", noHeader]) }.code == 65)
        #expect(Capture.stdout { LaporCLI.run(base + ["import", noHeader, "--format", "xml"]) }.code == 2)
    }
}
