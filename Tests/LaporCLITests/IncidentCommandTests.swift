import Foundation
import Testing
import LaporTestSupport
@testable import LaporCLI
import LaporCore

/// `similar`, `group`, `group suggest`, `ungroup`, `show --json`'s incident and the import's
/// re-sent reports, through the command line with pinned time.
@Suite(.serialized) struct IncidentCommandTests {
    let db = TestDesk.location("inc")
    let csv = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-inc-\(UUID().uuidString).csv").path
    let now = "2026-11-23T09:00:00+07:00"

    func lapor(_ arguments: String...) -> (code: Int32, out: String) {
        Capture.stdout { LaporCLI.run(["--db", db, "--now", now] + arguments) }
    }

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func theContractAndAResentReport() throws {
        defer {
            TestDesk.remove(db)
            try? FileManager.default.removeItem(atPath: csv)
        }
        #expect(lapor("--as", "kabid", "demo", "--seed", "1", "--days", "5").code == 0)
        let rows = [
            "tracking_id,submitted_at,title,body,category,channel,reporter_name,reporter_contact,kecamatan,kelurahan",
            "W1,2026-11-23T05:10:00,Banjir di Jl. Pakel,Jl. Pakel RT 03 tergenang sejak subuh,Bencana,web,Sari,081234567,Laweyan,Pajang",
            "W2,2026-11-23T06:20:00,Jalan tergenang air,Rumah warga RT 03 terendam,Bencana,sms,Budi,081299999,Laweyan,Pajang",
            "W3,2026-11-23T07:30:00,Rumah terendam banjir,Air selokan meluap di Jl. Pakel,Bencana,whatsapp,Ani,081288888,Laweyan,Pajang",
            // The first reporter again, the same words an hour later: sent twice.
            "W4,2026-11-23T06:15:00,Banjir di Jl. Pakel,Jl. Pakel RT 03 tergenang sejak subuh!,Bencana,whatsapp,Sari,0812-345-67,Laweyan,Pajang",
        ]
        try rows.joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try #require(try json(lapor("--as", "op.sari", "--json", "import", csv).out) as? [String: Any])
        #expect(imported["proposed_groups"] as? Int == 1)
        let proposed = try #require((imported["proposed"] as? [[String: Any]])?.first)
        #expect(proposed["members"] as? [String] == ["W1", "W4"])

        let similar = try #require(try json(lapor("--as", "op.sari", "--json", "similar", "W1").out) as? [[String: Any]])
        #expect(Set(similar.prefix(3).compactMap { $0["tracking_id"] as? String }) == ["W2", "W3", "W4"])
        for key in ["id", "tracking_id", "score", "reason", "state", "agency"] { #expect(similar[0][key] != nil, "missing \(key)") }

        let suggested = try #require(try json(lapor("--as", "op.sari", "--json", "group", "suggest", "--where", "~k pajang").out)
                                     as? [String: Any])
        let groups = try #require(suggested["groups"] as? [[String: Any]])
        let burst = try #require(groups.first { ($0["members"] as? [String])?.contains("W2") == true })
        #expect(Set(burst["members"] as? [String] ?? []) == ["W1", "W2", "W3", "W4"])
        #expect((burst["reason"] as? String)?.isEmpty == false && burst["score"] is Double)

        #expect(lapor("--as", "pimpinan", "group", "W2", "--into", "W1").code == 77)
        #expect(lapor("--as", "op.sari", "group", "W2", "W3", "W4", "--into", "W1").code == 0)
        let shown = try #require(try json(lapor("--as", "op.sari", "--json", "show", "W3").out) as? [String: Any])
        let incident = try #require(shown["incident"] as? [String: Any])
        #expect(incident["primary"] as? String == "W1" && incident["members"] as? Int == 3)
        let routed = try #require(try json(lapor("--as", "op.sari", "--json", "route", "W1", "--to", "BPBD").out) as? [[String: Any]])
        #expect((routed.first?["members"] as? [[String: Any]])?.count == 3)
        let list = try #require(try json(lapor("--as", "kabid", "--json", "list", "--where", "~g W1").out) as? [[String: Any]])
        #expect(list.count == 4 && list.allSatisfy { $0["state"] as? String == "dispositioned" })
        #expect(lapor("--as", "op.sari", "ungroup", "W4").code == 0)
        let alone = try #require(try json(lapor("--as", "op.sari", "--json", "show", "W4").out) as? [String: Any])
        #expect(alone["incident"] is NSNull)
        let emerging = try #require(try json(lapor("--as", "op.sari", "--json", "group", "suggest", "--emerging").out) as? [String: Any])
        #expect(emerging["groups"] is [Any])
    }
}
