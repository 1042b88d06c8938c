import Foundation
import Testing
@testable import LaporCore

@Suite struct ImportValueTests {
    let zone = DeskZone.jakarta

    @Test(arguments: [
        ("2023-05-09T10:15:00+08:00", "2023-05-09T09:15:00+07:00"),
        ("2023-05-09 10:15", "2023-05-09T10:15:00+07:00"),
        ("2023-05-09T10:15:30", "2023-05-09T10:15:30+07:00"),
        ("09/05/2023 10:15", "2023-05-09T10:15:00+07:00"),
        ("09/05/2023 10:15:42", "2023-05-09T10:15:42+07:00"),
        ("9/5/2023", "2023-05-09T00:00:00+07:00"),
        ("09-05-2023", "2023-05-09T00:00:00+07:00"),
        ("9 Mei 2023 10:15", "2023-05-09T10:15:00+07:00"),
        ("9 May 2023", "2023-05-09T00:00:00+07:00"),
        ("17 Agustus 2025, 08.30", "2025-08-17T08:30:00+07:00"),
        ("1 Desember 2024 23:59 WITA", "2024-12-01T22:59:00+07:00"),
    ])
    func dateForms(_ input: String, _ expected: String) throws {
        let date = try #require(ImportValues.date(input, zone: zone), "\(input)")
        #expect(zone.iso(date) == expected)
    }

    /// "4 Mei -023 10:15" was found by fuzzing: a negative year that could not round-trip.
    @Test(arguments: ["", "Kemarin, 02:19", "31/02/2023", "2023-13-01", "9 Mai 2023", "10:15", "09/05/23 10:15", "4 Mei -023 10:15", "01/01/0999"])
    func unparseableDates(_ input: String) {
        #expect(ImportValues.date(input, zone: zone) == nil, "\(input)")
    }

    @Test func booleansAndStatuses() {
        for yes in ["true", "Ya", "y", "YES", "1"] { #expect(ImportValues.bool(yes) == true) }
        for no in ["false", "tidak", "t", "no", "0", ""] { #expect(ImportValues.bool(no) == false) }
        #expect(ImportValues.bool("mungkin") == nil)
        #expect(ImportValues.status("")?.state == .new)
        #expect(ImportValues.status("Belum Ditindaklanjuti")?.state == .dispositioned)
        #expect(ImportValues.status("Sedang Diproses")?.state == .inProgress)
        #expect(ImportValues.status("Selesai otomatis dalam 10 hari")?.state == .resolved)
        #expect(ImportValues.status("Ditanggapi oleh Pelapor")?.state == .inProgress)
        #expect(ImportValues.status("Menunggu Tanggapan Pelapor")?.state == .awaitingReporter)
        #expect(ImportValues.status("awaiting_reporter")?.state == .awaitingReporter)
        let routed = ImportValues.status("Terdisposisi ke Dinas Perhubungan")
        #expect(routed?.state == .dispositioned && routed?.agency == "Dinas Perhubungan")
        #expect(ImportValues.status("entah") == nil)
    }

    @Test func headerAliasesIgnoreCaseSpacesAndPunctuation() {
        #expect(ImportField.match("ID Laporan") == .trackingID)
        #expect(ImportField.match("id_laporan") == .trackingID)
        #expect(ImportField.match("TANGGAL-LAPORAN") == .submittedAt)
        #expect(ImportField.match("Instansi Tujuan") == .agency)
        #expect(ImportField.match("No. HP") == .reporterContact)
        #expect(ImportField.match("requested_datetime") == .submittedAt)
        #expect(ImportField.match("Warna") == nil)
    }
}

@Suite struct CSVReaderTests {
    @Test func quotesDelimitersLineBreaksAndLines() {
        let reader = CSVReader(text: "\u{FEFF}a;b;c\r\n1;\"x;y\";\"he said \"\"hi\"\"\"\r\n2;\"two\nlines\";z\n\n3;;\n")
        reader.detectDelimiter()
        var records: [CSVReader.Record] = []
        while let r = reader.next() { records.append(r) }
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "x;y", "he said \"hi\""], ["2", "two\nlines", "z"], ["3", "", ""]])
        #expect(records.map(\.line) == [1, 2, 3, 6])
    }

    @Test func tabsAndWindows1252() {
        let reader = CSVReader(text: "a\tb\nx\ty\n")
        reader.detectDelimiter()
        #expect(reader.next()?.fields == ["a", "b"])
        var fell = false
        #expect(TextDecoding.decode([0x43, 0x61, 0x66, 0xE9, 0x20, 0x96][...], fellBack: &fell) == "Café –")
        #expect(fell)
    }
}

