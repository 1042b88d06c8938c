import Foundation

/// One line of the append-only audit trail.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    public var at: Date
    public var actor: String
    public var role: Role
    /// A lifecycle action id, or an administrative one (`user_add`, `reveal`, `import_conflict`, ...).
    public var action: String
    public var reportID: Int64?
    public var trackingID: String?
    public var fromState: ReportState?
    public var toState: ReportState?
    public var fromAgency: String?
    public var toAgency: String?
    public var note: String
    /// The incident's primary (tracking id) when the action reached this report through it.
    public var incident: String?
    /// An information request's decision (`refused:pasal17:b`) or an objection's outcome (`accepted`).
    public var detail: String?

    public init(id: Int64 = 0, at: Date, actor: String, role: Role, action: String, reportID: Int64? = nil,
                trackingID: String? = nil, fromState: ReportState? = nil, toState: ReportState? = nil,
                fromAgency: String? = nil, toAgency: String? = nil, note: String = "") {
        self.id = id; self.at = at; self.actor = actor; self.role = role; self.action = action
        self.reportID = reportID; self.trackingID = trackingID; self.fromState = fromState; self.toState = toState
        self.fromAgency = fromAgency; self.toAgency = toAgency; self.note = note
    }
}
