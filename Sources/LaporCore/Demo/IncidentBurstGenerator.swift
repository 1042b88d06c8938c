import Foundation

/// Bursts of reports about one incident, for measuring `group suggest`: several citizens per
/// incident, each in their own words and channel (paraphrases, typos, chat abbreviations, the
/// place given by field, by street or by `kel.` in the text), among decoys (the same problem in
/// another kelurahan the same day, the same kelurahan weeks later) and ordinary reports.
public struct IncidentBurstGenerator {
    /// One generated report and the incident it belongs to (nil: not part of any incident).
    public struct Item: Sendable {
        public var report: Report
        public var incident: Int?
    }

    struct Problem {
        var category: String
        var titles: [String]
        var bodies: [String]
    }

    static let problems: [Problem] = [
        Problem(category: "Bencana", titles: ["Banjir di {jalan}", "Jalan tergenang air", "Rumah warga terendam banjir",
                                              "Air meluap dari selokan", "bajir lagi di {kel}"],
                bodies: ["Sejak tadi malam {jalan} tergenang air setinggi lutut, warga RT {rt} tdk bisa keluar rumah.",
                         "Mohon bantuan, rumah kami di {jalan} kel. {kel} terendam banjir krn selokan meluap.",
                         "Assalamualaikum admin, banjir di {jalan} makin tinggi, motor mogok semua.",
                         "air selokan meluap ke jalan dan masuk rumah warga RT {rt}, tolong segera ditangani"]),
        Problem(category: "Air Bersih", titles: ["Air PDAM mati", "Air tidak mengalir", "PDAM mati total di {kel}",
                                                 "Air PDAM kering sejak pagi"],
                bodies: ["Air PDAM di {jalan} tdk mengalir sejak subuh, warga RT {rt} tdk bisa mandi.",
                         "sdh 2 hari air pdam mati di kel. {kel}, mohon info kapan mengalir lagi",
                         "Selamat pagi min, air PDAM kering total di {jalan}, tolong dicek.",
                         "Air tidak mengalir sama sekali di daerah {jalan} RT {rt}"]),
        Problem(category: "Listrik", titles: ["Listrik padam di {jalan}", "Lampu mati total", "PLN padam berjam-jam",
                                              "listrik byarpet terus"],
                bodies: ["Listrik padam sejak jam 7 malam di {jalan}, gelap gulita.",
                         "Mohon PLN segera cek, listrik mati total di kel. {kel} RT {rt}.",
                         "sdh 5 jam listrik padam di {jalan}, kulkas warga rusak",
                         "Gelap semua di {jalan}, listrik padam, tolong dicek min"]),
        Problem(category: "Lingkungan", titles: ["Pohon tumbang menutup jalan", "Pohon roboh di {jalan}",
                                                 "Ada pohon tumbang", "pohon besar rubuh"],
                bodies: ["Pohon besar tumbang di {jalan} menutup jalan, kendaraan tdk bisa lewat.",
                         "Pohon roboh di depan RT {rt} {jalan}, kabel listrik ikut putus.",
                         "Mohon segera dievakuasi pohon tumbang di kel. {kel} {jalan}",
                         "pohon rubuh kena angin, jalan tertutup di {jalan}"]),
        Problem(category: "Infrastruktur", titles: ["Jalan amblas", "Tanah longsor di {jalan}", "Jalan ambles berbahaya",
                                                    "Longsor tutup jalan"],
                bodies: ["Jalan di {jalan} amblas sedalam 1 meter, sangat berbahaya utk pengendara.",
                         "Terjadi longsor di tepi {jalan} kel. {kel}, separuh jalan runtuh.",
                         "Mohon perbaikan, aspal {jalan} ambles dan retak, sdh ada yg jatuh.",
                         "tanah longsor menutup sebagian {jalan} RT {rt}"]),
        Problem(category: "Air Bersih", titles: ["Pipa PDAM bocor", "Pipa pecah di {jalan}", "Kebocoran pipa air",
                                                 "pipa bocor air muncrat"],
                bodies: ["Pipa PDAM bocor di {jalan}, air muncrat ke jalan sejak pagi.",
                         "Ada pipa pecah di kel. {kel} dekat RT {rt}, air terbuang percuma.",
                         "Mohon segera diperbaiki pipa bocor di {jalan}, jalan jadi licin.",
                         "pipa pdam pecah di {jalan}, air tumpah kemana2"]),
    ]

