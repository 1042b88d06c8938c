/// The report fields an export may carry, matched by header name case-insensitively,
/// ignoring spaces, underscores and punctuation (import-formats.md).
public enum ImportField: String, CaseIterable, Sendable {
    case trackingID = "tracking_id", submittedAt = "submitted_at", title, body, category, subcategory, type, channel
    case reporterName = "reporter_name", reporterContact = "reporter_contact", anonymous, confidential
    case kecamatan, kelurahan, address, agency, status

    /// Every accepted spelling, already folded.
    var aliases: [String] {
        let names: [String] = switch self {
        case .trackingID: ["tracking_id", "ID Laporan", "No Tracking", "Nomor Tiket", "Tracking ID", "id"]
        case .submittedAt: ["submitted_at", "Tanggal Laporan", "Tanggal Masuk", "Waktu", "created_at", "requested_datetime"]
        case .title: ["title", "Judul", "Judul Laporan"]
        case .body: ["body", "Isi", "Isi Laporan", "Uraian", "description"]
        case .category: ["category", "Kategori"]
        case .subcategory: ["subcategory", "Subkategori", "Sub Kategori"]
        case .type: ["type", "Jenis", "Jenis Laporan", "Klasifikasi"]
        case .channel: ["channel", "Sumber", "Kanal", "Media"]
        case .reporterName: ["reporter_name", "Nama Pelapor", "Pelapor"]
        case .reporterContact: ["reporter_contact", "Kontak Pelapor", "No HP", "Email", "Telepon"]
        case .anonymous: ["anonymous", "Anonim"]
        case .confidential: ["confidential", "Rahasia"]
        case .kecamatan: ["kecamatan", "district"]
        case .kelurahan: ["kelurahan", "Desa", "village"]
        case .address: ["address", "Alamat", "Lokasi", "address_string"]
        case .agency: ["agency", "Instansi Tujuan", "Instansi", "Disposisi", "Perangkat Daerah", "OPD", "agency_responsible"]
        case .status: ["status"]
        }
        return names.map(Self.fold)
    }

    static func fold(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }.map(Character.init))
    }

    private static let byAlias: [String: ImportField] = {
        var map: [String: ImportField] = [:]
        for field in allCases { for alias in field.aliases where map[alias] == nil { map[alias] = field } }
        return map
    }()

    /// The field a header names, or nil for a column the desk does not know.
    public static func match(_ header: String) -> ImportField? { byAlias[fold(header)] }
}
