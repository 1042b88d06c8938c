import Foundation
import Testing
@testable import LaporCore

/// Finding reports about the same incident: signatures, scores with reasons, and `group suggest`'s
/// pairwise precision and recall on generated bursts with decoys.
@Suite struct IncidentTests {
    static let start = DeskZone.jakarta.date(year: 2026, month: 10, day: 1, hour: 8)!

    @Test func placesAndProblemWordsAreReadFromFieldsAndText() {
        let r = Report(trackingID: "1", submittedAt: Self.start, title: "Rumah warga terendam banjir",
                       body: "air selokan meluap di Jl. Ir. Juanda kel. Pucangsawit RT03, mohon dibantu", kelurahan: "")
        let s = IncidentSignature(r)
        #expect(s.places.isSuperset(of: ["jl:juanda", "kel:pucangsawit", "rt:3"]))
        #expect(s.words.contains("banjir") && !s.words.contains("warga"))
    }

    /// A kept signature is the one the report's fields give, and a changed field (whatever changed
    /// it, with or without a new version) gives a new one.
    @Test func aKeptSignatureFollowsTheReportsFields() {
        let cache = SignatureCache(capacity: 3)
        var r = Report(id: 7, trackingID: "7", submittedAt: Self.start, title: "Sampah menumpuk",
                       body: "di Jl. Pakel RT 03", kecamatan: "Laweyan", kelurahan: "Pajang")
        #expect(cache.signature(of: r) == IncidentSignature(r))
        #expect(cache.signature(of: r) == IncidentSignature(r))
        r.body = "banjir di Jl. Nirbitan"
        #expect(cache.signature(of: r) == IncidentSignature(r))
        #expect(cache.signature(of: r).words.contains("banjir"))
        r.kelurahan = "Sondakan"
        #expect(cache.signature(of: r).places.contains("kel:sondakan"))
        r.reporterContact = "0812-555"
        #expect(cache.signature(of: r).contact == "0812555")
        for id in 8...12 {
            var other = r
            other.id = Int64(id)
            other.title = "Lampu mati \(id)"
            #expect(cache.signature(of: other) == IncidentSignature(other), "past its capacity it starts again")
        }
    }

    @Test func sameKelurahanAndProblemLinkButAnotherKelurahanDoesNot() {
        let a = IncidentSignature(Report(trackingID: "1", submittedAt: Self.start, title: "Banjir di Jl. Pakel", body: "RT 03 tergenang",
                                         kecamatan: "Laweyan", kelurahan: "Pajang"))
        let b = IncidentSignature(Report(trackingID: "2", submittedAt: Self.start.addingTimeInterval(7200), title: "Jalan tergenang air",
                                         body: "rumah terendam di RT 03", kecamatan: "Laweyan", kelurahan: "Pajang"))
        let c = IncidentSignature(Report(trackingID: "3", submittedAt: Self.start.addingTimeInterval(3600), title: "Banjir di Jl. Nirbitan",
                                         body: "tergenang", kecamatan: "Laweyan", kelurahan: "Sondakan"))
        let ab = Similarity.between(a, b, window: 3 * 86_400)
        #expect(ab.linked)
        #expect(ab.reason(.en) == "same kelurahan, 2 h apart, shares: banjir, RT 03")
        #expect(!Similarity.between(a, c, window: 3 * 86_400).linked)
        // Weeks later in the same place is another incident.
        var later = b
        later.submittedAt = Self.start.addingTimeInterval(30 * 86_400)
        #expect(!Similarity.between(a, later, window: 3 * 86_400).linked)
    }

    @Test(arguments: [7, 11, 23])
    func groupSuggestReachesPrecisionAndRecallOnBursts(seed: UInt64) {
        let items = IncidentBurstGenerator(seed: seed, incidents: 60, start: Self.start).items()
        let sigs = IncidentBurstGenerator.signatures(items)
        let groups = IncidentGrouping.groups(sigs, window: 3 * 86_400, language: .en)
        let (precision, recall, pairs) = IncidentBurstGenerator.score(groups.map(\.trackingIDs), truth: items)
        // On stderr: in-process CLI tests capture stdout while this suite runs beside them.
        let line = "group suggest, seed \(seed): \(items.count) reports, \(groups.count) groups, \(pairs) pairs, "
            + "precision \(String(format: "%.3f", precision)), recall \(String(format: "%.3f", recall))\n"
        FileHandle.standardError.write(Data(line.utf8))
        #expect(precision >= 0.95)
        #expect(recall >= 0.90)
        // A report is in at most one proposed group.
        let all = groups.flatMap(\.trackingIDs)
        #expect(Set(all).count == all.count)
    }
}

