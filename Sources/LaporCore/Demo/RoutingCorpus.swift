/// Citizen text as it really reads, for measuring routing: a kabupaten with 101 perangkat daerah
/// in a long tail (a few dinas take most reports; fifty desa offices, ten kecamatan offices and ten
/// puskesmas take a handful each), complaints written chattily with abbreviations, typos and place
/// names, topics that overlap between agencies, categories that are often empty or wrong, and a few
/// reports routed to a neighbouring agency, as happens. Deterministic for a seed.
public struct RoutingCorpus: Sendable {
    public struct Sample: Sendable {
        public var title: String
        public var body: String
        public var category: String
        public var kecamatan: String
        public var kelurahan: String
        public var agencyName: String
    }

    struct Topic { let agency: String; let name: String; let category: String; let weight: Double; let phrases: [String] }

    static let kecamatan = ["Sukamaju", "Cibeureum", "Karangsari", "Margahayu", "Sindangjaya", "Tanjungsari", "Cikalong",
                            "Pasirwangi", "Rancabali", "Kertajaya"]
    static let desaHeads = ["Suka", "Mekar", "Karang", "Marga", "Sindang", "Tanjung", "Jaya", "Pasir", "Ranca", "Kerta"]
    static let desaTails = ["jadi", "rahayu", "asih", "mukti", "laksana"]

    /// Desa `i` of kecamatan `k`: unique names such as Sukajadi, Mekarrahayu.
    static func desa(_ k: Int, _ i: Int) -> String { desaHeads[(k + i * 3) % 10] + desaTails[i] }

