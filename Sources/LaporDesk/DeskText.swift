import LaporCore

/// Every string the desk shows, in Bahasa Indonesia and English.
enum DeskText {
    static func t(_ l: Language, _ id: String, _ en: String) -> String { l == .id ? id : en }

    static func viewName(_ v: DeskModel.View, _ l: Language) -> String {
        switch v {
        case .queue: t(l, "Antrean", "Queue")
        case .board: t(l, "Disposisi", "Board")
        case .trend: t(l, "Tren", "Trends")
        case .sla: t(l, "SLA/Eskalasi", "SLA/Escalation")
        }
    }

    static func promptLabel(_ kind: Prompt.Kind, _ l: Language) -> String {
        switch kind {
        case .limit: t(l, "Batasi (kosong = semua): ", "Limit (empty = all): ")
        case .search: t(l, "Cari: ", "Search: ")
        case .command: ":"
        case .tagPattern: t(l, "Tandai yang cocok: ", "Tag matching: ")
        case .note(let action):
            switch action {
            case .hold: t(l, "Tunda — yang diminta dari pelapor: ", "Hold — ask the reporter for: ")
            case .archive: t(l, "Arsipkan — alasan (1 duplikat, 2 spam, 3 di luar kewenangan, 4 tidak lengkap): ",
                             "Archive — reason (1 duplicate, 2 spam, 3 out of scope, 4 incomplete): ")
            case .followUp: t(l, "Tindak lanjut: ", "Follow-up: ")
            case .returnReport: t(l, "Bukan wewenang — alasan: ", "Not our remit — reason: ")
            case .respond: t(l, "Tanggapan ke pelapor: ", "Answer to the reporter: ")
            default: t(l, "Catatan: ", "Note: ")
            }
        }
    }

    /// The archive reasons offered by number.
    static func archiveReason(_ digit: Character, _ l: Language) -> String? {
        switch digit {
        case "1": t(l, "Duplikat laporan sebelumnya", "Duplicate of an earlier report")
        case "2": t(l, "Bukan laporan (spam)", "Not a report (spam)")
        case "3": t(l, "Di luar kewenangan pemerintah daerah", "Outside the regional government's remit")
        case "4": t(l, "Informasi tidak lengkap dan pelapor tidak menanggapi", "Incomplete and the reporter did not answer")
        default: nil
        }
    }

    static func help(_ view: DeskModel.View, _ l: Language) -> [String] {
        let common = [
            t(l, "Baris status: posisi/jumlah  *ditandai  !terlambat   Tanda SLA: ● sesuai  ◐ segera  ! terlambat",
              "Status line: position/total  *tagged  !overdue   SLA marks: ● on track  ◐ due soon  ! overdue"),
            t(l, "1-4, Tab   pindah tampilan        ?  bantuan        q  kembali/keluar", "1-4, Tab   switch view          ?  help            q  back/quit"),
        ]
        switch view {
        case .queue:
            return [
                t(l, "j/k ↑/↓     pindah                  PgUp/PgDn g/G  halaman/awal/akhir", "j/k ↑/↓     move                    PgUp/PgDn g/G  page/top/bottom"),
                t(l, "Enter       buka laporan            l  batasi (filter)   /  cari, n/N", "Enter       open report             l  limit (filter)    /  search, n/N"),
                t(l, "v  verifikasi   r  disposisi (saran)   h  tunda   a  arsipkan   c  selesai", "v  verify   r  route (suggested)   h  hold   a  archive   c  resolve"),
                t(l, "f  tindak lanjut   b  bukan wewenang (instansi)   u  batalkan aksi terakhir", "f  follow-up   b  not our remit (agency)   u  undo last action"),
                t(l, "t  tandai   T  tandai pola   ;  aksi berikut untuk semua yang ditandai", "t  tag   T  tag by pattern   ;  next action applies to all tagged"),
                t(l, "^T templat (^R terakhir) di catatan/disposisi  M insiden  i anggota  E lonjakan",
                  "^T templates (^R last) in notes/route   M incident  i members  E burst now"),
                t(l, ":  perintah (verify, route KODE, hold, archive, resolve, limit, quit)", ":  command (verify, route CODE, hold, archive, resolve, limit, quit)"),
                t(l, "Kolom HK: hari kerja sejak masuk   (DLH): saran, belum didisposisi   ↩: dikembalikan instansi",
                  "WD: working days since submitted   (DLH): suggested, not yet routed   ↩: returned by the agency"),
                t(l, "Filter: ~s status ~a instansi ~c kategori ~k kecamatan/kelurahan ~h kanal ~d tanggal (<7d, 2024-03)",
                  "Filter: ~s state ~a agency ~c category ~k kecamatan/kelurahan ~h channel ~d date (<7d, 2024-03)"),
                t(l, "        ~o terlambat ~w N jatuh tempo ≤ N HK ~A anonim ~R rahasia ~t bertanda ~G/~g ID insiden ~I PI;"
                     + " kata = teks; | atau, ! bukan, ( )",
                  "        ~o overdue ~w N due within N WD ~A anonim ~R rahasia ~t tagged ~G/~g ID incidents ~I info req;"
                     + " words = text; | or, ! not, ( )"),
            ] + common
        case .board:
            return [t(l, "Enter  laporan terbuka instansi ini       s  urut menurut terlambat", "Enter  this agency's open reports       s  sort by overdue"),
                    t(l, "Kolom: laporan per status, terlambat (jam berjalan lewat tenggat), pantulan (kembali/dialihkan); ⧉N insiden terbuka",
                      "Columns: reports per state, overdue (a running clock past its deadline), bounces (returned/re-routed); ⧉N open incidents")] + common
        case .trend:
            return [t(l, "d/w/m  per hari/minggu/bulan      r  rentang: 90 hari, 1 tahun, 2 tahun, semua",
                      "d/w/m  by day/week/month          r  range: 90 days, 1 year, 2 years, all")] + common
        case .sla:
            return [t(l, "Enter  laporan terlambat instansi ini", "Enter  this agency's overdue reports"),
                    t(l, "Rantai: ↩ dikembalikan (bukan wewenang), ⟳ dialihkan; tiap tanda satu pantulan (N×)",
                      "Chain: ↩ returned (not its remit), ⟳ re-routed; each mark is one bounce (N×)")] + common
        }
    }
}
