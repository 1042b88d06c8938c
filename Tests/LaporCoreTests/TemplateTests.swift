import Foundation
import Testing
@testable import LaporCore

/// Reply templates: every placeholder filled for named, anonim and rahasia reporters (a masked
/// identity never reaches a note), bad templates refused with their position, the file format
/// round-tripping, and `--template`'s store call refusing what does not fit.
@Suite struct TemplateTests {
    static let every = "{tracking_id}|{judul}|{title}|{instansi}|{agency}|{kategori}|{category}|{tanggal}|{date}|"
        + "{batas}|{deadline}|{pelapor}|{reporter}|{operator}"

    func fixture() throws -> (Fixture, ReplyTemplate) {
        let f = try Fixture()
        let t = try f.store.saveTemplate(ReplyTemplate(name: "semua", text: Self.every), replacing: false, by: f.boss, at: Fixture.now)
        return (f, t)
    }

    @Test func fillsEveryPlaceholderForANamedReporter() throws {
        let (f, _) = try fixture()
        try f.report("T-1")
        _ = try f.store.route("T-1", to: "DLH", by: f.op, at: Fixture.now)
        let text = try f.store.fillTemplate("semua", action: .hold, report: "T-1", by: f.op, at: Fixture.now)
        let parts = text.split(separator: "|").map(String.init)
        let report = try f.store.report("T-1", for: f.boss)
        let due = try #require(report.dueAt)
        #expect(parts[0] == "T-1")
        #expect(parts[1] == "Sampah menumpuk" && parts[2] == "Sampah menumpuk")
        #expect(parts[3] == "Dinas Lingkungan Hidup" && parts[4] == "Dinas Lingkungan Hidup")
        #expect(parts[5] == "Kebersihan" && parts[6] == "Kebersihan")
        // Submitted 2026-11-22 09:00 WIB, one day before the fixture's now.
        #expect(parts[7] == "22 November 2026" && parts[8] == "22 November 2026")
        #expect(parts[9] == LongDate.text(due, zone: .jakarta, language: .id) && parts[9] == parts[10])
        #expect(parts[11] == "Siti" && parts[12] == "Siti")
        #expect(parts[13] == "op")
    }

    @Test(arguments: [(true, false), (false, true), (true, true)])
    func protectedReportersBecomeASalutation(anonymous: Bool, confidential: Bool) throws {
        let (f, _) = try fixture()
        try f.report("T-2", anonymous: anonymous, confidential: confidential)
        for user in [f.op, f.boss] {
            let text = try f.store.fillTemplate("semua", action: .archive, report: "T-2", by: user, at: Fixture.now)
            #expect(!text.contains("Siti") && !text.contains("0812"))
            #expect(!text.contains(IdentityMask.placeholder(.id)) && !text.contains("*"))
            #expect(text.split(separator: "|")[11] == "Bapak/Ibu Pelapor")
            // Unrouted: the agency is named neutrally, never left as a placeholder.
            #expect(text.split(separator: "|")[3] == "instansi terkait")
        }
        // Through the action: the audit note carries the filled text, still without the identity.
        let archived = try f.store.perform(.archive, on: "T-2", by: f.op, at: Fixture.now,
                                           note: try f.store.fillTemplate("semua", action: .archive, report: "T-2", by: f.op,
                                                                          at: Fixture.now))
        #expect(archived.state == .archived)
        let note = try #require(try f.store.audit("T-2", for: f.boss).last?.note)
        #expect(note.hasPrefix("T-2|") && !note.contains("Siti"))
    }

    @Test func englishTemplatesWriteEnglishDatesAndSalutations() throws {
        let f = try Fixture()
        try f.store.saveTemplate(ReplyTemplate(name: "en", language: .en, actions: [.route], text: "Dear {reporter}, {date}, {agency}"),
                                 replacing: false, by: f.boss, at: Fixture.now)
        try f.report("T-3", confidential: true)
        let text = try f.store.fillTemplate("en", action: .route, report: "T-3", agency: "PUPR", by: f.op, at: Fixture.now)
        #expect(text == "Dear Sir or Madam, 22 November 2026, Dinas Pekerjaan Umum dan Penataan Ruang")
    }

    @Test func longDatesInIndonesian() {
        let date = DeskZone.jakarta.date(year: 2024, month: 3, day: 12, hour: 23)!
        #expect(LongDate.text(date, zone: .jakarta, language: .id) == "12 Maret 2024")
        #expect(LongDate.text(date, zone: .jakarta, language: .en) == "12 March 2024")
    }

    @Test func badTemplatesAreRefusedWithTheirPosition() throws {
        let f = try Fixture()
        func refusal(_ t: ReplyTemplate) -> String? {
            do {
                try f.store.saveTemplate(t, replacing: false, by: f.boss, at: Fixture.now)
                return nil
            } catch let error as LaporError {
                return error.message(.en)
            } catch {
                return "\(error)"
            }
        }
        #expect(refusal(ReplyTemplate(name: "x", text: "Halo {nama} dan {pelapor}"))?.contains("unknown placeholder {nama} at column 6") == true)
        #expect(refusal(ReplyTemplate(name: "x", text: "Halo {pelapor"))?.contains("column 6 has no closing }") == true)
        #expect(refusal(ReplyTemplate(name: "two words", text: "Halo"))?.contains("one word") == true)
        #expect(refusal(ReplyTemplate(name: "x", text: "   "))?.contains("no text") == true)
        #expect(refusal(ReplyTemplate(name: "x", actions: [.verify], text: "Halo"))?.contains("takes no note") == true)
        #expect(refusal(ReplyTemplate(name: "x", agencyCode: "NOPE", text: "Halo")) != nil)
        // Literal braces are written doubled and come out single.
        #expect(refusal(ReplyTemplate(name: "braces", text: "Kode {{A}} untuk {tracking_id}")) == nil)
        try f.report("T-4")
        #expect(try f.store.fillTemplate("braces", action: .hold, report: "T-4", by: f.op, at: Fixture.now) == "Kode {A} untuk T-4")
        #expect(try f.store.templates(for: f.boss).filter { $0.name == "x" }.isEmpty)
        // A template for another action does not fit; a name nobody saved is not found.
        try f.store.saveTemplate(ReplyTemplate(name: "only-hold", actions: [.hold], text: "Mohon lengkapi {judul}"),
                                 replacing: false, by: f.boss, at: Fixture.now)
        #expect(throws: LaporError.self) { try f.store.fillTemplate("only-hold", action: .archive, report: "T-4", by: f.op, at: Fixture.now) }
        #expect(throws: LaporError.templateNotFound("nope")) { try f.store.fillTemplate("nope", action: .hold, report: "T-4", by: f.op, at: Fixture.now) }
    }

