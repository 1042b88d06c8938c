import Foundation
import Testing
import LaporTestSupport
@testable import LaporCLI
@testable import LaporCore

/// `lapor import` on PostgreSQL: the same files into a desk in a file and its copy on a server
/// give the same accounting, the same desk and the same trail; two imports of one file at once
/// store every report once.
@Suite(.serialized, .enabled(if: PGTestServer.admin != nil, "needs LAPOR_TEST_PG_ADMIN (Tests/all.sh starts a cluster)"))
struct PGImportTests {
    static let now = "2026-11-20T09:00:00+07:00"

    static func run(_ arguments: [String]) -> (code: Int32, out: String) {
        PGWriteTests.run(arguments)
    }

    /// An import's summary without its timing, the one figure that differs between runs.
    static func timeless(_ out: String) -> String {
        out.replacingOccurrences(of: #"\(([a-z0-9-]+), [0-9.]+ (s|dtk)\)"#, with: "($1)", options: .regularExpression)
            .replacingOccurrences(of: #""seconds" : [0-9.]+"#, with: "\"seconds\" : 0", options: .regularExpression)
    }

    /// Canonical CSV: existing demo reports told differently (states, titles), new ones with
    /// agencies spelled as people type them, information requests, one id twice and one bad row.
    static func canonicalFile(_ folder: String) throws -> String {
        var lines = ["tracking_id,submitted_at,title,body,category,type,channel,reporter_name,reporter_contact,"
                     + "anonymous,confidential,kecamatan,kelurahan,agency,status"]
        let states = ["new", "resolved", "verified", "archived"]
        for n in 1...60 {
            let id = 3_000_000 + n
            let title = n % 5 == 0 ? "Jalan berlubang \(n) (diperbarui)" : "Jalan berlubang \(n)"
            lines.append("\(id),2026-11-01T08:\(String(format: "%02d", n % 60)):00+07:00,\(title),\"Mohon perbaikan, segera.\","
                         + "Infrastruktur,pengaduan,web,Warga \(n),0812000\(1000 + n),false,false,Laweyan,Bumi,,"
                         + states[n % states.count])
        }
        let agencies = ["Dinas Lingkungan Hidup", "DINAS  KESEHATAN.", "Dinas Pemadam Kebakaran Sukamaju",
                        "Badan Riset Daerah", ""]
        for n in 1...40 {
            let type = n % 4 == 0 ? "permintaan_informasi" : "pengaduan"
            let agency = agencies[n % agencies.count]
            let status = agency.isEmpty ? "new" : "dispositioned"
            lines.append("IMP-\(n),2026-11-1\(n % 9)T1\(n % 10):00:00+07:00,Laporan \(n),\"Isi laporan\nbaris dua \(n)\","
                         + "Umum,\(type),whatsapp,,,\(n % 3 == 0),false,Jebres,Gilingan,\"\(agency)\",\(status)")
        }
        lines.append("IMP-7,2026-11-17T17:00:00+07:00,Laporan 7 dikirim lagi,Isi baru,Umum,pengaduan,sms,,,false,false,"
                     + "Jebres,Gilingan,,new")
        lines.append("IMP-BAD,,Tanpa tanggal,Isi,Umum,pengaduan,web,,,false,false,,,,new")
        let path = "\(folder)/canonical.csv"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func importsAnswerAndLeaveTheDeskAsOnSQLite() throws {
        let (file, server) = try PGWriteTests.desk()
        defer { Capture.remove(file) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-pgimport-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try LaporExportGenerator(rows: 600, seed: 5, quirks: true).write(to: "\(folder)/ringkas17.xlsx")
        try LaporExportGenerator(rows: 250, seed: 6, variant: .ringkas20).write(to: "\(folder)/ringkas20.xlsx")
        try LaporExportGenerator(rows: 300, seed: 9).write(to: "\(folder)/unseen.xlsx")
        let csv = try Self.canonicalFile(folder)
        let script: [[String]] = [
            ["--as", "op.sari", "--json", "import", "\(folder)/ringkas17.xlsx"],
            ["--as", "op.sari", "--json", "import", "\(folder)/ringkas20.xlsx"],
            ["--as", "op.budi", "import", "\(folder)/ringkas17.xlsx"],
            ["--as", "op.sari", "import", csv, "--strict"],
            ["--as", "pimpinan", "import", csv],
            ["--as", "pd.pupr", "import", csv],
            ["--as", "op.sari", "--json", "import", csv, "--rejects", "\(folder)/rejects.csv"],
            ["--as", "kabid.ikp", "import", csv],
            // Last: PostgreSQL's identities are not transactional, so a rolled-back batch leaves a
            // gap in the ids the next insert gets (docs/decisions.md); the reads below show it stored nothing.
            ["--as", "op.sari", "--json", "import", "\(folder)/unseen.xlsx", "--dry-run"],
        ]
        var summaries: [[String: Any]] = []
        for (n, command) in script.enumerated() {
            let here = Self.run(["--db", file, "--now", Self.now] + command)
            let there = Self.run(["--db", server, "--now", Self.now] + command)
            #expect(here.code == there.code, "\(n) \(command): exit \(here.code) on SQLite, \(there.code) on PostgreSQL")
            #expect(Self.timeless(here.out) == Self.timeless(there.out), "\(n): \(here.out.prefix(400)) | \(there.out.prefix(400))")
            if command.contains("--json"), let object = try? JSONSerialization.jsonObject(with: Data(there.out.utf8)) {
                summaries.append(object as? [String: Any] ?? [:])
            }
        }
        // The accounting the file demands, checked on the server's answer.
        let real = try #require(summaries.dropLast().last)
        #expect(real["rows"] as? Int == 102 && real["rejected"] as? Int == 1)
        let inserted = real["inserted"] as? Int ?? 0
        let updated = real["updated"] as? Int ?? 0
        let unchanged = real["unchanged"] as? Int ?? 0
        #expect(inserted + updated + unchanged + 1 == 102)
        #expect(inserted == 40, "forty new reports (IMP-7 twice is one report, updated by its second row)")
        #expect((real["conflicts"] as? Int ?? 0) > 0, "the file disagrees with what the desk decided")
        let created = real["agencies_created"] as? [Any] ?? []
        #expect(created.count == 2, "\(created)")
        // The workbook names the pemda beside each agency: its spellings become aliases.
        let spellings = summaries.first?["agency_spellings"] as? [Any] ?? []
        #expect(spellings.count > 0)
        let dry = try #require(summaries.last)
        #expect(dry["inserted"] as? Int == 300 && dry["dry_run"] as? Bool == true)
        for command in [["audit", "--json", "--limit", "100000"], ["export", "--format", "json"],
                        ["export", "--format", "csv"], ["sla", "--json"], ["stats", "board", "--json"],
                        ["show", "IMP-7", "--json"], ["show", "IMP-4"], ["list", "--where", "~s new", "--limit", "5000"]] {
            let extra = ["--as", "kabid.ikp", "--now", "2026-11-24T10:00:00+07:00"]
            let here = Self.run(["--db", file] + extra + command)
            let there = Self.run(["--db", server] + extra + command)
            #expect(here.code == 0 && here.out == there.out, "\(command): \(here.out.count) / \(there.out.count) bytes")
        }
        let register = try PGConnection(uri: server).execute("""
            SELECT count(*) FROM info_request i JOIN report r ON r.id = i.report_id WHERE r.tracking_id LIKE 'IMP-%'
            """)
        #expect(register.int(0, 0) == 10, "each imported information request is registered")
        #expect(Self.run(["--db", server, "--as", "kabid.ikp", "db", "check"]).code == 0)
    }

    /// `~c` on a server matches the categories in use (kept by trigger): a category first seen in an
    /// import, then changed by a later import's update, is found under its new name only, as on SQLite.
    @Test func aCategoryChangedByAnImportIsFoundByItsNewName() throws {
        let (file, server) = try PGWriteTests.desk()
        defer { Capture.remove(file) }
        let csv = FileManager.default.temporaryDirectory
            .appendingPathComponent("lapor-pgcat-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: csv) }
        let header = "tracking_id,submitted_at,title,body,category,type,channel,kecamatan,kelurahan,status\n"
        for category in ["Kategori Baru Satu", "Kategori Lain Dua"] {
            try (header + "CAT-1,2026-11-19T08:00:00+07:00,Pohon tumbang,Pohon tumbang di jalan,\(category),"
                 + "pengaduan,web,Jebres,Gilingan,new\n").write(toFile: csv, atomically: true, encoding: .utf8)
            for db in [file, server] {
                #expect(Self.run(["--db", db, "--as", "op.sari", "--now", Self.now, "import", csv]).code == 0)
            }
        }
        for (filter, found) in [("~c satu", false), ("~c DUA", true), ("~c kategori", true)] {
            let arguments = ["--as", "kabid.ikp", "--now", Self.now, "list", "--ids", "--where", filter]
            let here = Self.run(["--db", file] + arguments), there = Self.run(["--db", server] + arguments)
            #expect(here.code == 0 && here.out == there.out, "\(filter): \(here.out) | \(there.out)")
            #expect(there.out.contains("CAT-1") == found, "\(filter): \(there.out)")
        }
    }

    /// Two processes importing the same 3,000-row workbook at once: every report is stored once,
    /// each process's accounting adds up, and one `import` record exists per report.
    @Test func twoImportsAtOnceStoreEveryReportOnce() throws {
        let (file, server) = try PGWriteTests.desk()
        defer { Capture.remove(file) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-pgimport2-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let book = "\(folder)/big.xlsx"
        try LaporExportGenerator(rows: 3000, seed: 11).write(to: book)
        let before = try PGConnection(uri: server).execute("SELECT count(*) FROM report").int(0, 0) ?? 0
        var children: [(pid: pid_t, out: String)] = []
        for n in 0..<2 {
            let out = "\(folder)/import-\(n).json"
            let arguments = ["--db", server, "--as", n == 0 ? "op.sari" : "op.budi", "--now", Self.now, "--json",
                             "import", book]
            children.append((try PGWriteTests.spawn(arguments, stdout: out), out))
        }
        var inserted = 0
        for child in children {
            var status: Int32 = 0
            while waitpid(child.pid, &status, 0) == -1 && errno == EINTR {}
            #expect((status >> 8) & 0xff == 0)
            let data = try Data(contentsOf: URL(fileURLWithPath: child.out))
            let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let counts = ["inserted", "updated", "unchanged", "rejected"].map { summary[$0] as? Int ?? -1 }
            #expect(summary["rows"] as? Int == 3000 && counts.reduce(0, +) == 3000, "\(counts)")
            inserted += counts[0]
        }
        #expect(inserted == 3000, "each report inserted by exactly one of the two")
        let connection = try PGConnection(uri: server)
        #expect(try connection.execute("SELECT count(*) FROM report").int(0, 0) == before + 3000)
        let records = try connection.execute("""
            SELECT count(*), count(DISTINCT report_id) FROM audit WHERE action = 'import'
            """)
        #expect(records.int(0, 0) == 3000 && records.int(0, 1) == 3000)
        #expect(Self.run(["--db", server, "--as", "kabid.ikp", "db", "check"]).code == 0)
    }
}
