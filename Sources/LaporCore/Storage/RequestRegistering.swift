import Foundation

/// The PPID's registers and annual report on either engine: each engine reads a year's rows, the
/// registers are assembled and judged here.
public protocol RequestRegistering: AnyObject {
    var zone: DeskZone { get }
    /// What the registers of `year` read, for what `user` may see.
    func requestRegisterRows(year: Int, for user: User) throws -> RequestRegisterRows
    /// Records the requester's stated purpose and delivery method (operators and supervisors; audited).
    func setRequestDetails(_ ref: String, purpose: String?, delivery: String?, by user: User, at now: Date) throws
        -> InformationRequest
}

extension RequestRegistering {
    /// The register of requests received in `year` that `user` may see, in registration order.
    public func requestRegister(year: Int, for user: User, now: Date, revealed: Bool = false) throws -> [RegisterEntry] {
        if revealed && !Permissions.mayReveal(user.role) {
            throw LaporError.permissionDenied(login: user.login, role: user.role, what: "reveal requesters' identities")
        }
        let zone = self.zone
        return try requestRegisterRows(year: year, for: user).lines(now: now).map { $0.entry(revealed: revealed, zone: zone) }
    }

    /// The register of objections filed against requests received in `year`.
    public func objectionRegister(year: Int, for user: User, now: Date) throws -> [ObjectionEntry] {
        let zone = self.zone
        return try requestRegisterRows(year: year, for: user).lines(now: now).compactMap { $0.objection(zone: zone) }
    }

    /// The annual public-information service report, counted from the year's register.
    public func ppidReport(year: Int, for user: User, now: Date) throws -> PPIDAnnualReport {
        PPIDAnnualReport(year: year, register: try requestRegister(year: year, for: user, now: now))
    }
}

extension InformationRequest {
    /// Refuses roles that do not keep the register, before anything is read.
    static func requireRegisterKeeper(_ user: User) throws {
        guard user.role == .operator || user.role == .supervisor else {
            throw LaporError.permissionDenied(login: user.login, role: user.role, what: "edit an information request's register entry")
        }
    }

    /// The register row with the requester's purpose and delivery as stated (nil keeps a field), and
    /// the note of its audit record.
    static func edited(_ request: InformationRequest, purpose: String?, delivery: String?) -> (request: InformationRequest, note: String) {
        var edited = request
        if let purpose { edited.purpose = Sanitizer.storable(purpose).trimmingCharacters(in: .whitespacesAndNewlines) }
        if let delivery { edited.delivery = Sanitizer.storable(delivery).trimmingCharacters(in: .whitespacesAndNewlines) }
        return (edited, "tujuan: \(edited.purpose); cara: \(edited.delivery)")
    }

    static func notARequest(_ report: Report) -> LaporError {
        LaporError.refused(en: "\(report.trackingID) is not an information request.",
                           id: "\(report.trackingID) bukan permintaan informasi.")
    }

    /// The register row's fields an undone action had written (the stores' column names), cleared by undo.
    static func fieldsUndone(by action: LifecycleAction, from: ReportState) -> [String] {
        switch action {
        case .decide: ["decision", "ground", "decided_at"]
        case .extend: ["extended_at"]
        case .object: ["objected_at"]
        case .respond where from == .objected: ["objection_answered_at", "objection_outcome"]
        case .dispute: ["disputed_at"]
        default: []
        }
    }
}

extension RequestRegistering where Self: IdentityRevealing {
    /// The register with requesters' identities shown to a supervisor: one `reveal` audit record
    /// naming how many entries, written with the read (on a server, by the server).
    public func revealedRequestRegister(year: Int, for user: User, now: Date, purpose: String) throws -> [RegisterEntry] {
        guard Permissions.mayReveal(user.role) else {
            throw LaporError.permissionDenied(login: user.login, role: user.role, what: "reveal requesters' identities")
        }
        var rows = try requestRegisterRows(year: year, for: user)
        let count = rows.lines(now: now).count
        let reveal = try revealIdentities(.reports(rows.reports, count: count), purpose: purpose, by: user, at: now)
        rows.reports = rows.reports.map(reveal.apply)
        let zone = self.zone
        return rows.lines(now: now).map { $0.entry(revealed: true, zone: zone) }
    }
}