/// Confirmed incidents in the store: grouping, one action reaching every open member.
@Suite struct IncidentStoreTests {
    func burst(_ f: Fixture, count: Int) throws -> [String] {
        try (0..<count).map { i in
            let tid = "B-\(i)"
            try f.store.receive(Report(trackingID: tid, submittedAt: Fixture.now.addingTimeInterval(Double(i - count) * 600),
                                       title: i % 2 == 0 ? "Banjir di Jl. Pakel" : "Jalan tergenang air",
                                       body: "Rumah warga RT 03 terendam, selokan meluap", category: "Bencana",
                                       reporterName: "Warga \(i)", kecamatan: "Laweyan", kelurahan: "Pajang"), by: f.op, at: Fixture.now)
            return tid
        }
    }

    @Test func similarFindsTheBurstWithReasons() throws {
        let f = try Fixture()
        let tids = try burst(f, count: 6)
        try f.store.receive(Report(trackingID: "OTHER", submittedAt: Fixture.now.addingTimeInterval(-3600), title: "Banjir di Jl. Nirbitan",
                                   body: "tergenang", kecamatan: "Laweyan", kelurahan: "Sondakan"), by: f.op, at: Fixture.now)
        let found = try f.store.similar(to: tids[0], for: f.op, limit: 10)
        let linked = found.filter(\.similarity.linked).map(\.report.trackingID)
        #expect(Set(linked) == Set(tids.dropFirst()))
        #expect(!linked.contains("OTHER"))
        #expect(found.first?.similarity.reason(.id).hasPrefix("kelurahan sama") == true)
    }

    @Test func anActionOnThePrimaryReachesEveryOpenMemberInOneGo() throws {
        let f = try Fixture()
        let tids = try burst(f, count: 26)
        let primary = tids[0]
        let summary = try f.store.group(Array(tids.dropFirst()), into: primary, by: f.op, at: Fixture.now)
        #expect(summary.members == 25)
        // One member is on hold (it cannot be routed), one archived (closed: not reached at all).
        _ = try f.store.hold(tids[5], note: "lokasi?", by: f.op, at: Fixture.now)
        _ = try f.store.archive(tids[6], reason: "duplikat", by: f.op, at: Fixture.now)
        let before = try f.auditCount()
        let result = try f.store.act(.route, on: primary, by: f.op, at: Fixture.now, note: "{pelapor}: diteruskan ke {instansi}",
                                     agency: "DLH", fill: .id)
        #expect(result.report.state == .dispositioned)
        #expect(result.members.count == 24)
        let refused = result.members.filter { $0.refusal != nil }.map(\.trackingID)
        #expect(refused == [tids[5]])
        #expect(result.auditIDs.count == 24)
        #expect(try f.auditCount() == before + 24)
        // Each member's own audit record names the incident; its note is filled for its own reporter.
        let history = try f.store.audit(tids[7], for: f.boss)
        let route = try #require(history.last)
        #expect(route.action == "route" && route.incident == primary && route.note == "Warga 7: diteruskan ke Dinas Lingkungan Hidup")
        #expect(try f.store.report(tids[6], for: f.boss).state == .archived)
        // Undo of every record brings them all back.
        for id in result.auditIDs.reversed() { _ = try f.store.undo(auditID: id, by: f.op, at: Fixture.now) }
        #expect(try f.store.report(tids[7], for: f.boss).state == .new)
        // Filters: the incident's reports, and any incident.
        let compiler = FilterCompiler(now: Fixture.now, zone: .jakarta, calendar: try f.store.clockEngine().deskCalendar)
        #expect(try f.store.reportIDs(try compiler.compile("~g \(tids[3])"), for: f.boss).count == 26)
        #expect(try f.store.reportIDs(try compiler.compile("~G"), for: f.boss).count == 26)
    }

    @Test func groupingRulesAndUngroup() throws {
        let f = try Fixture()
        let tids = try burst(f, count: 5)
        #expect(throws: LaporError.self) { try f.store.group([tids[1]], into: tids[0], by: f.dlh, at: Fixture.now) }
        try f.store.group([tids[1], tids[2]], into: tids[0], by: f.op, at: Fixture.now)
        try f.store.group([tids[4]], into: tids[3], by: f.op, at: Fixture.now)
        // A member of another incident is refused until taken out.
        #expect(throws: LaporError.self) { try f.store.group([tids[4]], into: tids[0], by: f.op, at: Fixture.now) }
        #expect(try f.store.ungroup([tids[4]], by: f.op, at: Fixture.now) == [tids[4], tids[3]])
        #expect(try f.store.incident(of: try f.store.report(tids[3], for: f.boss).id) == nil)
        try f.store.group([tids[4]], into: tids[0], by: f.op, at: Fixture.now)
        #expect(try f.store.incident(of: try f.store.report(tids[4], for: f.boss).id)?.members == 3)
        // Taking out the primary dissolves the incident.
        #expect(try f.store.ungroup([tids[0]], by: f.op, at: Fixture.now).count == 4)
        #expect(try f.store.incident(of: try f.store.report(tids[1], for: f.boss).id) == nil)
    }
}
