import Foundation
import Testing
import LaporTestSupport
import ZIPFoundation
@testable import LaporCLI
@testable import LaporCore

/// Issue 11 through the real commands: workbooks in LAPOR!'s admin layout (both variants, with and
/// without Excel's quirks) import with exact accounting, the file's per-day counts, its states and
/// anonim/rahasia; re-import changes nothing; broken workbooks exit 65; rejects name Excel's rows.
@Suite(.serialized) struct XLSXImportTests {
    static let now = "2026-11-23T09:00:00+07:00"

    struct Case: Sendable, CustomTestStringConvertible {
        let variant: LaporExportGenerator.Variant
        let quirks: Bool
        let seed: UInt64
        var testDescription: String { "\(variant.rawValue)\(quirks ? " with Excel's quirks" : "") seed \(seed)" }
    }

    static let cases = [
        Case(variant: .ringkas17, quirks: false, seed: 1), Case(variant: .ringkas20, quirks: false, seed: 3),
        Case(variant: .ringkas17, quirks: true, seed: 4), Case(variant: .ringkas20, quirks: true, seed: 5),
    ]

    static func temp(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("lapor-xlsx-test-\(UUID().uuidString)-\(name)").path
    }

    static func json(_ out: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    }

    @Test(arguments: cases)
    func laporAdminExportImports(_ c: Case) throws {
        let db = TestDesk.location("d"), file = Self.temp("export.xlsx")
        defer { TestDesk.remove(db); try? FileManager.default.removeItem(atPath: file) }
        let generator = LaporExportGenerator(rows: 400, seed: c.seed, variant: c.variant, quirks: c.quirks)
        let expected = try generator.write(to: file)
        let store = try TestDesk.open(db)
        let boss = try store.initialize(login: "kabid", at: Date())
        let base = ["--db", db, "--as", "kabid", "--now", Self.now]

        let first = try Self.json(Capture.stdout { LaporCLI.run(base + ["import", file, "--json"]) }.out)
        #expect(first["rows"] as? Int == 400)
        #expect(first["inserted"] as? Int == 400)
        #expect(first["rejected"] as? Int == 0)
        let source = try #require(first["source"] as? [String: Any])
        #expect(source["header_row"] as? Int == expected.firstRow - 1)
        #expect(source["sheet"] as? String == "Laporan Ringkas")
        let preamble = source["preamble"] as? [String: String] ?? [:]
        #expect(preamble["Nama Instansi"] == (c.variant == .ringkas17 ? "Pemerintah Kabupaten Sukamaju" : nil))

        // The file's per-day counts, states and identity flags, as the desk now holds them.
        let days = expected.perDay.keys.sorted()
        let held = try store.dailyCounts(from: days.first!, to: days.last!, for: boss).filter { $0.value > 0 }
        #expect(held == expected.perDay)
        for state in ReportState.allCases {
            let count = try store.countReports(.state(state), for: boss)
            #expect(count == expected.states[state] ?? 0, "\(state)")
        }
        #expect(try store.countReports(.anonymous, for: boss) == expected.anonymous)
        #expect(try store.countReports(.confidential, for: boss) == expected.confidential)
        // Both spellings of an agency are one agency: the file names 17 perangkat daerah at most.
        #expect(try store.agencies().count <= 17)

        let again = try Self.json(Capture.stdout { LaporCLI.run(base + ["import", file, "--json"]) }.out)
        #expect(again["unchanged"] as? Int == 400)
        #expect(again["inserted"] as? Int == 0 && again["updated"] as? Int == 0)
    }