    @Test func onlySupervisorsChangeTemplatesAndEveryChangeIsAudited() throws {
        let f = try Fixture()
        let before = try f.auditCount()
        #expect(throws: LaporError.self) {
            try f.store.saveTemplate(ReplyTemplate(name: "op", text: "x"), replacing: false, by: f.op, at: Fixture.now)
        }
        try f.store.saveTemplate(ReplyTemplate(name: "a", text: "Satu"), replacing: false, by: f.boss, at: Fixture.now)
        try f.store.saveTemplate(ReplyTemplate(name: "a", text: "Dua"), replacing: true, by: f.boss, at: Fixture.now)
        try f.store.removeTemplate("a", by: f.boss, at: Fixture.now)
        let records = try f.store.audit(for: f.boss).suffix(3)
        #expect(records.map(\.action) == ["template_add", "template_edit", "template_remove"])
        #expect(records.map(\.note) == ["a: Satu", "a: Dua", "a: Dua"])
        #expect(try f.auditCount() == before + 3)
    }

    @Test func liaisonsSeeTheirAgencysAndTheSharedTemplates() throws {
        let f = try Fixture()
        try f.store.saveTemplate(ReplyTemplate(name: "dlh-only", actions: [.followUp], agencyCode: "DLH", text: "DLH {judul}"),
                                 replacing: false, by: f.boss, at: Fixture.now)
        let dlh = try f.store.templates(for: f.dlh, action: .followUp).map(\.name)
        let pupr = try f.store.templates(for: f.pupr, action: .followUp).map(\.name)
        #expect(dlh.contains("dlh-only") && dlh.contains("tindak-lanjut"))
        #expect(!pupr.contains("dlh-only") && pupr.contains("tindak-lanjut"))
        #expect(throws: LaporError.templateNotFound("dlh-only")) { try f.store.template(named: "dlh-only", for: f.pupr) }
    }

    @Test func theFileRoundTrips() throws {
        let f = try Fixture()
        try f.store.saveTemplate(ReplyTemplate(name: "dlh-panjang", language: .en, actions: [.followUp, .respond], agencyCode: "DLH",
                                               text: String(repeating: "A long line with {judul} and {{braces}} # not a comment ", count: 6)),
                                 replacing: false, by: f.boss, at: Fixture.now)
        let all = try f.store.templates(for: f.boss)
        let file = TemplateFile.write(all)
        #expect(file.split(separator: "\n").allSatisfy { $0.count <= 80 || !$0.contains(" ") })
        let back = try TemplateFile.parse(file)
        #expect(back == all)
        #expect(TemplateFile.write(back) == file)
        // Loading the unchanged file changes nothing; one edited text is one update.
        #expect(try f.store.importTemplates(back, by: f.boss, at: Fixture.now) == (0, 0, all.count))
        let edited = file.replacingOccurrences(of: "Laporan {tracking_id} diarsipkan karena tidak berisi",
                                               with: "Laporan {tracking_id} kami arsipkan karena tidak berisi")
        #expect(try f.store.importTemplates(try TemplateFile.parse(edited), by: f.boss, at: Fixture.now) == (0, 1, all.count - 1))
        #expect(try f.store.template(named: "arsip-spam", for: f.op).text.contains("kami arsipkan"))
    }

    @Test func theFileNamesTheLineOfAProblem() throws {
        let text = "# comment\n\n== ok\nlang: id\n\nHalo {pelapor}\n\n== bad\nactions: hold\n\nHalo {siapa}\n"
        #expect(throws: LaporError.invalidArgument(
            "Line 8: Template bad: unknown placeholder {siapa} at column 6; known: "
                + TemplateText.placeholders.map { "{\($0)}" }.joined(separator: " ") + ".")) {
            try TemplateFile.parse(text)
        }
        #expect(throws: LaporError.self) { try TemplateFile.parse("stray text\n== a\n\nHalo\n") }
        #expect(throws: LaporError.self) { try TemplateFile.parse("== a\nlang: fr\n\nHalo\n") }
        #expect(throws: LaporError.self) { try TemplateFile.parse("== a\n\nHalo\n== a\n\nLagi\n") }
    }

    @Test func aNewDeskHasTheStarterSetInBothLanguages() throws {
        let f = try Fixture()
        let names = Set(try f.store.templates(for: f.boss).map(\.name))
        for name in ["tunda-lengkapi", "bukan-wewenang", "diteruskan", "tindak-lanjut", "dijawab", "arsip-duplikat", "arsip-spam",
                     "hold-missing-info", "not-our-remit", "forwarded", "follow-up-in-progress", "answered",
                     "archived-duplicate", "archived-spam"] {
            #expect(names.contains(name), "\(name) missing")
        }
    }
}