    static let places: [(kecamatan: String, kelurahan: String, streets: [String])] = [
        ("Laweyan", "Pajang", ["Jl. Pakel", "Jl. Cendrawasih"]), ("Laweyan", "Sondakan", ["Jl. Nirbitan", "Gang Mawar"]),
        ("Laweyan", "Penumping", ["Jl. Rajiman", "Jl. Hasanudin"]), ("Serengan", "Joyotakan", ["Jl. Parangtritis", "Jl. Bengawan"]),
        ("Serengan", "Tipes", ["Jl. Bhayangkara", "Gang Melati"]), ("Pasar Kliwon", "Semanggi", ["Jl. Sungai Serang", "Jl. Kyai Mojo"]),
        ("Pasar Kliwon", "Gajahan", ["Jl. Gajahan Raya", "Jl. Kasunanan"]), ("Jebres", "Mojosongo", ["Jl. Tangkuban Perahu", "Jl. Plesungan"]),
        ("Jebres", "Pucangsawit", ["Jl. Ir. Juanda", "Jl. Sewu"]), ("Banjarsari", "Kadipiro", ["Jl. Sumpah Pemuda", "Jl. Kapten Piere Tendean"]),
        ("Banjarsari", "Nusukan", ["Jl. Sidomulyo", "Jl. Kahuripan"]), ("Banjarsari", "Gilingan", ["Jl. Letjen Suprapto", "Gang Kenanga"]),
    ]

    static let channels: [Channel] = [.web, .mobile, .whatsapp, .sms, .callCentre, .twitter]

    public var seed: UInt64
    public var incidents: Int
    public var start: Date

    public init(seed: UInt64 = 7, incidents: Int = 40, start: Date) {
        self.seed = seed; self.incidents = incidents; self.start = start
    }