    static let opd: [Topic] = [
        Topic(agency: "DISDUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil", category: "Kependudukan", weight: 60,
              phrases: ["KTP el saya belum jadi padahal sudah rekam", "blanko KTP habis terus", "akta kelahiran anak belum terbit",
                        "nama di kartu keluarga salah ketik", "antrean di kantor capil panjang sekali", "NIK tidak terdaftar saat daftar BPJS"]),
        Topic(agency: "PUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang", category: "Infrastruktur", weight: 70,
              phrases: ["jalan rusak berlubang parah", "jembatan penghubung desa putus", "aspal jalan kabupaten mengelupas",
                        "saluran drainase mampet jadi banjir", "gorong gorong ambrol", "trotoar rusak membahayakan pejalan kaki"]),
        Topic(agency: "DINKES", name: "Dinas Kesehatan", category: "Kesehatan", weight: 40,
              phrases: ["kasus demam berdarah meningkat mohon fogging", "posyandu tidak aktif lagi", "angka stunting tinggi tidak ada penyuluhan",
                        "vaksin imunisasi anak kosong", "izin praktik bidan tidak jelas"]),
        Topic(agency: "DLH", name: "Dinas Lingkungan Hidup", category: "Lingkungan Hidup", weight: 45,
              phrases: ["sampah menumpuk di TPS tidak diangkut", "limbah pabrik mencemari sungai", "bau busuk dari tempat pembuangan sampah",
                        "warga membakar sampah asapnya mengganggu", "truk sampah tidak datang sudah seminggu"]),
        Topic(agency: "DISHUB", name: "Dinas Perhubungan", category: "Perhubungan", weight: 35,
              phrases: ["lampu lalu lintas mati di perempatan", "parkir liar memakan badan jalan", "angkot ngetem sembarangan bikin macet",
                        "rambu lalu lintas hilang", "uji KIR dipersulit", "juru parkir minta tarif lebih"]),
        Topic(agency: "DISDIK", name: "Dinas Pendidikan", category: "Pendidikan", weight: 40,
              phrases: ["PPDB zonasi tidak adil", "sekolah minta pungutan seragam mahal", "gedung SD rusak atap bocor",
                        "ijazah ditahan sekolah karena tunggakan", "gaji guru honorer telat berbulan bulan"]),
        Topic(agency: "DINSOS", name: "Dinas Sosial", category: "Sosial", weight: 40,
              phrases: ["bansos PKH tidak tepat sasaran", "nama keluarga miskin tidak masuk DTKS", "BPNT tidak cair",
                        "ODGJ berkeliaran tanpa penanganan", "anak jalanan dan pengemis di lampu merah"]),
        Topic(agency: "SATPOLPP", name: "Satuan Polisi Pamong Praja", category: "Ketertiban Umum", weight: 25,
              phrases: ["PKL berjualan di trotoar", "tempat hiburan malam buka sampai subuh", "penjualan minuman keras bebas",
                        "bangunan liar di bantaran sungai", "reklame liar dipaku di pohon"]),
        Topic(agency: "BPBD", name: "Badan Penanggulangan Bencana Daerah", category: "Bencana", weight: 15,
              phrases: ["banjir merendam rumah warga", "tanah longsor menutup jalan desa", "pohon tumbang setelah hujan angin",
                        "rumah rusak diterjang puting beliung"]),
        Topic(agency: "DPMPTSP", name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", category: "Perizinan", weight: 12,
              phrases: ["pengajuan NIB di OSS tidak diproses", "izin PBG bangunan lama sekali", "izin usaha toko belum terbit"]),
        Topic(agency: "DISNAKER", name: "Dinas Tenaga Kerja", category: "Ketenagakerjaan", weight: 15,
              phrases: ["di PHK sepihak tanpa pesangon", "upah di bawah UMK", "perusahaan tidak mendaftarkan BPJS ketenagakerjaan",
                        "kartu kuning AK1 lama jadinya"]),
        Topic(agency: "DISKOMINFO", name: "Dinas Komunikasi dan Informatika", category: "Komunikasi dan Informatika", weight: 10,
              phrases: ["wifi gratis di alun alun mati", "website pemda tidak bisa dibuka", "tidak ada sinyal di desa kami",
                        "mohon informasi anggaran sesuai UU KIP"]),
        Topic(agency: "BAPENDA", name: "Badan Pendapatan Daerah", category: "Pajak Daerah", weight: 12,
              phrases: ["tagihan PBB salah luas tanah", "SPPT PBB tidak dibagikan", "BPHTB dipungut dua kali", "pajak restoran tidak jelas"]),
        Topic(agency: "DISPERINDAG", name: "Dinas Perindustrian dan Perdagangan", category: "Perdagangan", weight: 10,
              phrases: ["gas elpiji 3 kg langka", "harga minyak goreng mahal sekali", "timbangan pedagang dicurangi", "harga beras naik terus"]),
        Topic(agency: "PASAR", name: "Perumda Pasar Sukamaju", category: "Pasar", weight: 8,
              phrases: ["retribusi los pasar naik", "atap pasar bocor", "pasar kumuh becek", "pungutan parkir pasar"]),
        Topic(agency: "DISTAN", name: "Dinas Pertanian", category: "Pertanian", weight: 12,
              phrases: ["pupuk subsidi langka di kios", "hama wereng menyerang padi", "bantuan alsintan tidak sampai ke kelompok tani",
                        "saluran irigasi sawah kering"]),
        Topic(agency: "DISNAKKAN", name: "Dinas Peternakan dan Perikanan", category: "Peternakan", weight: 6,
              phrases: ["sapi terkena PMK", "anjing liar berkeliaran takut rabies", "pemeriksaan hewan kurban", "bibit ikan bantuan mati"]),
        Topic(agency: "DISPORA", name: "Dinas Pemuda dan Olahraga", category: "Olahraga", weight: 4,
              phrases: ["GOR rusak tidak terawat", "lapangan bola dipakai parkir", "atlet tidak dapat bonus"]),
        Topic(agency: "DISPARBUD", name: "Dinas Pariwisata dan Kebudayaan", category: "Pariwisata", weight: 5,
              phrases: ["tiket masuk tempat wisata mahal", "fasilitas toilet objek wisata rusak", "situs cagar budaya terbengkalai"]),
        Topic(agency: "DP3AKB", name: "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana",
              category: "Perlindungan Anak", weight: 6,
              phrases: ["tetangga melakukan KDRT", "kekerasan terhadap anak", "pelayanan KB di klinik kosong", "pernikahan anak di bawah umur"]),
        Topic(agency: "DPMD", name: "Dinas Pemberdayaan Masyarakat dan Desa", category: "Pemerintahan Desa", weight: 8,
              phrases: ["panitia pilkades tidak netral", "pengangkatan perangkat desa tidak sesuai aturan", "laporan dana desa tidak diumumkan"]),
        Topic(agency: "BKPSDM", name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", category: "Kepegawaian", weight: 6,
              phrases: ["ASN sering bolos jam kerja", "seleksi PPPK tidak transparan", "tunjangan pegawai belum cair"]),
        Topic(agency: "INSPEKTORAT", name: "Inspektorat Daerah", category: "Pengawasan", weight: 5,
              phrases: ["pejabat minta uang pelicin", "dugaan korupsi proyek", "gratifikasi dalam pengadaan"]),
        Topic(agency: "RSUD", name: "Rumah Sakit Umum Daerah Sukamaju", category: "Kesehatan", weight: 20,
              phrases: ["pasien BPJS ditolak di IGD rumah sakit", "antrean poli rawat jalan RSUD sangat lama", "dokter spesialis RSUD jarang datang",
                        "kamar rawat inap rumah sakit penuh"]),
        Topic(agency: "PDAM", name: "Perumda Air Minum Tirta Sukamaju", category: "Air Bersih", weight: 25,
              phrases: ["air PDAM mati tidak mengalir", "air keruh dan berbau", "tagihan air membengkak", "pipa PDAM bocor di pinggir jalan"]),
        Topic(agency: "DISKUMKM", name: "Dinas Koperasi dan Usaha Mikro", category: "UMKM", weight: 5,
              phrases: ["koperasi simpan pinjam bodong", "bantuan modal UMKM tidak merata", "pelatihan UMKM dipungut biaya"]),
        Topic(agency: "DISPUSIP", name: "Dinas Perpustakaan dan Kearsipan", category: "Perpustakaan", weight: 2,
              phrases: ["perpustakaan daerah tutup di jam kerja", "mobil perpustakaan keliling tidak pernah datang"]),
        Topic(agency: "KESBANGPOL", name: "Badan Kesatuan Bangsa dan Politik", category: "Politik", weight: 2,
              phrases: ["ormas meminta jatah keamanan", "spanduk provokatif menjelang pemilu"]),
        Topic(agency: "DAMKAR", name: "Dinas Pemadam Kebakaran", category: "Kebakaran", weight: 5,
              phrases: ["mobil pemadam datang terlambat saat kebakaran", "sarang tawon vespa di atap rumah", "hidran tidak berfungsi"]),
        Topic(agency: "PERKIM", name: "Dinas Perumahan dan Kawasan Permukiman", category: "Perumahan", weight: 15,
              phrases: ["lampu PJU mati gelap rawan", "bantuan rutilahu tidak tepat sasaran", "taman kota tidak terawat",
                        "tempat pemakaman umum penuh"]),
        Topic(agency: "SETDA", name: "Sekretariat Daerah", category: "Pemerintahan", weight: 4,
              phrases: ["hibah rumah ibadah tidak cair", "mobil dinas dipakai keperluan pribadi", "jawaban surat ke bupati tidak ada"]),
    ]

