/// The desk's lifecycle states (domain.md, "Lifecycle"); raw values are the stable ids scripts use.
public enum ReportState: String, Sendable, CaseIterable, Codable, Hashable {
    case new
    case onHold = "on_hold"
    case verified
    case dispositioned
    case inProgress = "in_progress"
    case awaitingReporter = "awaiting_reporter"
    case resolved
    case archived
    /// An information request whose requester objected (keberatan, UU 14/2008): the PPID's superior must answer.
    case objected

    /// Open states still have a clock running (or paused); closed ones are done.
    public var isOpen: Bool { self != .resolved && self != .archived }

    /// The label people read, in the desk's language.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.new, .id): "Belum Diverifikasi"
        case (.new, .en): "Unverified"
        case (.onHold, .id): "Ditunda"
        case (.onHold, .en): "On hold"
        case (.verified, .id): "Terverifikasi"
        case (.verified, .en): "Verified"
        case (.dispositioned, .id): "Terdisposisi"
        case (.dispositioned, .en): "Routed"
        case (.inProgress, .id): "Ditindaklanjuti"
        case (.inProgress, .en): "In progress"
        case (.awaitingReporter, .id): "Menunggu Pelapor"
        case (.awaitingReporter, .en): "Awaiting reporter"
        case (.resolved, .id): "Selesai"
        case (.resolved, .en): "Resolved"
        case (.archived, .id): "Diarsipkan"
        case (.archived, .en): "Archived"
        case (.objected, .id): "Keberatan"
        case (.objected, .en): "Objection"
        }
    }

    /// The label for a report of `type`: an information request that is `resolved` has been decided
    /// (the PPID's answer), which "Selesai" would misstate; every other state reads the same.
    public func label(_ language: Language, for type: ReportType) -> String {
        guard type == .permintaanInformasi, self == .resolved else { return label(language) }
        return language == .id ? "Diputuskan" : "Decided"
    }

    /// Parses a state id (`on_hold`) or a label prefix in either language (`selesai`, `unver`).
    public static func parse(_ text: String) -> ReportState? {
        let needle = text.lowercased().trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { return nil }
        if let exact = ReportState(rawValue: needle) { return exact }
        for state in allCases {
            for language in Language.allCases where state.label(language).lowercased().hasPrefix(needle) {
                return state
            }
        }
        if let state = allCases.first(where: { $0.rawValue.hasPrefix(needle) }) { return state }
        // A decided information request is `resolved` ("~s diputuskan" finds it too).
        return ["diputuskan", "decided"].contains { $0.hasPrefix(needle) } ? .resolved : nil
    }
}
