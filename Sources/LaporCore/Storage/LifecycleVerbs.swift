import Foundation

/// The lifecycle verbs by name, on either engine: each is one ``ReportActing/act`` call, so the
/// CLI, the desk, automatic actions and the tests decide through the same ``ActionFlow``.
extension ReportActing {
    /// Applies one lifecycle action: visibility, role, transition and note checks, then the update and
    /// its audit record in one transaction. A refusal throws and changes nothing.
    @discardableResult
    public func perform(_ action: LifecycleAction, on ref: String, by user: User, at now: Date,
                        note: String = "", agency agencyRef: String? = nil,
                        expectedVersion: Int? = nil) throws -> Report {
        try act(action, on: ref, by: user, at: now, note: note, agency: agencyRef, expectedVersion: expectedVersion,
                fill: nil, detail: .none).report
    }

    @discardableResult
    public func verify(_ ref: String, by user: User, at now: Date, expectedVersion: Int? = nil) throws -> Report {
        try perform(.verify, on: ref, by: user, at: now, expectedVersion: expectedVersion)
    }

    /// Routes (disposisi) to an agency named by code, name or alias; from `new` this verifies and routes at once.
    @discardableResult
    public func route(_ ref: String, to agency: String, by user: User, at now: Date, note: String = "",
                      expectedVersion: Int? = nil) throws -> Report {
        try perform(.route, on: ref, by: user, at: now, note: note, agency: agency, expectedVersion: expectedVersion)
    }

    @discardableResult
    public func hold(_ ref: String, note: String, by user: User, at now: Date, expectedVersion: Int? = nil) throws -> Report {
        try perform(.hold, on: ref, by: user, at: now, note: note, expectedVersion: expectedVersion)
    }

    @discardableResult
    public func release(_ ref: String, note: String = "", by user: User, at now: Date,
                        expectedVersion: Int? = nil) throws -> Report {
        try perform(.release, on: ref, by: user, at: now, note: note, expectedVersion: expectedVersion)
    }

    @discardableResult
    public func archive(_ ref: String, reason: String, by user: User, at now: Date,
                        expectedVersion: Int? = nil) throws -> Report {
        try perform(.archive, on: ref, by: user, at: now, note: reason, expectedVersion: expectedVersion)
    }

    @discardableResult
    public func followUp(_ ref: String, note: String, by user: User, at now: Date,
                         expectedVersion: Int? = nil) throws -> Report {
        try perform(.followUp, on: ref, by: user, at: now, note: note, expectedVersion: expectedVersion)
    }

    /// *Bukan wewenang*: the agency returns the report for re-routing; counts as a bounce.
    @discardableResult
    public func returnReport(_ ref: String, reason: String, by user: User, at now: Date,
                             expectedVersion: Int? = nil) throws -> Report {
        try perform(.returnReport, on: ref, by: user, at: now, note: reason, expectedVersion: expectedVersion)
    }

    @discardableResult
    public func respond(_ ref: String, note: String, by user: User, at now: Date,
                        expectedVersion: Int? = nil) throws -> Report {
        try perform(.respond, on: ref, by: user, at: now, note: note, expectedVersion: expectedVersion)
    }

    @discardableResult
    public func dispute(_ ref: String, note: String, by user: User, at now: Date,
                        expectedVersion: Int? = nil) throws -> Report {
        try perform(.dispute, on: ref, by: user, at: now, note: note, expectedVersion: expectedVersion)
    }

    @discardableResult
    public func resolve(_ ref: String, note: String = "", by user: User, at now: Date,
                        expectedVersion: Int? = nil) throws -> Report {
        try perform(.resolve, on: ref, by: user, at: now, note: note, expectedVersion: expectedVersion)
    }

    @discardableResult
    public func reopen(_ ref: String, note: String = "", by user: User, at now: Date,
                       expectedVersion: Int? = nil) throws -> Report {
        try perform(.reopen, on: ref, by: user, at: now, note: note, expectedVersion: expectedVersion)
    }
}