    static let localPhrases = [
        "desa": ["pelayanan surat keterangan di kantor desa lambat", "kepala desa jarang ada di kantor", "BLT dana desa tidak merata",
                 "perangkat desa minta uang untuk surat pengantar", "jalan desa dari dana desa cepat rusak"],
        "kecamatan": ["pelayanan PATEN di kantor kecamatan lambat", "camat tidak menanggapi keluhan warga",
                      "rekomendasi dari kecamatan dipersulit", "legalisir di kecamatan dipungut biaya"],
        "puskesmas": ["pelayanan puskesmas lambat", "obat di puskesmas kosong", "petugas puskesmas judes",
                      "puskesmas tutup sebelum jam pelayanan"],
    ]

    static let greetings = ["Assalamualaikum wr wb, selamat malam admin, mohon maaf mengganggu. ", "Selamat pagi bapak ibu, ",
                            "Permisi min mau lapor, ", "Yth. Bapak Bupati Sukamaju, ", "", "", "", "Halo admin, ", "Punten, "]
    static let fillers = ["Sudah lapor ke RT dan RW tapi tidak ada tanggapan. ", "Ini sudah berlangsung lama. ",
                          "Warga sangat resah dengan kondisi ini. ", "Tolong jangan cuma janji. ", "", "", "",
                          "Kemarin saya sudah datang ke kantor tapi disuruh lapor ke sini. "]
    static let closings = ["Terima kasih.", "Mohon segera ditindaklanjuti, terima kasih 🙏", "Tks", "", "Wassalam.",
                           "Mohon perhatiannya pak.", "Hatur nuhun."]
    static let abbreviations = [("yang", "yg"), ("tidak", "tdk"), ("sudah", "sdh"), ("dengan", "dgn"), ("untuk", "utk"),
                                ("jalan", "jln"), ("sangat", "sgt"), ("karena", "krn"), ("belum", "blm"), ("saya", "sy"),
                                ("desa", "ds"), ("kecamatan", "kec."), ("terima kasih", "trmksh"), ("sekali", "bgt"),
                                ("tolong", "tlg"), ("bapak", "bpk"), ("tanggapan", "tanggepan")]

    public struct Agency: Sendable { public let code: String; public let name: String; public let weight: Double }

