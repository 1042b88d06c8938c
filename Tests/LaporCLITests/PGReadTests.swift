import Foundation
import Testing
import LaporTestSupport
@testable import LaporCLI
@testable import LaporCore

/// `list`, `export`, `show` and `audit` on PostgreSQL answer as on SQLite: one desk (a demo and reports whose text
/// tests the tokenizers) in a file and copied to a server; every filter term, sort, page and
/// reader must give the same reports, and every export the same bytes.
@Suite(.serialized, .enabled(if: PGTestServer.admin != nil, "needs LAPOR_TEST_PG_ADMIN (Tests/all.sh starts a cluster)"))
struct PGReadTests {
    static let now = "2026-11-24T09:00:00+07:00"

    /// The same desk twice: a SQLite file and a server database (built once for the suite).
    static let desk: Result<(file: String, server: String), Error> = Result {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-pgread-\(UUID().uuidString).sqlite").path
        let base = ["--db", file, "--as", "kabid.ikp", "--now", now]
        guard run(base + ["demo", "--days", "40"]).code == 0 else { throw LaporError.invalidArgument("demo failed") }
        let csv = file + ".csv"
        defer { try? FileManager.default.removeItem(atPath: csv) }
        // Text the two full-text indexes must split alike: an e-mail address, a host, a path,
        // hyphens, underscores, accents, digits inside words, LIKE's wildcards, mixed case.
        try """
            tracking_id,submitted_at,title,body,category,type,channel,reporter_name,reporter_contact,anonymous,confidential,kecamatan,kelurahan,agency,status
            TOK1,2026-11-20T08:00:00,Surat ke budi@mail.example.com,Lihat www.lapor.go.id/laporan dan C:/data/file_01.txt,Kebersihan,pengaduan,web,A,1,false,false,Laweyan,Bumi,,Belum Diverifikasi
            TOK2,2026-11-20T09:00:00,Jalan Kota-Bandung rusak,Kafé di Jl.Merdeka no.12a tutup; diskon 50% untuk_semua,Pekerjaan Umum,pengaduan,sms,B,2,true,false,Jebres,Mojosongo,,Belum Diverifikasi
            TOK3,2026-11-21T10:00:00,ÉCOLE Sekolah RT05/RW03,Guru ke-3 tidak hadir; 3.14 jam terlambat,Pendidikan,aspirasi,whatsapp,C,3,false,true,Jebres,Tegalharjo,,Belum Diverifikasi

            """.write(toFile: csv, atomically: true, encoding: .utf8)
        guard run(base + ["import", csv]).code == 0 else { throw LaporError.invalidArgument("import failed") }
        let server = try PGTestServer.database()
        guard run(["--as", "kabid.ikp", "db", "copy", file, server]).code == 0 else {
            throw LaporError.invalidArgument("db copy failed")
        }
        return (file, server)
    }

    static func run(_ arguments: [String]) -> (code: Int32, out: String) {
        Capture.stdout { LaporCLI.run(arguments) }
    }

    func list(_ db: String, as login: String = "kabid.ikp", _ extra: [String]) -> (code: Int32, out: String) {
        Self.run(["--db", db, "--as", login, "--now", Self.now, "list", "--ids", "--limit", "100000"] + extra)
    }

