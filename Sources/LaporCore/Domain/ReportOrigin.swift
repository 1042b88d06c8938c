import Foundation

/// What an export said about a report in its own words, kept beside the desk's values so
/// nothing LAPOR! recorded is lost in the mapping: the exact classification, status phrase and
/// channel, the reason for a hold or archive, the citizen's original text when the admin edited
/// it, and the pemda (Instansi Induk) above the perangkat daerah.
public struct ReportOrigin: Sendable, Equatable {
    public var typeLabel = ""
    public var statusLabel = ""
    public var statusReason = ""
    public var channelLabel = ""
    public var originalBody = ""
    public var parentAgency = ""

    public init(typeLabel: String = "", statusLabel: String = "", statusReason: String = "", channelLabel: String = "",
                originalBody: String = "", parentAgency: String = "") {
        self.typeLabel = typeLabel; self.statusLabel = statusLabel; self.statusReason = statusReason
        self.channelLabel = channelLabel; self.originalBody = originalBody; self.parentAgency = parentAgency
    }

    public var isEmpty: Bool {
        typeLabel.isEmpty && statusLabel.isEmpty && statusReason.isEmpty && channelLabel.isEmpty
            && originalBody.isEmpty && parentAgency.isEmpty
    }

    /// Who closed or archived the report, from LAPOR!'s phrase ("Ditutup oleh Admin" → "Admin").
    public var closedBy: String? {
        guard let range = statusLabel.range(of: " oleh ", options: .caseInsensitive) else { return nil }
        let who = String(statusLabel[range.upperBound...]).trimmed
        return who.isEmpty ? nil : who
    }
}