    /// Every agency of the corpus with its share of reports.
    public static let agencies: [Agency] = {
        var out = opd.map { Agency(code: $0.agency, name: $0.name, weight: $0.weight) }
        for (k, kec) in kecamatan.enumerated() {
            out.append(Agency(code: "KEC-\(kec.uppercased())", name: "Kecamatan \(kec)", weight: 3))
            out.append(Agency(code: "PKM-\(kec.uppercased())", name: "Puskesmas \(kec)", weight: 2.5))
            for i in 0..<5 { out.append(Agency(code: "DESA-\(desa(k, i).uppercased())", name: "Desa \(desa(k, i))", weight: 1)) }
        }
        return out
    }()

    public init() {}

    /// One report: where it happened, what the citizen wrote, and where it was routed.
    public func sample(_ rng: inout SeededRandom) -> Sample {
        let k = Int(rng.next() % 10)
        let kec = Self.kecamatan[k]
        let desa = Self.desa(k, Int(rng.next() % 5))
        let agency = rng.weighted(Self.agencies.map { ($0, $0.weight) })
        var phrase: String, category: String
        if let topic = Self.opd.first(where: { $0.agency == agency.code }) {
            phrase = rng.pick(topic.phrases)
            category = topic.category
        } else {
            let kind = agency.code.hasPrefix("DESA-") ? "desa" : agency.code.hasPrefix("KEC-") ? "kecamatan" : "puskesmas"
            phrase = rng.pick(Self.localPhrases[kind]!)
            category = kind == "puskesmas" ? "Kesehatan" : "Pelayanan Publik"
        }
        // The place: a local office's own place, else anywhere; named in several ways.
        let (placeKec, placeDesa): (String, String) = {
            if agency.code.hasPrefix("DESA-"), let i = Self.agencies.firstIndex(where: { $0.code == agency.code }) {
                let name = String(Self.agencies[i].name.dropFirst(5))
                let k = Self.kecamatan.indices.first { kk in (0..<5).contains { Self.desa(kk, $0) == name } } ?? k
                return (Self.kecamatan[k], name)
            }
            if agency.code.hasPrefix("KEC-") || agency.code.hasPrefix("PKM-") {
                let name = String(agency.name.split(separator: " ").last ?? "")
                return (name, Self.desa(Self.kecamatan.firstIndex(of: name) ?? k, Int(rng.next() % 5)))
            }
            return (kec, desa)
        }()
        let office = agency.code.hasPrefix("PKM-") ? "puskesmas \(placeKec)" : agency.code.hasPrefix("KEC-") ? "kecamatan \(placeKec)" : ""
        let place = rng.pick(["di desa \(placeDesa) kec. \(placeKec)", "di \(placeDesa)", "di wilayah \(placeKec)",
                              "dekat \(office.isEmpty ? "balai desa \(placeDesa)" : office)", "RT 03 RW 02 \(placeDesa)"])
        var body = rng.pick(Self.greetings) + phrase + " " + place + ". " + rng.pick(Self.fillers) + rng.pick(Self.closings)
        if !office.isEmpty && rng.chance(0.5) { body = body.replacingOccurrences(of: phrase, with: phrase + " di " + office) }
        for (word, short) in Self.abbreviations where rng.chance(0.5) { body = body.replacingOccurrences(of: word, with: short) }
        body = Self.typos(body, &rng)
        let title = rng.chance(0.3) ? String(phrase.prefix(40)) : phrase.prefix(1).uppercased() + phrase.dropFirst().prefix(60)
        // LAPOR!'s category is often left empty or too broad.
        let shownCategory = rng.chance(0.25) ? "" : rng.chance(0.1) ? "Lainnya" : category
        // A few reports are routed to a neighbour anyway (the desk's own history is not perfect).
        let routed = rng.chance(0.04) ? rng.pick(Self.agencies) : agency
        return Sample(title: title, body: body, category: shownCategory, kecamatan: rng.chance(0.7) ? placeKec : "",
                      kelurahan: rng.chance(0.5) ? placeDesa : "", agencyName: routed.name)
    }

    /// One in twenty words with a letter dropped or two swapped, as typed on a phone.
    static func typos(_ text: String, _ rng: inout SeededRandom) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            guard word.count > 4, rng.chance(0.05) else { return String(word) }
            var chars = Array(word)
            let i = 1 + Int(rng.next() % UInt64(chars.count - 2))
            if rng.chance(0.5) { chars.remove(at: i) } else { chars.swapAt(i, i - 1) }
            return String(chars)
        }.joined(separator: " ")
    }
}
