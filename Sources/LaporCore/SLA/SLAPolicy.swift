/// The chained clocks of domain.md and their limits; the numbers are settings, the chain is fixed.
public enum SLAClock: String, Sendable, CaseIterable, Codable {
    case verification
    case disposition
    case followUp = "follow_up"
    case resolution
    case autoClose = "auto_close"
    /// An information request's answer (UU 14/2008 Pasal 22): 10 working days, 17 after the one extension.
    case information
    /// The PPID superior's answer to an objection (Pasal 36): 30 working days.
    case objection

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.verification, .id): "verifikasi"
        case (.disposition, .id): "disposisi"
        case (.followUp, .id): "tindak lanjut"
        case (.resolution, .id): "penyelesaian"
        case (.autoClose, .id): "tutup otomatis"
        case (.verification, .en): "verification"
        case (.disposition, .en): "disposition"
        case (.followUp, .en): "follow-up"
        case (.resolution, .en): "resolution"
        case (.autoClose, .en): "auto-close"
        case (.information, .id): "informasi"
        case (.information, .en): "information"
        case (.objection, .id): "keberatan"
        case (.objection, .en): "objection"
        }
    }
}

/// Limits per clock, the due-soon warning percentage and the bounce escalation threshold.
public struct SLAPolicy: Sendable, Equatable {
    public var limits: [SLAClock: SLALimit]
    /// A running clock is due soon once this share of its limit is used (OTRS-style warning).
    public var dueSoonPercent: Int
    /// Reports that bounced this many times are escalated to supervisors by `sla --apply`.
    public var escalateAfterBounces: Int

    public static let standard = SLAPolicy(
        limits: [.verification: .workingDays(3), .disposition: .workingDays(3), .followUp: .workingDays(5),
                 .resolution: .calendarDays(60), .autoClose: .workingDays(10),
                 .information: .workingDays(10), .objection: .workingDays(30)],
        dueSoonPercent: 75, escalateAfterBounces: 2)

    public func limit(_ clock: SLAClock) -> SLALimit { limits[clock] ?? Self.standard.limits[clock]! }

    /// The one extension of an information request (Pasal 22 ayat 8): at most 7 working days. Law, not a setting.
    public static let extensionWorkingDays = 7
    /// How long after the reason arose a requester may object (Pasal 36): 30 working days. Law, not a setting.
    public static let objectionWindowWorkingDays = 30
}
