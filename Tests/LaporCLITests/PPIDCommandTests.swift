import Foundation
import Testing
import LaporTestSupport
@testable import LaporCLI
import LaporCore

/// `lapor ppid`: the annual report of a demo year equals what one counts by hand from the register
/// the same command prints as CSV, and the request verbs keep their exit codes.
@Suite(.serialized) struct PPIDCommandTests {
    let db = TestDesk.location("ppid")
    let now = "2024-12-31T16:00:00+07:00"

    func lapor(_ arguments: String...) -> (code: Int32, out: String) {
        Capture.stdout { LaporCLI.run(["--db", db, "--as", "kabid", "--now", now, "--lang", "en"] + arguments) }
    }

    /// Splits one CSV line (quoted fields may hold commas).
    static func fields(_ line: String) -> [String] {
        var out: [String] = [], field = "", quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } }
                else { field.append(c) }
            } else if c == "\"" { quoted = true } else if c == "," { out.append(field); field = "" } else { field.append(c) }
        }
        out.append(field)
        return out
    }

    @Test func theAnnualReportEqualsTheRegisterCountedByHand() throws {
        defer { TestDesk.remove(db) }
        #expect(lapor("demo", "--seed", "7", "--days", "200").code == 0)
        let csv = lapor("ppid", "register", "--year", "2024", "--format", "csv")
        #expect(csv.code == 0)
        let lines = csv.out.split(separator: "\n").map(String.init)
        let header = Self.fields(lines[0])
        let rows = lines.dropFirst().map(Self.fields)
        #expect(rows.count > 300, "a 200-day demo holds a few hundred requests, not \(rows.count)")
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        func count(_ name: String, _ test: (String) -> Bool) -> Int { rows.filter { test($0[column(name)]) }.count }
        let days = rows.compactMap { Int($0[column("Working days")]) }

        let json = lapor("ppid", "report", "--year", "2024", "--json")
        #expect(json.code == 0)
        let report = try JSONDecoder().decode(PPIDAnnualReport.self, from: Data(json.out.utf8))
        let t = report.total
        #expect(t.received == rows.count)
        #expect(t.granted == count("Decision") { $0 == "Granted" })
        #expect(t.partial == count("Decision") { $0 == "Partly granted" })
        #expect(t.refused == count("Decision") { $0 == "Refused" })
        #expect(t.refusedByGround["pasal17"] ?? 0 == count("Ground") { $0.hasPrefix("Exempt") })
        #expect(t.refusedByGround["not_held"] ?? 0 == count("Ground") { $0 == "Not held" })
        #expect(t.extensions == count("Extended") { $0 == "yes" })
        #expect(t.answeredLate == count("Late") { $0 == "yes" })
        #expect(t.objections == count("Objection") { !$0.isEmpty })
        #expect(t.objectionsAccepted == count("Objection") { $0 == "Upheld" })
        #expect(t.objectionsRejected == count("Objection") { $0 == "Rejected" })
        #expect(t.disputes == count("Dispute") { $0 == "yes" })
        #expect(t.longestWorkingDays == days.max())
        let average = (Double(days.reduce(0, +)) / Double(days.count) * 10).rounded() / 10
        #expect(t.averageWorkingDays == average)
        // The demo exercises every part of the report.
        #expect(t.granted > 0 && t.partial > 0 && t.refused > 0 && t.extensions > 0 && t.objections > 0 && t.disputes > 0)
        // Per PPID Pembantu, the lines add up to the total.
        #expect(report.byPPID.values.map(\.received).reduce(0, +) == t.received)
        #expect(report.byPPID.values.map(\.objections).reduce(0, +) == t.objections)

        // The objections register lists exactly the objected requests.
        let objections = lapor("ppid", "objections", "--year", "2024", "--json")
        let entries = try JSONDecoder().decode([ObjectionEntry].self, from: Data(objections.out.utf8))
        #expect(entries.count == t.objections)
        #expect(entries.filter { $0.outcome == .rejected }.count == t.objectionsRejected)
    }

    @Test func requestVerbsKeepTheirExitCodes() throws {
        defer { TestDesk.remove(db) }
        #expect(lapor("demo", "--seed", "7", "--days", "30").code == 0)
        let list = lapor("list", "--where", "~I ~s new", "--json")
        let open = try #require(try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [[String: Any]])
        let tid = try #require(open.first?["tracking_id"] as? String)
        #expect(lapor("decide", tid, "--decision", "maybe", "--note", "x").code == 2)
        #expect(lapor("decide", tid, "--decision", "refused", "--note", "x").code == 2)
        #expect(lapor("decide", tid, "--decision", "granted", "--ground", "not_held", "--note", "x").code == 2)
        #expect(lapor("--as", "pimpinan", "extend", tid, "--note", "x").code == 77)
        #expect(lapor("extend", tid, "--note", "Data dihimpun").code == 0)
        #expect(lapor("extend", tid, "--note", "lagi").code == 1)
        #expect(lapor("object", tid, "--note", "x").code == 1)
        #expect(lapor("decide", tid, "--decision", "partial", "--ground", "pasal17:b", "--note", "Sebagian dikecualikan").code == 0)
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(lapor("show", tid, "--json").out.utf8)) as? [String: Any])
        let request = try #require(shown["request"] as? [String: Any])
        #expect(request["decision"] as? String == "partial")
        #expect(request["ground"] as? String == "pasal17:b")
        #expect((request["registration"] as? String)?.hasSuffix("/PPID/2024") == true)
        // Before an objection there is nothing for the desk to respond to: a liaison answers complaints, not the desk.
        #expect(lapor("respond", tid, "--note", "x", "--outcome", "accepted").code == 77)
        #expect(lapor("object", tid, "--note", "Keberatan atas penolakan sebagian").code == 0)
        #expect(lapor("respond", tid, "--note", "Tanggapan atasan").code == 2)
        #expect(lapor("respond", tid, "--note", "Tanggapan atasan", "--outcome", "rejected").code == 0)
        #expect(lapor("dispute", tid, "--note", "Ke Komisi Informasi").code == 0)
        #expect(lapor("dispute", tid, "--note", "lagi").code == 1)
    }

    /// An imported batch numbers its requests in file order and leaves complaints without a number.
    @Test func importedRequestsAreRegistered() throws {
        defer { TestDesk.remove(db) }
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-ppid-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: csv) }
        try """
            tracking_id,submitted_at,title,body,category,type,channel,reporter_name,reporter_contact,anonymous,confidential,kecamatan,kelurahan,agency,status
            PI-1,2024-04-05T10:00:00,Data anggaran,Mohon rincian.,Informasi,permintaan_informasi,web,Rudi,0812,false,false,Laweyan,Bumi,,Belum Diverifikasi
            C-1,2024-04-05T10:30:00,Jalan rusak,Berlubang.,Jalan,pengaduan,web,Ani,0813,false,false,Jebres,Mojosongo,,Belum Diverifikasi
            PI-2,2024-04-05T11:00:00,Kontrak proyek,Mohon salinan.,Informasi,permintaan_informasi,web,Sari,0814,false,false,Jebres,Mojosongo,,Belum Diverifikasi

            """.write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(lapor("init").code == 0)
        #expect(lapor("import", csv).code == 0)
        func registration(_ tid: String) throws -> Any? {
            let shown = try JSONSerialization.jsonObject(with: Data(lapor("show", tid, "--json").out.utf8)) as? [String: Any]
            return (shown?["request"] as? [String: Any])?["registration"]
        }
        #expect(try registration("PI-1") as? String == "0001/PPID/2024")
        #expect(try registration("PI-2") as? String == "0002/PPID/2024")
        #expect(try registration("C-1") == nil)
    }
}
