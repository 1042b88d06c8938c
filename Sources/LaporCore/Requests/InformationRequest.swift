import Foundation

/// What the PPID's register holds about one information request beside the report itself:
/// its registration number (given on receipt), purpose and delivery, and each legal step's date.
public struct InformationRequest: Sendable, Equatable {
    public var reportID: Int64
    /// The year of receipt (desk zone) and the request's number within it.
    public var year: Int
    public var sequence: Int
    /// The purpose of use the requester stated (tujuan penggunaan informasi).
    public var purpose: String
    /// How the answer is to be delivered (cara memperoleh / mendapatkan salinan informasi).
    public var delivery: String
    public var decision: RequestDecision?
    public var ground: RefusalGround?
    public var decidedAt: Date?
    public var extendedAt: Date?
    public var objectedAt: Date?
    public var objectionAnsweredAt: Date?
    public var objectionOutcome: ObjectionOutcome?
    /// When the desk recorded that the requester took the matter to the Komisi Informasi.
    public var disputedAt: Date?

    public init(reportID: Int64, year: Int, sequence: Int, purpose: String = "", delivery: String = "") {
        self.reportID = reportID; self.year = year; self.sequence = sequence; self.purpose = purpose; self.delivery = delivery
    }

    /// `0042/PPID/2024`: the number a requester quotes.
    public var registration: String {
        let digits = String(sequence)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "/PPID/\(year)"
    }
}

/// The extra facts an action on an information request carries: the decision and its ground,
/// or the superior's answer to an objection.
public struct ActionDetail: Sendable, Equatable {
    public var decision: RequestDecision?
    public var ground: RefusalGround?
    public var outcome: ObjectionOutcome?

    public init(decision: RequestDecision? = nil, ground: RefusalGround? = nil, outcome: ObjectionOutcome? = nil) {
        self.decision = decision; self.ground = ground; self.outcome = outcome
    }

    public static let none = ActionDetail()

    /// The audit record's `detail`: `granted`, `refused:pasal17:b`, `accepted`.
    public var auditText: String? {
        if let decision { return ground.map { "\(decision.rawValue):\($0.id)" } ?? decision.rawValue }
        return outcome?.rawValue
    }
}
