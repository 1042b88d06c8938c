/// LAPOR!'s "Klasifikasi Laporan"; whistle-blowing and procurement map to `pengaduan`.
public enum ReportType: String, Sendable, CaseIterable, Codable {
    case pengaduan
    case aspirasi
    case permintaanInformasi = "permintaan_informasi"

    public static func parse(_ text: String) -> ReportType? {
        let t = text.lowercased().filter { $0.isLetter }
        if t.isEmpty { return nil }
        if t.hasPrefix("aspira") { return .aspirasi }
        if t.hasPrefix("permintaan") || t.hasPrefix("informa") || t.hasPrefix("request") { return .permintaanInformasi }
        if t.hasPrefix("pengadu") || t.hasPrefix("complain") || t.hasPrefix("whistle") || t.hasPrefix("pengadaan") { return .pengaduan }
        return nil
    }
}
