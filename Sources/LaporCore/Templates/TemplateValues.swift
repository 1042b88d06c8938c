import Foundation

/// What a template's placeholders become for one report. Built only from what the reader may
/// see: a protected (anonim/rahasia) or unnamed reporter becomes a neutral salutation, so a
/// filled note never carries a masked identity.
public struct TemplateValues: Sendable, Equatable {
    public var trackingID: String
    public var title: String
    public var agency: String
    public var category: String
    public var submitted: String
    public var deadline: String
    public var reporter: String
    public var operatorName: String

    /// `agencyName` is the agency the action concerns (a route's target), else the report's own.
    public init(report: Report, agencyName: String?, operatorName: String, zone: DeskZone, language: Language) {
        let en = language == .en
        trackingID = report.trackingID
        title = Sanitizer.line(report.title)
        agency = agencyName.map(Sanitizer.line) ?? (en ? "the agency concerned" : "instansi terkait")
        category = report.category.isEmpty ? "-" : Sanitizer.line(report.category)
        submitted = LongDate.text(report.submittedAt, zone: zone, language: language)
        deadline = report.dueAt.map { LongDate.text($0, zone: zone, language: language) } ?? "-"
        let name = Sanitizer.line(report.reporterName).trimmingCharacters(in: .whitespaces)
        if report.identityProtected || name.isEmpty {
            reporter = en ? "Sir or Madam" : "Bapak/Ibu Pelapor"
        } else {
            reporter = name
        }
        self.operatorName = Sanitizer.line(operatorName)
    }

    func value(for placeholder: String) -> String? {
        switch placeholder {
        case "tracking_id": trackingID
        case "judul", "title": title
        case "instansi", "agency": agency
        case "kategori", "category": category
        case "tanggal", "date": submitted
        case "batas", "deadline": deadline
        case "pelapor", "reporter": reporter
        case "operator": operatorName
        default: nil
        }
    }
}

/// A date as a letter writes it: `12 Maret 2024`, `12 March 2024`.
public enum LongDate {
    static let indonesian = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                             "Oktober", "November", "Desember"]
    static let english = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"]

    public static func text(_ date: Date, zone: DeskZone, language: Language) -> String {
        let (year, month, day, _, _, _) = zone.components(date)
        let months = language == .en ? english : indonesian
        return "\(day) \(months[month - 1]) \(year)"
    }
}
