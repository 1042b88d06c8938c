import Foundation
import GRDB

/// Users, agencies and identity reveals: supervisor-only changes, each audited.
extension LaporStore {
    /// Makes `login` the first supervisor of a desk that has no people yet; returns the user either way
    /// when it exists, or refuses when other people exist and `login` is not one of them.
    @discardableResult
    public func initialize(login: String, at now: Date) throws -> User {
        try write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT \(RowDecoding.userColumns) FROM user WHERE login = ?", arguments: [login]) {
                return RowDecoding.user(row)
            }
            let people = try Int.fetchOne(db, sql: "SELECT count(*) FROM user WHERE role <> 'system'") ?? 0
            guard people == 0 else { throw LaporError.unknownUser(login: login) }
            let user = try Self.insertUser(db, User(login: login, name: login, role: .supervisor), at: now)
            try Self.appendAudit(db, AuditEntry(at: now, actor: login, role: .supervisor, action: "init",
                                                note: "first user \(login) becomes supervisor"))
            return user
        }
    }

    /// Adds a desk user; only a supervisor may. An `agency` user must name their agency.
    @discardableResult
    public func addUser(login: String, name: String = "", role: Role, agency agencyRef: String? = nil,
                        by actor: User, at now: Date) throws -> User {
        guard Permissions.mayAdminister(actor.role) else {
            throw LaporError.permissionDenied(login: actor.login, role: actor.role, what: "add users")
        }
        guard Role.assignable.contains(role) else { throw LaporError.invalidArgument("Role \(role.rawValue) cannot be given to a person.") }
        let login = login.trimmingCharacters(in: .whitespaces)
        guard !login.isEmpty, !login.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            throw LaporError.invalidArgument("A login must be one word without spaces.")
        }
        return try write { db in
            var agencyID: Int64?
            if role == .agency {
                guard let agencyRef else { throw LaporError.invalidArgument("An agency user needs --agency CODE.") }
                agencyID = try Self.resolveAgency(db, agencyRef).id
            } else if agencyRef != nil {
                throw LaporError.invalidArgument("Only agency users belong to an agency; drop --agency or use --role agency.")
            }
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM user WHERE login = ?)", arguments: [login]) == true {
                throw LaporError.duplicate("User \(login)")
            }
            let user = try Self.insertUser(db, User(login: login, name: name.isEmpty ? login : name, role: role, agencyID: agencyID), at: now)
            try Self.appendAudit(db, AuditEntry(at: now, actor: actor.login, role: actor.role, action: "user_add",
                                                note: "\(login) as \(role.rawValue)"), toAgencyID: agencyID)
            return user
        }
    }

    /// Adds an agency; only a supervisor may.
    @discardableResult
    public func addAgency(_ agency: Agency, by actor: User, at now: Date) throws -> Agency {
        guard Permissions.mayAdminister(actor.role) else {
            throw LaporError.permissionDenied(login: actor.login, role: actor.role, what: "add agencies")
        }
        guard !agency.code.isEmpty, !agency.name.isEmpty else { throw LaporError.invalidArgument("An agency needs a code and a name.") }
        return try write { db in
            let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM agency WHERE code = ? OR name = ?)",
                                           arguments: [agency.code, agency.name]) ?? false
            if exists { throw LaporError.duplicate("Agency \(agency.code)") }
            let saved = try Self.insertAgency(db, agency, at: now)
            try Self.appendAudit(db, AuditEntry(at: now, actor: actor.login, role: actor.role, action: "agency_add",
                                                note: "\(agency.code) \(agency.name)"), toAgencyID: saved.id)
            return saved
        }
    }

    /// Records that a supervisor looked at a protected reporter's identity; others are refused.
    public func recordReveal(_ ref: String, by actor: User, at now: Date, purpose: String) throws {
        guard Permissions.mayReveal(actor.role) else {
            throw LaporError.permissionDenied(login: actor.login, role: actor.role, what: "reveal reporters' identities")
        }
        try write { db in
            guard let report = try Self.findReport(db, ref) else { throw LaporError.reportNotFound(ref) }
            try Self.appendAudit(db, AuditEntry(at: now, actor: actor.login, role: actor.role, action: "reveal",
                                                reportID: report.id, note: purpose))
        }
    }

    /// Records a bulk reveal (an export with `--reveal`) as one audit row naming how many reports.
    public func recordBulkReveal(count: Int, by actor: User, at now: Date, purpose: String) throws {
        guard Permissions.mayReveal(actor.role) else {
            throw LaporError.permissionDenied(login: actor.login, role: actor.role, what: "reveal reporters' identities")
        }
        try write { db in
            try Self.appendAudit(db, AuditEntry(at: now, actor: actor.login, role: actor.role, action: "reveal",
                                                note: "\(purpose) (\(count) reports)"))
        }
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