    @Test func laporValuesAreMappedAndKept() throws {
        let db = TestDesk.location("d"), file = Self.temp("plain.xlsx")
        defer { TestDesk.remove(db); try? FileManager.default.removeItem(atPath: file) }
        let writer = try XLSXWriter(path: file)
        try writer.addRow(LaporExportGenerator.header17.map { .text($0) })
        func row(_ id: String, date: String, type: String, identity: String, status: String, reason: String,
                 agency: String, original: String = "Isi asli", final: String = "Isi akhir") -> [XLSXWriter.Cell] {
            [.text(id), .text(date), .text("04:05:34"), .text(type), .text("101"), .text("Kebersihan"), .text("Sampah"),
             .text(original), .text(final), .text(identity), .text("Website - pemerintah-kabupaten-sukamaju"),
             .text("Pemerintah Kabupaten Sukamaju"), .text(agency), .text(status), .text(reason), .text("Jawa Tengah"),
             .text("Kabupaten Sukamaju")]
        }
        try writer.addRow(row("5216801", date: "29 May 2023", type: "Pengaduan Berkadar Pengawasan", identity: "Anonim|Rahasia",
                              status: "Ditutup oleh Admin", reason: "None", agency: "Dinas Kesehatan Kab. Sukamaju"))
        try writer.addRow(row("5216802", date: "17 Agu 2023", type: "Permintaan Informasi", identity: "Rahasia",
                              status: "Konten Terblokir", reason: "", agency: "None"))
        try writer.addRow(row("5216803", date: "2 Mei 2023", type: "None", identity: "None",
                              status: "Menunggu Kelengkapan Informasi", reason: "Mohon foto lokasi",
                              agency: "DINAS KESEHATAN KABUPATEN SUKAMAJU", original: "Sama", final: "Sama"))
        try writer.close()
        let store = try TestDesk.open(db)
        _ = try store.initialize(login: "kabid", at: Date())
        let base = ["--db", db, "--as", "kabid", "--now", Self.now]
        #expect(Capture.stdout { LaporCLI.run(base + ["import", file]) }.code == 0)
        func show(_ id: String) throws -> [String: Any] {
            try Self.json(Capture.stdout { LaporCLI.run(base + ["show", id, "--json"]) }.out)
        }
        let closed = try show("5216801")
        #expect(closed["state"] as? String == "resolved")
        #expect(closed["submitted_at"] as? String == "2023-05-29T04:05:34+07:00")
        #expect(closed["anonymous"] as? Bool == true && closed["confidential"] as? Bool == true)
        #expect(closed["type"] as? String == "pengaduan")
        #expect(closed["channel"] as? String == "web")
        #expect(closed["body"] as? String == "Isi akhir")
        let origin = try #require(closed["origin"] as? [String: Any])
        #expect(origin["type_label"] as? String == "Pengaduan Berkadar Pengawasan")
        #expect(origin["closed_by"] as? String == "Admin")
        #expect(origin["status_reason"] as? String == "")
        #expect(origin["original_body"] as? String == "Isi asli")
        #expect(origin["parent_agency"] as? String == "Pemerintah Kabupaten Sukamaju")
        let blocked = try show("5216802")
        #expect(blocked["state"] as? String == "archived")
        #expect(blocked["agency"] is NSNull)
        #expect(blocked["type"] as? String == "permintaan_informasi")
        #expect((blocked["origin"] as? [String: Any])?["status_reason"] as? String == "blocked content")
        #expect(blocked["submitted_at"] as? String == "2023-08-17T04:05:34+07:00")
        let held = try show("5216803")
        #expect(held["state"] as? String == "on_hold")
        #expect(held["anonymous"] as? Bool == false)
        #expect(held["agency"] as? String == closed["agency"] as? String)
        #expect((held["origin"] as? [String: Any])?["original_body"] as? String == "")
        #expect((held["origin"] as? [String: Any])?["status_reason"] as? String == "Mohon foto lokasi")
    }