    @Test func everyFilterTermSelectsTheSameReports() throws {
        let (file, server) = try Self.desk.get()
        let filters = [
            "", "~s new", "~s selesai", "~s dispositioned", "~a PUPR", "~a pupr", "~a dinas", "~a DP", "~a kesehatan",
            "~c jalan", "~c KEBERSIHAN", "~k jebres", "~k 50%", "~h web", "~h whatsapp", "~d 2026-11", "~d 2026-11-20",
            "~d 2026-11-01..2026-11-15", "~d <7d", "~d >30d", "~d today", "~o", "!~o", "~w 0", "~w 3", "~A", "~R", "~I", "~G",
            "sampah", "jalan rusak", "jal", "JALAN", "mail", "budi", "example", "lapor", "laporan", "file", "01",
            "txt", "kota", "bandung", "kafe", "kafé", "cafe", "merdeka", "12a", "12", "untuk", "semua", "ecole", "école",
            "rt05", "rw03", "ke", "3", "14", "'; DROP TABLE report; --", "🙂", "50%", "_",
            // A server's vectors also hold each report's day as `~d20412` (v6); no filter word reaches it.
            "d20412", "d2041", "d",
            "(~s new | ~s verified) ~d <7d", "~a DLH ~w 5", "banjir | sampah !~A", "!(~h web | ~h sms) ~c jalan",
        ]
        var nonEmpty = 0
        for filter in filters {
            let extra = filter.isEmpty ? [] : ["--where", filter]
            let here = list(file, extra)
            let there = list(server, extra)
            #expect(here.code == 0 && there.code == 0, "\(filter): exit \(here.code) / \(there.code) \(there.out.prefix(200))")
            let a = here.out.split(separator: "\n"), b = there.out.split(separator: "\n")
            let same = a == b
            #expect(same, "\(filter): \(a.count) reports on SQLite, \(b.count) on PostgreSQL")
            if !a.isEmpty { nonEmpty += 1 }
        }
        // The corpus exercises the terms: most filters select something.
        #expect(nonEmpty >= filters.count - 10)
        #expect(list(server, ["--where", "mail"]).out.contains("TOK1"))
        #expect(list(server, ["--where", "kafe"]).out.contains("TOK2"))
    }

    @Test func sortsPagesStatesAgenciesAndTheTableAgree() throws {
        let (file, server) = try Self.desk.get()
        for sort in ReportQuery.Sort.allCases {
            let extra = ["--sort", sort.rawValue, "--limit", "300", "--offset", "17"]
            #expect(list(file, extra).out == list(server, extra).out, "--sort \(sort.rawValue)")
        }
        for extra in [["--state", "verified"], ["--agency", "DLH"], ["--agency", "pekerjaan umum"]] {
            #expect(list(file, extra).out == list(server, extra).out, "\(extra)")
        }
        let table = ["--db", "X", "--as", "kabid.ikp", "--now", Self.now, "--lang", "en", "list", "--where", "~o", "--limit", "40"]
        let here = Self.run(table.map { $0 == "X" ? file : $0 })
        let there = Self.run(table.map { $0 == "X" ? server : $0 })
        #expect(here.code == 0 && here.out == there.out)
        let json = ["--db", "X", "--as", "kabid.ikp", "--now", Self.now, "--json", "list", "--where", "~A", "--limit", "30"]
        #expect(Self.run(json.map { $0 == "X" ? file : $0 }).out == Self.run(json.map { $0 == "X" ? server : $0 }).out)
    }

    @Test func aLiaisonSeesOnlyItsAgencyOnBothEngines() throws {
        let (file, server) = try Self.desk.get()
        let here = list(file, as: "pd.dlh", [])
        let there = list(server, as: "pd.dlh", [])
        #expect(here.code == 0 && here.out == there.out)
        let all = list(server, []).out.split(separator: "\n").count
        let own = there.out.split(separator: "\n").count
        #expect(own > 0 && own < all)
        #expect(list(server, as: "nobody", []).code == 77)
    }

    @Test func exportsAreByteIdenticalAcrossEngines() throws {
        let (file, server) = try Self.desk.get()
        for format in ["csv", "json", "ndjson"] {
            for filter in ["", "~A | ~R", "jalan"] {
                var args = ["--as", "kabid.ikp", "--now", Self.now, "export", "--format", format]
                if !filter.isEmpty { args += ["--where", filter] }
                let here = Self.run(["--db", file] + args)
                let there = Self.run(["--db", server] + args)
                #expect(here.code == 0 && there.code == 0)
                #expect(here.out.utf8.count > 100)
                #expect(here.out == there.out, "\(format) \(filter)")
            }
        }
        let liaison = ["--as", "pd.dlh", "--now", Self.now, "export", "--format", "csv"]
        #expect(Self.run(["--db", file] + liaison).out == Self.run(["--db", server] + liaison).out)
    }

