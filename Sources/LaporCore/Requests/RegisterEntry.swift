import Foundation

/// One line of the PPID's register of requests (buku register permintaan informasi), as the
/// register command prints it and the annual report counts it. Identity follows the desk's masking:
/// an anonim/rahasia request shows no name, and says so, since UU 14/2008 requests are not anonymous.
public struct RegisterEntry: Codable, Sendable, Equatable {
    public var registration: String
    public var trackingID: String
    /// Day received, `YYYY-MM-DD` in the desk's zone.
    public var received: String
    public var requester: String?
    public var contact: String?
    /// The request came in anonim or rahasia: the register lacks the identity the law asks for.
    public var identityMissing: Bool
    public var information: String
    public var purpose: String
    public var delivery: String
    /// The PPID Pembantu's agency code, or nil while the PPID Utama holds it.
    public var ppid: String?
    public var state: String
    public var decision: RequestDecision?
    /// Ground id (`pasal17:b`, `not_held`, `not_documented`) of a refusal or partial grant.
    public var ground: String?
    public var decided: String?
    /// Working days from receipt to the answer (the day received does not count).
    public var workingDays: Int?
    public var extended: Bool
    /// The answer came after the deadline (10 working days, or 17 with the extension).
    public var late: Bool
    public var objected: Bool
    public var objectionOutcome: ObjectionOutcome?
    public var disputed: Bool

    enum CodingKeys: String, CodingKey {
        case registration, trackingID = "tracking_id", received, requester, contact, identityMissing = "identity_missing"
        case information, purpose, delivery, ppid, state, decision, ground, decided, workingDays = "working_days"
        case extended, late, objected, objectionOutcome = "objection_outcome", disputed
    }
}

/// One line of the register of objections (register keberatan).
public struct ObjectionEntry: Codable, Sendable, Equatable {
    public var registration: String
    public var trackingID: String
    public var objected: String
    /// Why: against the answer given, or against no answer in time.
    public var against: String
    public var reason: String
    public var due: String
    public var answered: String?
    public var outcome: ObjectionOutcome?
    public var workingDays: Int?
    public var late: Bool
    public var disputed: Bool
    public var ppid: String?

    enum CodingKeys: String, CodingKey {
        case registration, trackingID = "tracking_id", objected, against, reason, due, answered, outcome
        case workingDays = "working_days", late, disputed, ppid
    }
}