    @Test func rejectsNameTheSheetRow() throws {
        let db = TestDesk.location("d"), file = Self.temp("rows.xlsx"), rejects = Self.temp("rejects.csv")
        defer { TestDesk.remove(db); for f in [file, rejects] { try? FileManager.default.removeItem(atPath: f) } }
        let writer = try XLSXWriter(path: file)
        try writer.addRow([.text("Rekap pengaduan")])
        try writer.addRow(["ID Laporan", "Tanggal Masuk", "Judul"].map { .text($0) }, skipping: 1)  // row 3
        try writer.addRow([.integer(101), .date(year: 2024, month: 3, day: 4, hour: 9, minute: 0, second: 0), .text("A")])
        try writer.addRow([.integer(102), .text("kemarin sore"), .text("B")])                     // row 5
        try writer.addRow([.absent, .text("2024-03-05"), .text("C")], skipping: 2)                   // row 8
        try writer.addRow([.text("103"), .number(45356.5), .absent, .absent])                         // row 9, no title
        try writer.close()
        _ = try TestDesk.open(db).initialize(login: "kabid", at: Date())
        let base = ["--db", db, "--as", "kabid", "--now", Self.now]
        let out = try Self.json(Capture.stdout { LaporCLI.run(base + ["import", file, "--rejects", rejects, "--json"]) }.out)
        #expect(out["rows"] as? Int == 4)
        #expect(out["inserted"] as? Int == 1)
        #expect(out["rejected"] as? Int == 3)
        let lines = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines == ["line,tracking_id,reason", "5,102,unparseable date 'kemarin sore'", "8,,missing tracking id",
                          "9,103,no title and no body"])
        let shown = try Self.json(Capture.stdout { LaporCLI.run(base + ["show", "101", "--json"]) }.out)
        #expect(shown["submitted_at"] as? String == "2024-03-04T09:00:00+07:00")
    }

    @Test func brokenWorkbooksExit65() throws {
        let db = TestDesk.location("d"), good = Self.temp("good.xlsx"), cut = Self.temp("cut.xlsx"), zip = Self.temp("notes.xlsx")
        defer { TestDesk.remove(db); for f in [good, cut, zip] { try? FileManager.default.removeItem(atPath: f) } }
        try LaporExportGenerator(rows: 50).write(to: good)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: cut))
        let archive = try Archive(url: URL(fileURLWithPath: zip), accessMode: .create)
        let text = Self.temp("notes.txt")
        try "hello".write(toFile: text, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: text) }
        try archive.addEntry(with: "notes.txt", fileURL: URL(fileURLWithPath: text))
        _ = try TestDesk.open(db).initialize(login: "kabid", at: Date())
        for file in [cut, zip] {
            let code = LaporCLI.run(["--db", db, "--as", "kabid", "import", file])
            #expect(code == 65)
        }
        let store = try TestDesk.open(db)
        #expect(try store.countReports(nil, for: try store.user(login: "kabid")) == 0)
    }

    /// A workbook whose sheet is damaged part-way: what came before lands and is accounted, the
    /// exit is 65 with a sentence, and the repaired file then completes the import exactly.
    @Test func aWorkbookDamagedPartWayExits65AndTheRepairedFileCompletesIt() throws {
        let db = TestDesk.location("d"), good = Self.temp("good.xlsx"), bad = Self.temp("bad.xlsx")
        defer { TestDesk.remove(db); for f in [good, bad] { try? FileManager.default.removeItem(atPath: f) } }
        try LaporExportGenerator(rows: 3_000).write(to: good)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: good)))
        let archive = try Archive(url: URL(fileURLWithPath: good), accessMode: .read)
        let sheet = try #require(archive.first { $0.path.hasPrefix("xl/worksheets/") })
        // Three quarters into the sheet's compressed bytes, which follow its name in its local header.
        let name = Array(sheet.path.utf8)
        let header = try #require((0..<(bytes.count - name.count)).first { Array(bytes[$0..<($0 + name.count)]) == name })
        let at = header + name.count + Int(Double(sheet.compressedSize) * 0.75)
        for i in at..<(at + 64) { bytes[i] ^= 0x5A }
        try Data(bytes).write(to: URL(fileURLWithPath: bad))
        _ = try TestDesk.open(db).initialize(login: "kabid", at: Date())
        let base = ["--db", db, "--as", "kabid", "--now", "2026-11-23T09:00:00+07:00", "--json", "import"]
        let broken = Capture.stdout { LaporCLI.run(base + [bad]) }
        #expect(broken.code == 65)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(broken.out.utf8)) as? [String: Any])
        let rows = try #require(first["rows"] as? Int), inserted = try #require(first["inserted"] as? Int)
        #expect(first["rejected"] as? Int == 1)
        #expect(rows == inserted + 1)
        #expect(inserted < 3_000)
        let repaired = Capture.stdout { LaporCLI.run(base + [good]) }
        #expect(repaired.code == 0)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(repaired.out.utf8)) as? [String: Any])
        #expect(second["unchanged"] as? Int == inserted)
        #expect((second["inserted"] as? Int ?? 0) + inserted == 3_000)
    }

    @Test func exportRoundTripsThroughImport() throws {
        let db = TestDesk.location("d"), other = TestDesk.location("e"), sample = Self.temp("s.xlsx"), out = Self.temp("out.xlsx")
        defer { TestDesk.remove(db); TestDesk.remove(other); for f in [sample, out] { try? FileManager.default.removeItem(atPath: f) } }
        try LaporExportGenerator(rows: 200, seed: 7, quirks: true).write(to: sample)
        _ = try TestDesk.open(db).initialize(login: "kabid", at: Date())
        _ = try TestDesk.open(other).initialize(login: "kabid", at: Date())
        let base = ["--db", db, "--as", "kabid", "--now", Self.now]
        #expect(Capture.stdout { LaporCLI.run(base + ["import", sample]) }.code == 0)
        #expect(Capture.stdout { LaporCLI.run(base + ["export", "--format", "xlsx", "-o", out]) }.code == 0)
        let same = try Self.json(Capture.stdout { LaporCLI.run(base + ["import", out, "--json"]) }.out)
        #expect(same["unchanged"] as? Int == 200)
        let otherBase = ["--db", other, "--as", "kabid", "--now", Self.now]
        let fresh = try Self.json(Capture.stdout { LaporCLI.run(otherBase + ["import", out, "--json"]) }.out)
        #expect(fresh["inserted"] as? Int == 200)
        let a = Capture.stdout { LaporCLI.run(base + ["export", "--format", "csv"]) }.out
        let b = Capture.stdout { LaporCLI.run(otherBase + ["export", "--format", "csv"]) }.out
        #expect(a == b)
        #expect(a.split(separator: "\n").count == 201)
    }
}

