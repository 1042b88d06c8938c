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
        let sigs = items.enumerated().map { i, item in
            var r = item.report
            r.id = Int64(i + 1)
            return IncidentSignature(r)
        }
        let groups = IncidentGrouping.groups(sigs, window: 3 * 86_400, language: .en)
        let (precision, recall, pairs) = IncidentBurstGenerator.score(groups.map(\.trackingIDs), truth: items)
        print("group suggest, seed \(seed): \(items.count) reports, \(groups.count) groups, \(pairs) pairs, "
              + "precision \(String(format: "%.3f", precision)), recall \(String(format: "%.3f", recall))")
        #expect(precision >= 0.95)
        #expect(recall >= 0.90)
        // A report is in at most one proposed group.
        let all = groups.flatMap(\.trackingIDs)
        #expect(Set(all).count == all.count)
    }
}