    @Test func showAndAuditAgreeForEveryKindOfReport() throws {
        let (file, server) = try Self.desk.get()
        // A sample of every kind: routed, returned, closed, on hold, requests, incident members, imported.
        var picks = ["TOK1", "TOK2", "TOK3"]
        for filter in ["~s dispositioned", "~s resolved", "~s archived", "~s on_hold", "~s awaiting", "~I", "~G", "~o", "~R"] {
            let ids = list(file, ["--where", filter]).out.split(separator: "\n").map(String.init)
            picks += ids.prefix(3) + ids.suffix(2)
        }
        #expect(picks.count > 30)
        for id in picks {
            for lang in ["en", "id"] {
                for json in [true, false] {
                    let args = ["--as", "kabid.ikp", "--now", Self.now, "--lang", lang] + (json ? ["--json"] : []) + ["show", id]
                    let here = Self.run(["--db", file] + args)
                    let there = Self.run(["--db", server] + args)
                    let same = here.code == 0 && here.out == there.out
                    #expect(same, "show \(id) --lang \(lang) json \(json): exit \(here.code)/\(there.code)")
                }
            }
        }
        for args in [["audit"], ["audit", "--limit", "400"], ["audit", picks[5]], ["--json", "audit", "--limit", "100"]] {
            let full = ["--as", "kabid.ikp", "--now", Self.now] + args
            let here = Self.run(["--db", file] + full)
            #expect(here.code == 0 && here.out == Self.run(["--db", server] + full).out, "\(args)")
        }
        let liaison = ["--as", "pd.dlh", "--now", Self.now, "audit", "--limit", "200"]
        #expect(Self.run(["--db", file] + liaison).out == Self.run(["--db", server] + liaison).out)
        // A liaison is refused another agency's report the same way (77) on both engines.
        let foreign = try #require(list(file, ["--where", "~a PUPR"]).out.split(separator: "\n").first.map(String.init))
        #expect(Self.run(["--db", file, "--as", "pd.dlh", "show", foreign]).code == 77)
        #expect(Self.run(["--db", server, "--as", "pd.dlh", "show", foreign]).code == 77)
        #expect(Self.run(["--db", server, "--as", "kabid.ikp", "show", "NO-SUCH"]).code
                == Self.run(["--db", file, "--as", "kabid.ikp", "show", "NO-SUCH"]).code)
    }

    /// Reveals go through the server's door (`lapor_reveal`): the same output as on a file and
    /// one `reveal` record each; the one path that still needs a file is refused and writes nothing.
    @Test func revealsAnswerAsOnAFileAndWhatStillNeedsAFileSaysSo() throws {
        let (file, server) = try Self.desk.get()
        func reveals(_ db: String) -> Int {
            let rows = (try? PGConnection(uri: server).execute("SELECT count(*) FROM audit WHERE action = 'reveal'"))
            if db == server { return rows?.int(0, 0) ?? -1 }
            return Int(Self.run(["--db", db, "--as", "kabid.ikp", "audit", "--json", "--limit", "100000"]).out
                .components(separatedBy: "\"reveal\"").count - 1)
        }
        let before = (reveals(file), reveals(server))
        for args in [["export", "--reveal"], ["show", "TOK1", "--reveal"], ["ppid", "register", "--reveal"],
                     ["export", "--reveal", "--format", "json", "--where", "anonim"]] {
            let full = ["--as", "kabid.ikp", "--now", Self.now] + args
            let here = Self.run(["--db", file] + full)
            let there = Self.run(["--db", server] + full)
            #expect(here.code == 0 && there.code == 0 && here.out == there.out, "\(args)")
        }
        #expect(reveals(file) - before.0 == 4 && reveals(server) - before.1 == 4)
        let refused = Self.run(["--db", server, "--as", "op.sari", "--now", Self.now, "show", "TOK1", "--reveal"])
        #expect(refused.code == 77 && refused.out.isEmpty)
        #expect(Self.run(["--db", server, "--as", "kabid.ikp", "--now", Self.now, "desk", "--demo", "--headless"]).code == 73)
        #expect(Self.run(["--db", server, "--as", "kabid.ikp", "list", "--where", "~w"]).code == 2)
        #expect(reveals(server) - before.1 == 4)
    }
}
