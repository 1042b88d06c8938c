import Foundation

/// Synthetic "Laporan Ringkas" workbooks shaped like the LAPOR! admin download (import-formats.md):
/// the preamble and header on row 11 (17 columns) or the header on row 1 (20 columns), LAPOR!'s
/// date and time columns, status phrases, anonim/rahasia types, `None` cells, one agency spelled
/// two ways, and chatty, abbreviated citizen text. Real exports carry citizens' identities and never
/// ship with the project; this reproduces their shape and their mess from a seed.
public struct LaporExportGenerator {
    public enum Variant: String, Sendable, CaseIterable {
        /// Preamble on rows 1–10, header on row 11, 17 columns.
        case ringkas17
        /// No preamble, header on row 1, 20 columns (agency id, kecamatan, kelurahan).
        case ringkas20
    }

    /// What the generated file holds, for checking an import against it.
    public struct Expected: Sendable {
        public var rows = 0
        public var perDay: [Trend.Day: Int] = [:]
        public var states: [ReportState: Int] = [:]
        public var anonymous = 0
        public var confidential = 0
        /// The first report's row number as Excel shows it.
        public var firstRow = 0
    }

    public var rows: Int
    public var seed: UInt64
    public var variant: Variant
    /// Excel's quirks: shared strings with rich-text runs, ids and dates stored as numbers and date
    /// serials, sparse rows, the 1904 date system, a notes sheet before the data.
    public var quirks: Bool
    /// Reports are submitted over the `days` days before `end` (in the desk's zone).
    public var end: Trend.Day
    public var days: Int
    /// Text and agencies from `RoutingCorpus`: 101 agencies in a long tail, chatty and abbreviated
    /// complaints, for measuring routing; otherwise the demo's 17 agencies.
    public var longTail = false

    public static let pemda = "Kabupaten Sukamaju"

    public init(rows: Int, seed: UInt64 = 1, variant: Variant = .ringkas17, quirks: Bool = false,
                end: Trend.Day = Trend.Day(year: 2024, month: 12, day: 31), days: Int = 4 * 365) {
        self.rows = rows; self.seed = seed; self.variant = variant; self.quirks = quirks; self.end = end; self.days = days
    }

    static let header17 = ["Tracking ID", "Tanggal Laporan Masuk", "Waktu Laporan Masuk", "Klasifikasi Laporan", "ID Kategori",
                           "Kategori", "Judul Laporan", "Isi Laporan Awal", "Isi Laporan Akhir", "Tipe Laporan (Anonim/Rahasia)",
                           "Sumber Laporan", "Instansi Induk", "Instansi Terdisposisi", "Status Laporan", "Alasan Tunda/Arsip",
                           "Provinsi", "Kota/Kabupaten"]

    static let statuses: [(String, ReportState, Bool, Double)] = [
        // phrase, state, needs an agency, weight
        ("Belum Terverifikasi", .new, false, 6), ("Menunggu Kelengkapan Informasi", .onHold, false, 5),
        ("Terdisposisi", .dispositioned, true, 6), ("Ditindaklanjuti", .inProgress, true, 8),
        ("Menunggu Tanggapan Pelapor", .awaitingReporter, true, 4),
        ("Ditutup oleh Sistem", .resolved, true, 25), ("Ditutup oleh Admin", .resolved, true, 12),
        ("Ditutup oleh Pelapor", .resolved, true, 6), ("Diarsipkan oleh Sistem", .archived, false, 4),
        ("Diarsipkan oleh Admin", .archived, false, 6), ("Diarsipkan oleh Pelapor", .archived, false, 2),
        ("Konten Terblokir", .archived, false, 1),
    ]

    static let classifications: [(String, Double)] = [
        ("Pengaduan Berkadar Pengawasan", 30), ("Pengaduan Tidak Berkadar Pengawasan", 40), ("Permintaan Informasi", 8),
        ("Aspirasi", 15), ("", 7),
    ]

    static let sources: [(String, Double)] = [
        ("Website", 20), ("Website - pemerintah-kabupaten-sukamaju", 15), ("Android", 25), ("iOS", 5),
        ("Hotline Service", 4), ("Instagram", 3), ("SMS", 10), ("Twitter", 6), ("Facebook", 3), ("WhatsApp", 9),
    ]