    /// Reports in submission order with their incident labels; tracking ids from 8000001.
    public func items() -> [Item] {
        var rng = SeededRandom(seed: seed)
        var out: [Item] = []
        func report(_ problem: Problem, _ place: (kecamatan: String, kelurahan: String, streets: [String]), street: String,
                    at: Date, rt: Int) -> Report {
            func fill(_ t: String) -> String {
                t.replacingOccurrences(of: "{jalan}", with: street).replacingOccurrences(of: "{kel}", with: place.kelurahan)
                    .replacingOccurrences(of: "{rt}", with: String(format: "%02d", rt))
            }
            // The place as citizens give it: the form's fields, or only in the text.
            let fields = rng.chance(0.7)
            return Report(trackingID: "", submittedAt: at, title: fill(rng.pick(problem.titles)), body: fill(rng.pick(problem.bodies)),
                          category: rng.chance(0.8) ? problem.category : "", channel: rng.pick(Self.channels),
                          reporterName: "Warga \(Int(rng.next() % 900) + 100)", reporterContact: "08\(rng.next() % 1_000_000_000)",
                          anonymous: rng.chance(0.15), kecamatan: fields ? place.kecamatan : "",
                          kelurahan: fields ? place.kelurahan : "", address: "")
        }
        let span = Double(max(7, incidents / 2)) * 86_400
        // Two incidents of one problem in one kelurahan within a week would be one incident by
        // definition (same place, problem and time): the generator does not make them.
        var used: [String: [Date]] = [:]
        for n in 0..<incidents {
            var problemIndex = 0, placeIndex = 0
            var at = start
            repeat {
                problemIndex = Int(rng.next() % UInt64(Self.problems.count))
                placeIndex = Int(rng.next() % UInt64(Self.places.count))
                at = start.addingTimeInterval(rng.unit() * span)
            } while used["\(problemIndex)/\(placeIndex)", default: []].contains { abs($0.timeIntervalSince(at)) < 7 * 86_400 }
            used["\(problemIndex)/\(placeIndex)", default: []].append(at)
            let problem = Self.problems[problemIndex]
            let place = Self.places[placeIndex]
            let street = rng.pick(place.streets)
            let rt = 1 + Int(rng.next() % 12)
            let size = 3 + Int(rng.next() % 6)
            for _ in 0..<size {
                out.append(Item(report: report(problem, place, street: street, at: at.addingTimeInterval(rng.unit() * 14 * 3600),
                                               rt: rng.chance(0.7) ? rt : 1 + Int(rng.next() % 12)), incident: n))
            }
            // Decoys: the same problem elsewhere the same day, the same place weeks later.
            if rng.chance(0.6) {
                // Another kelurahan where no incident of this kind runs that week.
                var otherIndex = placeIndex
                for _ in 0..<20 {
                    otherIndex = (placeIndex + 1 + Int(rng.next() % UInt64(Self.places.count - 1))) % Self.places.count
                    let busy = used["\(problemIndex)/\(otherIndex)", default: []].contains { abs($0.timeIntervalSince(at)) < 7 * 86_400 }
                    if !busy { break }
                }
                used["\(problemIndex)/\(otherIndex)", default: []].append(at)
                let other = Self.places[otherIndex]
                out.append(Item(report: report(problem, other, street: rng.pick(other.streets), at: at.addingTimeInterval(rng.unit() * 8 * 3600),
                                               rt: rt), incident: nil))
            }
            if rng.chance(0.5) {
                let later = at.addingTimeInterval(Double(21 + Int(rng.next() % 21)) * 86_400)
                out.append(Item(report: report(problem, place, street: street, at: later, rt: rt), incident: nil))
            }
        }
        // Ordinary reports about other things in the same places.
        let ordinary = ["Sampah menumpuk di pinggir jalan", "PJU mati sudah seminggu", "Pungutan liar di sekolah",
                        "KTP-el belum jadi", "Parkir liar depan toko", "Anjing liar berkeliaran", "Izin usaha lama terbit"]
        let lanes = ["Anggrek", "Bougenvil", "Cempaka", "Dahlia", "Flamboyan", "Kamboja", "Kenari", "Merpati", "Nangka",
                     "Pandan", "Rambutan", "Salak", "Tanjung", "Teratai", "Wijaya", "Yudistira", "Arjuna", "Bima"]
        for _ in 0..<(incidents * 3) {
            let place = rng.pick(Self.places)
            let title = rng.pick(ordinary)
            // Each at its own lane, so two of them are not one problem by accident.
            let lane = "Gang \(rng.pick(lanes)) \(rng.pick(lanes))"
            out.append(Item(report: Report(trackingID: "", submittedAt: start.addingTimeInterval(rng.unit() * span), title: title,
                                           body: "\(title) di \(lane) RT \(1 + Int(rng.next() % 20)), mohon ditindaklanjuti.",
                                           category: "Lainnya", channel: rng.pick(Self.channels), reporterName: "Warga",
                                           reporterContact: "08\(rng.next() % 1_000_000_000)", kecamatan: place.kecamatan,
                                           kelurahan: place.kelurahan), incident: nil))
        }
        out.sort { $0.report.submittedAt < $1.report.submittedAt }
        for i in out.indices { out[i].report.trackingID = String(8_000_001 + i) }
        return out
    }

    /// The items' signatures, each report given the id of its position (as a desk would number them).
    public static func signatures(_ items: [Item]) -> [IncidentSignature] {
        items.enumerated().map { i, item in
            var report = item.report
            report.id = Int64(i + 1)
            return IncidentSignature(report)
        }
    }

    /// Pairwise precision and recall of proposed groups against the generator's incidents.
    public static func score(_ groups: [[String]], truth items: [Item]) -> (precision: Double, recall: Double, pairs: Int) {
        var label: [String: Int] = [:]
        for item in items { if let n = item.incident { label[item.report.trackingID] = n } }
        var truePairs = 0
        var counts: [Int: Int] = [:]
        for item in items { if let n = item.incident { counts[n, default: 0] += 1 } }
        for (_, c) in counts { truePairs += c * (c - 1) / 2 }
        var predicted = 0, correct = 0
        for group in groups {
            for i in 0..<group.count {
                for j in (i + 1)..<group.count {
                    predicted += 1
                    if let a = label[group[i]], a == label[group[j]] { correct += 1 }
                }
            }
        }
        return (predicted == 0 ? 1 : Double(correct) / Double(predicted), truePairs == 0 ? 1 : Double(correct) / Double(truePairs),
                predicted)
    }
}