@Suite struct ImportStoreTests {
    func source(_ text: String, _ ext: String = "csv") throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-import-\(UUID().uuidString).\(ext)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func fiveKindsOfBrokenRowsAreCountedAndListed() throws {
        let f = try Fixture()
        let path = try source("""
            tracking_id,submitted_at,title,body
            A1,2024-05-01 10:00,Jalan rusak,Berlubang
            ,2024-05-01 11:00,Tanpa id,Isi
            A3,kemarin,Tanggal aneh,Isi
            A4,2024-05-01 12:00,Terlalu,banyak,kolom
            A5,2024-05-01 13:00,,
            A1,2024-05-01 10:00,Jalan rusak,Berlubang

            """)
        let s = try Importer(store: f.store, user: f.op, now: Fixture.now).run([path], format: .auto)
        #expect(s.rows == 6 && s.inserted == 1 && s.unchanged == 1 && s.updated == 0 && s.rejected == 4)
        #expect(s.rows == s.inserted + s.updated + s.unchanged + s.rejected)
        #expect(s.rejects.map(\.line) == [3, 4, 5, 6])
        #expect(s.rejects.map { String($0.reason.prefix(12)) } == ["missing trac", "unparseable ", "wrong number", "no title and"])
        #expect(s.rejects[2].trackingID == "A4")
    }

