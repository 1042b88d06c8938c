import Foundation

/// One citizen report with every field of domain.md, as the desk holds it.
public struct Report: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var trackingID: String
    public var submittedAt: Date
    public var title: String
    public var body: String
    /// Top-level category (LAPOR! has two levels; the second is `subcategory`).
    public var category: String
    public var subcategory: String
    public var type: ReportType
    public var channel: Channel
    public var reporterName: String
    public var reporterContact: String
    public var anonymous: Bool
    public var confidential: Bool
    public var kecamatan: String
    public var kelurahan: String
    public var address: String
    public var agencyID: Int64?
    public var state: ReportState
    /// Times the report was re-routed or returned as *bukan wewenang*.
    public var bounces: Int
    /// Set when the routed agency returned it and it waits for re-routing.
    public var returned: Bool
    /// Bumped on every change; lets a caller refuse to act on a report someone else just changed.
    public var version: Int
    public var updatedAt: Date
    /// Deadline of the earliest running SLA clock, and when it turns due soon (nil when none runs).
    public var dueAt: Date?
    public var dueSoonAt: Date?
    /// The primary report of the incident this one belongs to (its own id on the primary), else nil.
    public var incidentOf: Int64?

    public init(id: Int64 = 0, trackingID: String, submittedAt: Date, title: String, body: String,
                category: String = "", subcategory: String = "", type: ReportType = .pengaduan,
                channel: Channel = .web, reporterName: String = "", reporterContact: String = "",
                anonymous: Bool = false, confidential: Bool = false, kecamatan: String = "",
                kelurahan: String = "", address: String = "", agencyID: Int64? = nil,
                state: ReportState = .new, bounces: Int = 0, returned: Bool = false,
                version: Int = 1, updatedAt: Date? = nil) {
        self.id = id; self.trackingID = trackingID; self.submittedAt = submittedAt
        self.title = title; self.body = body; self.category = category; self.subcategory = subcategory
        self.type = type; self.channel = channel; self.reporterName = reporterName
        self.reporterContact = reporterContact; self.anonymous = anonymous; self.confidential = confidential
        self.kecamatan = kecamatan; self.kelurahan = kelurahan; self.address = address
        self.agencyID = agencyID; self.state = state; self.bounces = bounces; self.returned = returned
        self.version = version; self.updatedAt = updatedAt ?? submittedAt
    }

    /// The SLA mark at `now`, from the earliest running clock.
    public func slaStatus(at now: Date) -> ClockReading.Status? {
        guard let dueAt else { return nil }
        if now > dueAt { return .overdue }
        if let dueSoonAt, now >= dueSoonAt { return .dueSoon }
        return .onTrack
    }

    /// Whether the reporter's identity must be masked for someone who has not revealed it.
    public var identityProtected: Bool { anonymous || confidential }
}
