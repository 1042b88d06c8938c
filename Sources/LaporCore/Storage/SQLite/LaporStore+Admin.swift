import Foundation
import GRDB

/// Users, agencies and identity reveals: supervisor-only changes, each audited.
extension LaporStore {
    /// The shared ``AdminFlow`` in one write transaction.
    func administer<T>(at now: Date, _ body: (AdminFlow<SQLiteAdminSteps>) throws -> T) throws -> T {
        try write { db in try body(AdminFlow(SQLiteAdminSteps(db: db), at: now)) }
    }

    /// Makes `login` the first supervisor of a desk that has no people yet; returns the user either way
    /// when it exists, or refuses when other people exist and `login` is not one of them.
    @discardableResult
    public func initialize(login: String, at now: Date) throws -> User {
        try administer(at: now) { try $0.initialize(login: login) }
    }

    /// Adds a desk user; only a supervisor may. An `agency` user must name their agency.
    @discardableResult
    public func addUser(login: String, name: String = "", role: Role, agency agencyRef: String? = nil,
                        by actor: User, at now: Date) throws -> User {
        try administer(at: now) { try $0.addUser(login: login, name: name, role: role, agency: agencyRef, by: actor) }
    }

    /// Adds an agency; only a supervisor may.
    @discardableResult
    public func addAgency(_ agency: Agency, by actor: User, at now: Date) throws -> Agency {
        try administer(at: now) { try $0.addAgency(agency, by: actor) }
    }

    /// Records that a supervisor looked at a protected reporter's identity (show) or at many
    /// (exports, registers); others are refused. The reports read here already carry identities.
    public func revealIdentities(_ scope: RevealScope, purpose: String, by actor: User, at now: Date) throws -> IdentityReveal {
        try RevealScope.requireRevealer(actor)
        let (reportID, note) = scope.record(purpose: purpose)
        try write { db in
            try Self.appendAudit(db, AuditEntry(at: now, actor: actor.login, role: actor.role, action: "reveal",
                                                reportID: reportID, note: note))
        }
        return .carried
    }

    static func insertUser(_ db: Database, _ user: User, at now: Date) throws -> User {
        try db.execute(sql: "INSERT INTO user (login, name, role, agency_id, created_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [user.login, user.name, user.role.rawValue, user.agencyID, RowDecoding.seconds(now)])
        var saved = user
        saved.id = db.lastInsertedRowID
        return saved
    }

    static func insertAgency(_ db: Database, _ agency: Agency, at now: Date) throws -> Agency {
        try db.execute(sql: "INSERT INTO agency (code, name, aliases, calendar, created_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [agency.code, agency.name, agency.aliases.joined(separator: "\n"), agency.calendar,
                                   RowDecoding.seconds(now)])
        var saved = agency
        saved.id = db.lastInsertedRowID
        return saved
    }
}