/// `lapor agency merge`: the reports, the liaison and the board follow; the old name routes to the new one.
@Suite(.serialized) struct AgencyMergeTests {
    @Test func mergeMovesReportsUsersCountersAndNames() throws {
        let db = TestDesk.location("m")
        defer { TestDesk.remove(db) }
        let base = ["--db", db, "--as", "kabid.ikp", "--now", "2026-11-23T09:00:00+07:00"]
        #expect(Capture.stdout { LaporCLI.run(base + ["demo", "--days", "60"]) }.code == 0)
        let store = try TestDesk.open(db)
        let boss = try store.user(login: "kabid.ikp")
        func count(_ code: String) throws -> Int {
            try store.countReports(.agencyID(try store.agency(named: code).id), for: boss)
        }
        let dinsos = try count("DINSOS"), dinkes = try count("DINKES")
        #expect(dinsos > 0 && dinkes > 0)
        let out = try XLSXImportTests.json(Capture.stdout { LaporCLI.run(base + ["agency", "merge", "DINSOS", "DINKES", "--json"]) }.out)
        #expect(out["reports"] as? Int == dinsos)
        #expect(out["users"] as? Int == 1)
        #expect(try count("DINKES") == dinsos + dinkes)
        #expect(try store.user(login: "pd.dinsos").agencyID == store.agencies().first { $0.code == "DINKES" }?.id)
        #expect(try store.verifyDailyCounts() == 0)
        #expect(try store.agencies().contains { $0.code == "DINSOS" } == false)
        // The old code and name now name the agency that stayed.
        let listed = Capture.stdout { LaporCLI.run(base + ["list", "--where", "~a DINSOS", "--json", "--limit", "100000"]) }.out
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        #expect(rows.count == dinsos + dinkes)
        #expect(Set(rows.compactMap { $0["agency"] as? String }) == ["DINKES"])
        // Only a supervisor merges, and a merge is in the audit trail.
        #expect(LaporCLI.run(["--db", db, "--as", "op.sari", "agency", "merge", "DINKES", "DLH"]) == 77)
        #expect(try store.audit(for: boss).contains { $0.action == "agency_merge" && $0.reportID == nil })
    }
}
