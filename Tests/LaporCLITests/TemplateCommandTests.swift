import Foundation
import Testing
import LaporTestSupport
@testable import LaporCLI
import LaporCore

/// `lapor template …` and `--template` through the command line, with pinned time.
@Suite(.serialized) struct TemplateCommandTests {
    let db = TestDesk.location("tpl")
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-tpl-\(UUID().uuidString).txt").path
    let now = "2026-11-23T09:00:00+07:00"

    func lapor(_ arguments: String...) -> (code: Int32, out: String) {
        Capture.stdout { LaporCLI.run(["--db", db, "--now", now] + arguments) }
    }

    func cleanUp() {
        TestDesk.remove(db)
        try? FileManager.default.removeItem(atPath: file)
    }

    func newReports(_ count: Int) throws -> [(id: String, protected: Bool, name: String?)] {
        let out = lapor("--as", "kabid", "list", "--state", "new", "--limit", String(count), "--json").out
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        return rows.map { row in
            (row["tracking_id"] as! String, (row["anonymous"] as? Bool ?? false) || (row["confidential"] as? Bool ?? false),
             row["reporter_name"] as? String)
        }
    }

    @Test func everyVerbWithANoteTakesATemplateFilledPerReport() throws {
        defer { cleanUp() }
        #expect(lapor("--as", "kabid", "demo", "--seed", "1", "--days", "20").code == 0)
        let reports = try newReports(40)
        let named = try #require(reports.first { !$0.protected && $0.name != nil })
        let hidden = try #require(reports.first { $0.protected })
        #expect(lapor("--as", "op.sari", "route", named.id, hidden.id, "--to", "DLH", "--template", "diteruskan").code == 0)
        let audit = lapor("--as", "kabid", "audit", "--json", "--limit", "2").out
        let records = try #require(try JSONSerialization.jsonObject(with: Data(audit.utf8)) as? [[String: Any]])
        let notes = Dictionary(uniqueKeysWithValues: records.map { ($0["tracking_id"] as? String ?? "", $0["note"] as? String ?? "") })
        #expect(notes[named.id]?.hasPrefix("Yth. \(named.name!), laporan Anda nomor \(named.id)") == true)
        #expect(notes[named.id]?.contains("Dinas Lingkungan Hidup") == true)
        #expect(notes[hidden.id]?.hasPrefix("Yth. Bapak/Ibu Pelapor, laporan Anda nomor \(hidden.id)") == true)
        // Both a note and a template, a template for another action, an unknown one: refused, nothing changes.
        let other = try #require(reports.last)
        #expect(lapor("--as", "op.sari", "hold", other.id, "--note", "x", "--template", "tunda-lengkapi").code == 2)
        #expect(lapor("--as", "op.sari", "hold", other.id, "--template", "arsip-spam").code == 2)
        #expect(lapor("--as", "op.sari", "hold", other.id, "--template", "nope").code == 1)
        #expect(lapor("--as", "kabid", "show", other.id, "--json").out.contains("\"state\" : \"new\""))
    }

    @Test func exportImportRoundTripsAndABadFileChangesNothing() throws {
        defer { cleanUp() }
        #expect(lapor("--as", "kabid", "demo", "--seed", "1", "--days", "5").code == 0)
        #expect(lapor("--as", "kabid", "template", "add", "air-mati", "--actions", "follow-up,respond", "--agency", "PDAM",
                      "--text", "Gangguan air untuk laporan {tracking_id} ditangani {instansi}.").code == 0)
        #expect(lapor("--as", "op.sari", "template", "add", "x", "--text", "y").code == 77)
        #expect(lapor("--as", "kabid", "template", "add", "y", "--text", "Halo {nama}").code == 2)
        #expect(lapor("--as", "kabid", "template", "export", "-o", file).code == 0)
        let exported = try String(contentsOfFile: file, encoding: .utf8)
        #expect(exported.contains("== air-mati\nlang: id\nactions: follow-up,respond\nagency: PDAM\n"))
        #expect(lapor("--as", "kabid", "--json", "template", "import", file).out.contains("\"unchanged\" : 15"))
        // A hand edit: one text changed, one template added.
        let edited = exported.replacingOccurrences(of: "ditangani {instansi}.", with: "sedang ditangani {instansi}.")
            + "\n== baru\nactions: archive\n\nLaporan {tracking_id} kami arsipkan.\n"
        try edited.write(toFile: file, atomically: true, encoding: .utf8)
        let summary = lapor("--as", "kabid", "--json", "template", "import", file).out
        #expect(summary.contains("\"added\" : 1") && summary.contains("\"updated\" : 1") && summary.contains("\"unchanged\" : 14"))
        // A file with one bad template is refused whole (exit 65, naming the line), and nothing changes.
        try (edited + "\n== rusak\n\nHalo {siapa}\n").replacingOccurrences(of: "== baru", with: "== baru2")
            .write(toFile: file, atomically: true, encoding: .utf8)
        #expect(lapor("--as", "kabid", "template", "import", file).code == 65)
        #expect(lapor("--as", "kabid", "template", "show", "baru2").code == 1)
        // A liaison of another agency does not see PDAM's own template.
        #expect(lapor("--as", "kabid", "--json", "template", "list").out.contains("air-mati"))
        let liaison = lapor("--as", "kabid", "--json", "user", "list").out
        let login = try #require(liaisonLogin(liaison, notOf: "PDAM"))
        #expect(!lapor("--as", login, "--json", "template", "list").out.contains("air-mati"))
        #expect(lapor("--as", login, "--json", "template", "list").out.contains("tunda-lengkapi"))
    }

    func liaisonLogin(_ json: String, notOf agency: String) -> String? {
        guard let users = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] else { return nil }
        return users.first { ($0["role"] as? String) == "agency" && ($0["agency"] as? String) != agency }?["login"] as? String
    }
}
