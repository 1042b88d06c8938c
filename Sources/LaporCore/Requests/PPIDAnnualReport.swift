import Foundation

/// The public-information service report a PPID publishes each year (laporan layanan informasi
/// publik), counted from the register lines alone so that it always agrees with them.
public struct PPIDAnnualReport: Codable, Sendable, Equatable {
    public struct Counts: Codable, Sendable, Equatable {
        public var received = 0
        public var answered = 0
        public var granted = 0
        public var partial = 0
        public var refused = 0
        /// Refusals and partial grants per ground kind: `pasal17`, `not_held`, `not_documented`.
        public var refusedByGround: [String: Int] = [:]
        /// Answered, but how the export that brought it in does not say.
        public var decisionUnrecorded = 0
        public var pending = 0
        /// Never answered: the requester objected to the silence instead.
        public var unanswered = 0
        public var withdrawn = 0
        public var averageWorkingDays: Double?
        public var longestWorkingDays: Int?
        public var answeredLate = 0
        public var extensions = 0
        public var objections = 0
        public var objectionsAccepted = 0
        public var objectionsRejected = 0
        public var objectionsPending = 0
        public var disputes = 0
        public var identityMissing = 0

        enum CodingKeys: String, CodingKey {
            case received, answered, granted, partial, refused, refusedByGround = "refused_by_ground"
            case decisionUnrecorded = "decision_unrecorded", pending, unanswered, withdrawn
            case averageWorkingDays = "average_working_days", longestWorkingDays = "longest_working_days"
            case answeredLate = "answered_late", extensions, objections, objectionsAccepted = "objections_accepted"
            case objectionsRejected = "objections_rejected", objectionsPending = "objections_pending", disputes
            case identityMissing = "identity_missing"
        }
    }

    public var year: Int
    public var total: Counts
    /// Per PPID Pembantu (agency code; `PPID Utama` for requests never forwarded).
    public var byPPID: [String: Counts]

    enum CodingKeys: String, CodingKey { case year, total, byPPID = "by_ppid" }

    public static let utama = "PPID Utama"

    public init(year: Int, register: [RegisterEntry]) {
        self.year = year
        var total = Counts()
        var byPPID: [String: Counts] = [:]
        var days: [String: [Int]] = [:]
        for entry in register {
            let key = entry.ppid ?? Self.utama
            Self.add(entry, to: &total)
            Self.add(entry, to: &byPPID[key, default: Counts()])
            if let d = entry.workingDays {
                days["", default: []].append(d)
                days[key, default: []].append(d)
            }
        }
        Self.finish(&total, days[""] ?? [])
        for key in byPPID.keys { Self.finish(&byPPID[key]!, days[key] ?? []) }
        self.total = total
        self.byPPID = byPPID
    }

    private static func add(_ e: RegisterEntry, to c: inout Counts) {
        c.received += 1
        if e.identityMissing { c.identityMissing += 1 }
        if e.extended { c.extensions += 1 }
        if e.disputed { c.disputes += 1 }
        if e.objected {
            c.objections += 1
            switch e.objectionOutcome {
            case .accepted: c.objectionsAccepted += 1
            case .rejected: c.objectionsRejected += 1
            case nil: c.objectionsPending += 1
            }
        }
        if let decision = e.decision {
            c.answered += 1
            if e.late { c.answeredLate += 1 }
            switch decision {
            case .granted: c.granted += 1
            case .partial: c.partial += 1
            case .refused: c.refused += 1
            }
            if let ground = e.ground.flatMap(RefusalGround.parse) { c.refusedByGround[ground.kind, default: 0] += 1 }
        } else if e.state == ReportState.archived.rawValue {
            c.withdrawn += 1
        } else if e.objected {
            c.unanswered += 1
        } else if e.state == ReportState.resolved.rawValue {
            c.answered += 1
            c.decisionUnrecorded += 1
        } else {
            c.pending += 1
        }
    }

    private static func finish(_ c: inout Counts, _ days: [Int]) {
        guard !days.isEmpty else { return }
        c.averageWorkingDays = (Double(days.reduce(0, +)) / Double(days.count) * 10).rounded() / 10
        c.longestWorkingDays = days.max()
    }
}
