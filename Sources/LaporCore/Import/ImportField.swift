/// The report fields an export may carry, matched by header name case-insensitively,
/// ignoring spaces, underscores and punctuation (import-formats.md).
public enum ImportField: String, CaseIterable, Sendable {
    case trackingID = "tracking_id", submittedAt = "submitted_at", title, body, category, subcategory, type, channel
    case reporterName = "reporter_name", reporterContact = "reporter_contact", anonymous, confidential
    case kecamatan, kelurahan, address, agency, status
    /// LAPOR!'s admin export: the time beside the date, the citizen's original text, the
    /// anonim/rahasia column, the pemda, the reason for a hold or archive, and columns read but not kept.
    case submittedTime = "submitted_time", originalBody = "original_body", identityType = "identity_type"
    case parentAgency = "parent_agency", statusReason = "status_reason"
    case agencyRef = "agency_ref", categoryRef = "category_ref", province, regency

    /// The columns of the desk's own exports, in order (the rest are read from other exports only).
    public static let canonical: [ImportField] = Array(allCases.prefix { $0 != .submittedTime })

    /// Every accepted spelling, already folded.
    var aliases: [String] {
        let names: [String] = switch self {
        case .trackingID: ["tracking_id", "ID Laporan", "No Tracking", "Nomor Tiket", "Tracking ID", "id"]
        case .submittedAt: ["submitted_at", "Tanggal Laporan", "Tanggal Masuk", "Tanggal Laporan Masuk", "Waktu", "created_at",
                            "requested_datetime"]
        case .submittedTime: ["submitted_time", "Waktu Laporan Masuk", "Jam Laporan Masuk", "Jam Masuk"]
        case .title: ["title", "Judul", "Judul Laporan"]
        case .body: ["body", "Isi", "Isi Laporan", "Isi Laporan Akhir", "Uraian", "description"]
        case .originalBody: ["original_body", "Isi Laporan Awal"]
        case .category: ["category", "Kategori"]
        case .subcategory: ["subcategory", "Subkategori", "Sub Kategori"]
        case .type: ["type", "Jenis", "Jenis Laporan", "Klasifikasi", "Klasifikasi Laporan"]
        case .channel: ["channel", "Sumber", "Sumber Laporan", "Kanal", "Media"]
        case .identityType: ["identity_type", "Tipe Laporan (Anonim/Rahasia)", "Tipe Laporan", "Anonim/Rahasia"]
        case .reporterName: ["reporter_name", "Nama Pelapor", "Pelapor"]
        case .reporterContact: ["reporter_contact", "Kontak Pelapor", "No HP", "Email", "Telepon"]
        case .anonymous: ["anonymous", "Anonim"]
        case .confidential: ["confidential", "Rahasia"]
        case .kecamatan: ["kecamatan", "district"]
        case .kelurahan: ["kelurahan", "Desa", "village"]
        case .address: ["address", "Alamat", "Lokasi", "address_string"]
        case .agency: ["agency", "Instansi Tujuan", "Instansi", "Instansi Terdisposisi", "Disposisi", "Perangkat Daerah", "OPD",
                       "agency_responsible"]
        case .parentAgency: ["parent_agency", "Instansi Induk"]
        case .agencyRef: ["agency_ref", "ID Instansi Terdisposisi", "ID Instansi"]
        case .categoryRef: ["category_ref", "ID Kategori"]
        case .province: ["province", "Provinsi"]
        case .regency: ["regency", "Kota/Kabupaten", "Kabupaten/Kota"]
        case .status: ["status", "Status Laporan"]
        case .statusReason: ["status_reason", "Alasan Tunda/Arsip", "Alasan Tunda", "Alasan Arsip", "Alasan"]
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
