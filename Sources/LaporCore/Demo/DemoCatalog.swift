/// The demo's kota: Kota Surakarta's kecamatan, its perangkat daerah, and report templates per category.
///
/// Templates use `{jalan}`, `{kel}`, `{kec}` and `{n}`, filled by the generator.
enum DemoCatalog {
    struct AgencySeed { let code: String; let name: String; let aliases: [String]; let calendar: String? }
    struct CategorySeed { let name: String; let agency: String; let weight: Double; let templates: [(String, String)] }

    static let region = "Kota Surakarta"

    static let kecamatan: [(String, [String])] = [
        ("Laweyan", ["Bumi", "Penumping", "Sondakan", "Pajang", "Karangasem"]),
        ("Serengan", ["Danukusuman", "Joyotakan", "Kemlayan", "Tipes"]),
        ("Pasar Kliwon", ["Baluwarti", "Gajahan", "Kedung Lumbu", "Semanggi"]),
        ("Jebres", ["Purwodiningratan", "Jebres", "Mojosongo", "Pucangsawit", "Tegalharjo"]),
        ("Banjarsari", ["Manahan", "Nusukan", "Kadipiro", "Gilingan", "Sumber"]),
    ]

    static let agencies: [AgencySeed] = [
        .init(code: "PUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang", aliases: ["DPUPR", "Dinas PU"], calendar: nil),
        .init(code: "DLH", name: "Dinas Lingkungan Hidup", aliases: ["Lingkungan Hidup"], calendar: nil),
        .init(code: "DISHUB", name: "Dinas Perhubungan", aliases: ["Dishub"], calendar: nil),
        .init(code: "DISDUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil", aliases: ["Dukcapil"], calendar: nil),
        .init(code: "DINKES", name: "Dinas Kesehatan", aliases: ["Dinkes"], calendar: nil),
        .init(code: "DISDIK", name: "Dinas Pendidikan", aliases: ["Disdik"], calendar: nil),
        .init(code: "DINSOS", name: "Dinas Sosial", aliases: ["Dinsos"], calendar: nil),
        .init(code: "SATPOLPP", name: "Satuan Polisi Pamong Praja", aliases: ["Satpol PP"], calendar: nil),
        .init(code: "BPBD", name: "Badan Penanggulangan Bencana Daerah", aliases: [], calendar: "24x7"),
        .init(code: "DISKOMINFO", name: "Dinas Komunikasi, Informatika, Statistik dan Persandian", aliases: ["Diskominfo", "Diskominfo SP", "Dinas Komunikasi dan Informatika"], calendar: nil),
        .init(code: "DPMPTSP", name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", aliases: ["DPM-PTSP"], calendar: nil),
        .init(code: "PDAM", name: "Perumda Air Minum Toya Wening", aliases: ["Perumda Air Minum", "PDAM Surakarta"], calendar: "24x7"),
        .init(code: "KEC-LAWEYAN", name: "Kecamatan Laweyan", aliases: [], calendar: nil),
        .init(code: "KEC-SERENGAN", name: "Kecamatan Serengan", aliases: [], calendar: nil),
        .init(code: "KEC-PASARKLIWON", name: "Kecamatan Pasar Kliwon", aliases: [], calendar: nil),
        .init(code: "KEC-JEBRES", name: "Kecamatan Jebres", aliases: [], calendar: nil),
        .init(code: "KEC-BANJARSARI", name: "Kecamatan Banjarsari", aliases: [], calendar: nil),
    ]

    /// `KEC` stands for the kecamatan office of the report's own kecamatan.
    static let categories: [CategorySeed] = [
        .init(name: "Infrastruktur", agency: "PUPR", weight: 18, templates: [
            ("Jalan berlubang di {jalan}", "Jalan di {jalan} berlubang besar sejak {n} minggu, sudah ada pengendara motor jatuh. Mohon segera diperbaiki."),
            ("Drainase tersumbat di {kel}", "Saluran drainase di Kelurahan {kel} tersumbat sehingga air meluap ke jalan saat hujan."),
            ("Trotoar rusak di {jalan}", "Trotoar di {jalan} rusak dan membahayakan pejalan kaki, terutama lansia dan anak sekolah."),
        ]),
        .init(name: "Kebersihan", agency: "DLH", weight: 14, templates: [
            ("Sampah menumpuk di {kel}", "Sampah di TPS {kel} tidak diangkut sudah {n} hari, bau menyengat dan banyak lalat."),
            ("Pembakaran sampah di {jalan}", "Warga membakar sampah setiap sore di dekat {jalan}, asapnya masuk ke rumah-rumah."),
            ("Limbah usaha dibuang ke sungai", "Ada usaha di {kel} yang membuang limbah cair ke sungai, air menjadi hitam dan berbau."),
        ]),
        .init(name: "Perhubungan", agency: "DISHUB", weight: 11, templates: [
            ("Lampu lalu lintas mati di {jalan}", "Traffic light di simpang {jalan} mati sejak {n} hari. Tolong ditindaklanjuti!"),
            ("Parkir liar di {jalan}", "Parkir liar di {jalan} memakan badan jalan dan menyebabkan macet setiap sore."),
            ("Juru parkir menarik tarif berlebih", "Juru parkir di {jalan} menarik Rp{n}.000 untuk motor, tidak sesuai perda."),
        ]),
        .init(name: "Kependudukan", agency: "DISDUKCAPIL", weight: 9, templates: [
            ("KTP-el belum jadi", "Saya merekam KTP-el {n} bulan lalu di Kecamatan {kec} tetapi sampai sekarang belum dicetak."),
            ("Antrean Disdukcapil terlalu lama", "Antrean layanan akta kelahiran sangat lama, datang pukul 07.00 baru dilayani siang."),
        ]),
        .init(name: "Kesehatan", agency: "DINKES", weight: 8, templates: [
            ("Pelayanan Puskesmas {kel}", "Petugas Puskesmas {kel} datang terlambat, pasien menunggu lebih dari {n} jam."),
            ("Fogging demam berdarah", "Di RT {n} Kelurahan {kel} sudah ada tiga warga terkena DBD, mohon dilakukan fogging."),
        ]),
        .init(name: "Pendidikan", agency: "DISDIK", weight: 7, templates: [
            ("PPDB zonasi bermasalah", "Anak saya tidak diterima di SMP terdekat padahal rumah hanya {n}00 meter dari sekolah."),
            ("Pungutan di sekolah", "Sekolah di {kel} meminta sumbangan Rp{n}00.000 yang diwajibkan kepada semua wali murid."),
        ]),
        .init(name: "Sosial", agency: "DINSOS", weight: 7, templates: [
            ("Bansos tidak tepat sasaran", "Bantuan sosial di RT {n} {kel} diterima warga mampu, sementara lansia miskin tidak dapat."),
            ("Orang terlantar di {jalan}", "Ada orang dengan gangguan jiwa terlantar di sekitar {jalan}, mohon penanganan."),
        ]),
        .init(name: "Ketertiban Umum", agency: "SATPOLPP", weight: 7, templates: [
            ("PKL menutup trotoar {jalan}", "Pedagang kaki lima di {jalan} menutup trotoar sepenuhnya sehingga pejalan kaki turun ke jalan."),
            ("Balapan liar tiap malam", "Setiap malam minggu ada balapan liar di {jalan}, sangat bising dan berbahaya."),
        ]),
        .init(name: "Bencana", agency: "BPBD", weight: 3, templates: [
            ("Pohon tumbang di {jalan}", "Pohon besar tumbang di {jalan} setelah hujan deras dan menutup separuh jalan."),
            ("Banjir di {kel}", "Banjir setinggi {n}0 cm merendam rumah warga di {kel} sejak semalam."),
        ]),
        .init(name: "Komunikasi dan Informatika", agency: "DISKOMINFO", weight: 4, templates: [
            ("Permintaan data anggaran", "Mohon informasi rincian anggaran kegiatan Kelurahan {kel} tahun ini sesuai UU KIP."),
            ("Wifi publik mati", "Wifi publik di taman {kel} tidak bisa dipakai sejak {n} minggu."),
        ]),
        .init(name: "Perizinan", agency: "DPMPTSP", weight: 3, templates: [
            ("Izin usaha lama terbit", "Pengajuan NIB dan izin usaha saya sudah {n} minggu belum ada kabar."),
        ]),
        .init(name: "Air Bersih", agency: "PDAM", weight: 6, templates: [
            ("Air PDAM mati di {kel}", "Air PDAM di {kel} mati sudah {n} hari tanpa pemberitahuan."),
            ("Air keruh dan berbau", "Air dari PDAM di {jalan} keruh kecoklatan dan berbau kaporit."),
        ]),
        .init(name: "Pelayanan Kewilayahan", agency: "KEC", weight: 3, templates: [
            ("Surat pengantar dipersulit", "Pengurusan surat pengantar di kantor Kelurahan {kel} dipersulit dan diminta biaya."),
            ("Lampu PJU mati di {jalan}", "Lampu penerangan jalan umum di {jalan} mati sejak {n} minggu, rawan kejahatan."),
        ]),
    ]

    static let streets = ["Jl. Slamet Riyadi", "Jl. Ahmad Yani", "Jl. Veteran", "Jl. Pahlawan", "Jl. Adi Sucipto",
                          "Jl. Kolonel Sutarto", "Jl. Ir. Sutami", "Jl. Kapten Mulyadi", "Jl. Honggowongso", "Jl. Dr. Radjiman"]

    static let names = ["Ahmad Fauzi", "Siti Rahmawati", "Budi Santoso", "Dewi Lestari", "Rudi Hartono", "Nur Aisyah",
                        "Agus Wibowo", "Fitri Handayani", "Yohanes Pardede", "I Made Sudarma", "Sri Wahyuni", "Bambang Susilo",
                        "Wahyu Hidayat", "Ratna Sari", "Joko Purnomo", "Maria Ulfa"]

    /// Bodies that test the desk's care: emoji, wide characters, combining marks and escape sequences.
    static let hostileBodies = [
        "Sudah lapor 3 kali 😡🙏😭 tidak ada tanggapan sama sekali!!",
        "Warga keturunan Tionghoa menulis: 道路有坑，请尽快修理。 Jalan rusak parah.",
        "Cafe\u{301} di pinggir jalan memutar musik keras sampai jam 2 pagi. Re\u{301}sume\u{301}: bising.",
        "Tolong!\u{1B}[2J\u{1B}[H\u{1B}]0;DIRETAS\u{07} jalan rusak\u{1B}[31m merah\u{1B}[0m",
        "Baris satu\r\nBaris dua\u{7} dengan BEL\u{9B}31m dan C1 \u{202E}balik\u{202C} teks",
    ]
}
