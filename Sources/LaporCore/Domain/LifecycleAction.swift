/// The actions that move a report through its lifecycle; each landed action is one audit record.
public enum LifecycleAction: String, Sendable, CaseIterable, Codable, Hashable {
    case verify
    case route
    case hold
    /// The reporter supplied what was asked: back from `on_hold` to `new`.
    case release
    case archive
    case followUp = "follow_up"
    /// *Bukan wewenang*: the agency hands the report back for re-routing.
    case returnReport = "return"
    /// The agency's answer to the reporter; starts the auto-close countdown.
    case respond
    /// The reporter disputes the answer: back to `in_progress`.
    case dispute
    case resolve
    case reopen
    /// Resolution by the desk after the auto-close countdown ran out.
    case autoClose = "auto_close"
    /// An information request answered: granted, partly granted or refused with its ground (UU 14/2008).
    case decide
    /// The one extension of an information request's answer deadline, by 7 working days, with the reason.
    case extend
    /// The requester's objection (keberatan) to the PPID's superior; starts the `objection` clock.
    case object

    /// Actions that refuse to run without a note or reason.
    public var requiresNote: Bool {
        switch self {
        case .hold, .archive, .followUp, .returnReport, .respond, .dispute, .decide, .extend, .object: true
        default: false
        }
    }
}