    static let greetings = ["Assalamualaikum, selamat malam admin, mohon maaf mengganggu. ", "Selamat pagi bapak/ibu, ",
                            "Permisi min, ", "Yth. Bapak Bupati, ", "", "", "Halo admin LAPOR, "]
    static let closings = [" Terima kasih.", " Mohon segera ditindaklanjuti, terima kasih 🙏", " Tks.", "", " Wassalam.",
                           " Sudah lapor ke RT tapi tdk ada respon."]
    static let abbreviations = [("yang", "yg"), ("tidak", "tdk"), ("sudah", "sdh"), ("dengan", "dgn"), ("untuk", "utk"),
                                ("Jl.", "jln"), ("Kelurahan", "kel."), ("sangat", "sgt"), ("karena", "krn")]
    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let indonesianMonths = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]

    /// The agency's name as LAPOR! spells it for the pemda, in one of two spellings.
    static func agencyName(_ seed: DemoCatalog.AgencySeed, shouting: Bool) -> String {
        let base = seed.code.hasPrefix("KEC-") ? seed.name : seed.name + " Kab. Sukamaju"
        return shouting ? base.replacingOccurrences(of: "Kab.", with: "Kabupaten").uppercased() : base
    }

    /// Writes the workbook to `path` and says what it holds.
    @discardableResult
    public func write(to path: String) throws -> Expected {
        var rng = SeededRandom(seed: seed)
        let writer = try XLSXWriter(path: path, options: .init(sharedStrings: quirks, date1904: quirks && seed % 2 == 0))
        var expected = Expected()
        if quirks {
            try writer.addSheet("Catatan")
            try writer.addRow([.text("Unduhan dari dashboard admin LAPOR!; jangan diubah.")])
        }
        try writer.addSheet("Laporan Ringkas")
        var header = Self.header17
        if variant == .ringkas17 {
            let preamble: [(String, String)] = [
                ("Judul Laporan", "Laporan Ringkas"), ("Nama Instansi", "Pemerintah \(Self.pemda)"),
                ("Tanggal Generate", "2025-11-14"), ("Periode Masuk", "(2021-01-01) - (2024-12-31)"),
                ("Pengelola", "Diskominfo \(Self.pemda)"),
            ]
            for (i, (label, value)) in preamble.enumerated() {
                try writer.addRow([.text(label), .absent, .text(value)], skipping: i == 0 ? 0 : 1)
            }
            try writer.addRow(header.map { .text($0) }, skipping: 1)
            expected.firstRow = 12
        } else {
            header.insert("ID Instansi Terdisposisi", at: 12)
            header += ["Kecamatan", "Kelurahan"]
            try writer.addRow(header.map { .text($0) })
            expected.firstRow = 2
        }
        let categories = DemoCatalog.categories.map { ($0, $0.weight) }
        for n in 0..<rows {
            let row = makeRow(n, &rng, categories: categories, expected: &expected)
            try writer.addRow(row)
        }
        try writer.close()
        return expected
    }

    private func makeRow(_ n: Int, _ rng: inout SeededRandom, categories: [(DemoCatalog.CategorySeed, Double)],
                         expected: inout Expected) -> [XLSXWriter.Cell] {
        if longTail { return longTailRow(n, &rng, expected: &expected) }
        let category = rng.weighted(categories)
        let (kec, kels) = rng.pick(DemoCatalog.kecamatan)
        let kel = rng.pick(kels)
        let (titleTemplate, bodyTemplate) = rng.pick(category.templates)
        func fill(_ t: String) -> String {
            t.replacingOccurrences(of: "{jalan}", with: rng.pick(DemoCatalog.streets))
                .replacingOccurrences(of: "{kel}", with: kel).replacingOccurrences(of: "{kec}", with: kec)
                .replacingOccurrences(of: "{n}", with: String(2 + rng.next() % 7))
        }
        let title = fill(titleTemplate)
        let plain = fill(bodyTemplate)
        var chatty = rng.pick(Self.greetings) + plain + rng.pick(Self.closings)
        for (word, short) in Self.abbreviations where rng.chance(0.6) { chatty = chatty.replacingOccurrences(of: word, with: short) }
        let edited = rng.chance(0.4) ? plain : chatty
        let agencyCode = category.agency == "KEC" ? "KEC-" + kec.uppercased().replacingOccurrences(of: " ", with: "") : category.agency
        let agencySeed = DemoCatalog.agencies.first { $0.code == agencyCode } ?? DemoCatalog.agencies[0]
        let shouting = rng.chance(0.3)
        return row(n, &rng, expected: &expected, title: title, original: chatty, edited: edited, category: category.name,
                   categoryID: 100 + DemoCatalog.categories.firstIndex { $0.name == category.name }!,
                   agency: Self.agencyName(agencySeed, shouting: shouting),
                   agencyID: 200 + DemoCatalog.agencies.firstIndex { $0.code == agencyCode }!, kecamatan: kec, kelurahan: kel)
    }

    private func longTailRow(_ n: Int, _ rng: inout SeededRandom, expected: inout Expected) -> [XLSXWriter.Cell] {
        let sample = RoutingCorpus().sample(&rng)
        let local = ["Desa ", "Kecamatan ", "Puskesmas "].contains { sample.agencyName.hasPrefix($0) }
        let shouting = rng.chance(0.3)
        let agency = local ? sample.agencyName
            : shouting ? (sample.agencyName + " Kabupaten Sukamaju").uppercased() : sample.agencyName + " Kab. Sukamaju"
        return row(n, &rng, expected: &expected, title: sample.title, original: sample.body, edited: sample.body,
                   category: sample.category, categoryID: 100, agency: agency,
                   agencyID: 200 + (RoutingCorpus.agencies.firstIndex { $0.name == sample.agencyName } ?? 0),
                   kecamatan: sample.kecamatan, kelurahan: sample.kelurahan)
    }

    private func row(_ n: Int, _ rng: inout SeededRandom, expected: inout Expected, title: String, original: String,
                     edited: String, category: String, categoryID: Int, agency agencyName: String, agencyID: Int,
                     kecamatan kec: String, kelurahan kel: String) -> [XLSXWriter.Cell] {
        let day = end.adding(days: -Int(rng.next() % UInt64(max(1, days))))
        let (h, mi, s) = (Int(rng.next() % 24), Int(rng.next() % 60), Int(rng.next() % 60))
        expected.rows += 1
        expected.perDay[day, default: 0] += 1
        let (phrase, state, needsAgency, _) = rng.weighted(Self.statuses.map { ($0, $0.3) })
        expected.states[state, default: 0] += 1
        let identity = rng.weighted([("", 70.0), ("Anonim", 12), ("Rahasia", 12), ("Anonim|Rahasia", 6)])
        if identity.contains("Anonim") { expected.anonymous += 1 }
        if identity.contains("Rahasia") { expected.confidential += 1 }
        let hasAgency = needsAgency || rng.chance(0.2)
        let agency = hasAgency ? agencyName : ""
        let reason: String = switch state {
        case .onHold: "Mohon lengkapi lokasi dan foto kejadian"
        case .archived where phrase != "Konten Terblokir": rng.pick(["Laporan ganda", "Bukan kewenangan pemerintah daerah",
                                                                     "Tidak ada tanggapan pelapor"])
        default: ""
        }
        let none: XLSXWriter.Cell = quirks ? .absent : .text("None")
        func text(_ s: String) -> XLSXWriter.Cell { s.isEmpty ? (rng.chance(0.5) ? none : .text("")) : .text(s) }
        let id = 5_000_000 + Int64(seed % 1000) * 10_000 + Int64(n)
        let useIndonesian = rng.chance(0.3)
        let month = (useIndonesian ? Self.indonesianMonths : Self.englishMonths)[day.month - 1]
        var cells: [XLSXWriter.Cell] = [
            quirks ? .integer(id) : .text(String(id)),
            quirks ? .date(year: day.year, month: day.month, day: day.day, hour: 0, minute: 0, second: 0)
                : .text("\(day.day) \(month) \(day.year)"),
            .text(String(format: "%02d:%02d:%02d", h, mi, s)),
            text(rng.weighted(Self.classifications)),
            .text(String(categoryID)),
            .text(category),
            quirks && rng.chance(0.2) ? .runs([String(title.prefix(5)), String(title.dropFirst(5))]) : .text(title),
            .text(original),
            .text(edited),
            text(identity),
            .text(rng.weighted(Self.sources)),
            .text("Pemerintah \(Self.pemda)"),
            text(agency),
            .text(phrase),
            text(reason),
            .text("Jawa Tengah"),
            .text(Self.pemda),
        ]
        if variant == .ringkas20 {
            cells.insert(hasAgency ? .text(String(agencyID)) : none, at: 12)
            cells += [.text(kec.uppercased()), text(rng.chance(0.9) ? kel : "")]
        }
        return cells
    }
}