    @Test(arguments: [1, 2, 5000])
    func theSameIDTwiceInAFileLaterWinsWithOneAuditRecordPerChange(batchSize: Int) throws {
        let f = try Fixture()
        let path = try source("""
            tracking_id,submitted_at,title,body
            D1,2024-05-01 10:00,Jalan rusak,Berlubang
            D2,2024-05-01 10:05,Lampu mati,Gelap
            D1,2024-05-01 10:00,Jalan rusak parah,Berlubang dalam
            D3,2024-05-01 10:10,Sampah,Menumpuk
            D1,2024-05-01 10:00,Jalan rusak parah,Berlubang dalam

            """)
        var importer = Importer(store: f.store, user: f.op, now: Fixture.now)
        importer.batchSize = batchSize
        let s = try importer.run([path], format: .csv)
        #expect(s.rows == 5 && s.inserted == 3 && s.updated == 1 && s.unchanged == 1 && s.rejected == 0)
        #expect(try f.store.report("D1", for: f.boss).title == "Jalan rusak parah")
        #expect(try f.store.audit("D1", for: f.boss).map(\.action) == ["import", "import_update"])
        for id in ["D2", "D3"] { #expect(try f.store.audit(id, for: f.boss).map(\.action) == ["import"]) }
    }

    @Test func trackingIDsWithQuotesBackslashesAndControlsAreFoundAgain() throws {
        let ids = ["Q\"1", "B\\2", "T\t3", "U\u{1}4", "emoji😡5", "plain6"]
        let decoded = try JSONSerialization.jsonObject(with: Data(ImportStage.jsonArray(ids).utf8)) as? [String]
        #expect(decoded == ids)
        let f = try Fixture()
        let rows = ids.enumerated().map { i, id in
            ImportRow(report: Report(trackingID: id, submittedAt: Fixture.now, title: "Judul \(i)", body: "Isi"), agencyName: nil, line: i + 2)
        }
        #expect(try f.store.applyImport(rows, by: f.op, at: Fixture.now).inserted == ids.count)
        let again = try f.store.applyImport(rows, by: f.op, at: Fixture.now)
        #expect(again.unchanged == ids.count && again.inserted == 0)
    }

    /// A batch relaxes `synchronous` and the checkpoint interval for itself only: the desk's own
    /// writes on the same connection afterwards wait for the disk as before.
    @Test func aBatchRestoresTheWritersDurabilitySettings() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-sync-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try LaporStore.open(path: dir.appendingPathComponent("desk.sqlite").path)
        let boss = try store.initialize(login: "kabid", at: Fixture.now)
        let settings = { try store.write { db in
            [try Int.fetchOne(db, sql: "PRAGMA synchronous"), try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint")]
        } }
        let before = try settings()
        let row = ImportRow(report: Report(trackingID: "S1", submittedAt: Fixture.now, title: "Judul", body: "Isi"), agencyName: nil, line: 2)
        #expect(try store.applyImport([row], by: boss, at: Fixture.now).inserted == 1)
        #expect(try settings() == before)
        #expect(before != [1, 16384])
    }

    @Test func importedReportsAreFoundByFullTextSearch() throws {
        let f = try Fixture()
        let path = try source("""
            tracking_id,submitted_at,title,body
            S1,2024-05-01 10:00,Banjir di Pasar,Air setinggi lutut
            S2,2024-05-01 10:05,Lampu mati,Gelap gulita
            S2,2024-05-01 10:05,Lampu jalan mati,Gelap total

            """)
        var importer = Importer(store: f.store, user: f.op, now: Fixture.now)
        importer.batchSize = 2
        _ = try importer.run([path], format: .csv)
        let compiler = FilterCompiler(now: Fixture.now, zone: .jakarta, calendar: WorkingCalendar(name: "national"))
        func find(_ filter: String) throws -> [String] {
            try f.store.reports(ReportQuery(condition: compiler.compile(filter)), for: f.boss).map(\.trackingID)
        }
        #expect(try find("banjir lutut") == ["S1"])
        #expect(try find("total") == ["S2"])
        #expect(try find("gulita").isEmpty) // the updated text replaced the old in the index
    }

    @Test func reimportIsUnchangedAndDeskDecisionsWin() throws {
        let f = try Fixture()
        let path = try source("""
            tracking_id,submitted_at,title,body,agency,status
            B1,2024-05-01 10:00,Sampah,Menumpuk,DLH,Terdisposisi ke DLH
            B2,2024-05-01 10:00,Jalan,Rusak,,

            """)
        let importer = Importer(store: f.store, user: f.op, now: Fixture.now)
        #expect(try importer.run([path], format: .csv).inserted == 2)
        let again = try importer.run([path], format: .csv)
        #expect(again.unchanged == 2 && again.inserted == 0 && again.updated == 0)
        // The desk routes B2; a file saying "new" must not undo that.
        _ = try f.store.route("B2", to: "PUPR", by: f.op, at: Fixture.now)
        let third = try importer.run([path], format: .csv)
        #expect(third.conflicts == 1 && third.unchanged == 2)
        #expect(try f.store.report("B2", for: f.boss).state == .dispositioned)
        #expect(try f.store.audit("B2", for: f.boss).last?.action == "import_conflict")
    }

    @Test func importedReportsRunClocksFromTheirOwnTimes() throws {
        let f = try Fixture()
        let path = try source("[{\"id\": \"C1\", \"Waktu\": \"2026-11-02 09:00\", \"Judul\": \"Lama\", \"Isi\": \"Belum diverifikasi\"}]", "json")
        #expect(try Importer(store: f.store, user: f.op, now: Fixture.now).run([path], format: .auto).inserted == 1)
        let overdue = try f.store.slaReadings(nil, for: f.boss, now: Fixture.now).first { $0.0.trackingID == "C1" }
        #expect(overdue?.1.first?.status == .overdue)
    }

    @Test func dryRunWritesNothingAndMaskedRowsKeepIdentities() throws {
        let f = try Fixture()
        var importer = Importer(store: f.store, user: f.op, now: Fixture.now)
        importer.dryRun = true
        let path = try source("tracking_id,submitted_at,title,anonymous,reporter_name\nD1,2024-05-01,Judul,ya,Siti\n")
        #expect(try importer.run([path], format: .auto).inserted == 1)
        #expect(try f.store.countReports(nil, for: f.boss) == 0)
        importer.dryRun = false
        _ = try importer.run([path], format: .auto)
        let masked = try source("tracking_id,submitted_at,title,anonymous,reporter_name\nD1,2024-05-01,Judul,ya,\n")
        #expect(try importer.run([masked], format: .auto).unchanged == 1)
        #expect(try f.store.report("D1", for: f.boss).reporterName == "Siti")
    }

    @Test func viewersAndAgenciesMayNotImport() throws {
        let f = try Fixture()
        let path = try source("tracking_id,submitted_at,title\nE1,2024-05-01,x\n")
        #expect(throws: LaporError.self) { try Importer(store: f.store, user: f.viewer, now: Fixture.now).run([path], format: .auto) }
        #expect(throws: LaporError.self) { try Importer(store: f.store, user: f.dlh, now: Fixture.now).run([path], format: .auto) }
    }
}
