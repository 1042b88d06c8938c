/// The interface text table: one entry per thing a person reads, in both languages.
public enum Strings: String, CaseIterable, Sendable {
    case tracking, submitted, state, category, agency, title, body, reporter, contact, channel, type, location
    case bounces, history, routingChain, noReports, actor, action, note, at, role, login, name, code, aliases, calendar
    case anonymous, confidential, none, done, reportsCreated, users, days, count, returnedMark, sla

    public func text(_ language: Language) -> String {
        let pair: (String, String) = switch self {
        case .tracking: ("No. Tracking", "Tracking ID")
        case .submitted: ("Masuk", "Submitted")
        case .state: ("Status", "State")
        case .category: ("Kategori", "Category")
        case .agency: ("Instansi", "Agency")
        case .title: ("Judul", "Title")
        case .body: ("Isi", "Body")
        case .reporter: ("Pelapor", "Reporter")
        case .contact: ("Kontak", "Contact")
        case .channel: ("Kanal", "Channel")
        case .type: ("Jenis", "Type")
        case .location: ("Lokasi", "Location")
        case .bounces: ("Pantulan", "Bounces")
        case .sla: ("SLA", "SLA")
        case .history: ("Riwayat", "History")
        case .routingChain: ("Rantai disposisi", "Routing chain")
        case .noReports: ("Tidak ada laporan.", "No reports.")
        case .actor: ("Oleh", "By")
        case .action: ("Aksi", "Action")
        case .note: ("Catatan", "Note")
        case .at: ("Waktu", "Time")
        case .role: ("Peran", "Role")
        case .login: ("Login", "Login")
        case .name: ("Nama", "Name")
        case .code: ("Kode", "Code")
        case .aliases: ("Alias", "Aliases")
        case .calendar: ("Kalender", "Calendar")
        case .anonymous: ("anonim", "anonymous")
        case .confidential: ("rahasia", "confidential")
        case .none: ("—", "—")
        case .done: ("selesai", "done")
        case .reportsCreated: ("laporan dibuat", "reports created")
        case .users: ("pengguna", "users")
        case .days: ("hari", "days")
        case .count: ("Jumlah", "Count")
        case .returnedMark: ("dikembalikan", "returned")
        }
        return language == .id ? pair.0 : pair.1
    }
}
