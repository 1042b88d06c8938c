import Foundation
import LaporCore

/// Where a suite keeps its desk: a temporary SQLite file, or, when `LAPOR_TEST_ENGINE=postgresql`,
/// a fresh database on the tests' cluster. `Tests/all.sh` runs the suites that use it once per
/// engine, so the same assertions hold on both (issue 13).
public enum TestDesk {
    public static let onServer = ProcessInfo.processInfo.environment["LAPOR_TEST_ENGINE"] == "postgresql"

    /// A new, empty desk location (nothing is made on a file; a database is created on a server).
    /// On a server without a cluster it stops the run: a suite asked for PostgreSQL must not pass
    /// quietly on a file.
    public static func location(_ name: String) -> String {
        if onServer {
            do {
                return try PGTestServer.database()
            } catch {
                fatalError("LAPOR_TEST_ENGINE=postgresql: \(error)")
            }
        }
        return file(name)
    }

    /// A new temporary SQLite file's path, whatever engine the run tests (nothing is made yet).
    public static func file(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("lapor-\(name)-\(UUID().uuidString).sqlite").path
    }

    /// The store at `location`, whichever engine holds it.
    public static func open(_ location: String) throws -> any DeskBackend {
        if PGLocation.isPostgres(location) { return try PGStore.open(uri: location) }
        return try LaporStore.open(path: location)
    }

    /// A new desk with its first supervisor (`login`), on the engine this run tests.
    public static func initialized(_ name: String, login: String, at now: Date) throws -> (any DeskBackend, User, String) {
        let place = location(name)
        let store = try open(place)
        let boss = try store.initialize(login: login, at: now)
        return (store, boss, place)
    }

    /// A desk filled by the demo generator (as `lapor demo` fills it on either engine).
    public static func demo(_ name: String, _ generator: DemoGenerator, login: String,
                            at now: Date) throws -> (any DeskBackend, User, String) {
        let place = location(name)
        if PGLocation.isPostgres(place) {
            _ = try PGStore.loadDemo(into: place, generator, login: login, at: now,
                                     scratch: FileManager.default.temporaryDirectory.path)
            let store = try open(place)
            return (store, try store.user(login: login), place)
        }
        let store = try LaporStore.open(path: place)
        let boss = try store.initialize(login: login, at: now)
        _ = try store.loadDemo(generator, by: boss, at: now)
        return (store, boss, place)
    }

    /// Removes a desk made by ``location(_:)``.
    public static func remove(_ location: String) {
        guard PGLocation.isPostgres(location) else {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: location + suffix) }
            return
        }
        PGTestServer.drop(location)
    }
}

/// The few direct steps suites take around the commands and keys, on either engine: a report
/// taken in (as a one-row import batch, the path both engines share), an action, the trail.
extension DeskBackend {
    @discardableResult
    public func receive(_ report: Report, by user: User, at now: Date) throws -> Report {
        let row = ImportRow(report: report, agencyName: nil, line: 1, origin: nil)
        let result = try applyImport([row], by: user, at: now, dryRun: false)
        guard result.inserted == 1 else { throw LaporError.duplicate("Report \(report.trackingID)") }
        return try self.report(report.trackingID, for: user)
    }

    /// A user added with no display name (and, for liaisons, their agency).
    @discardableResult
    public func addUser(login: String, role: Role, agency: String? = nil, by actor: User, at now: Date) throws -> User {
        try addUser(login: login, name: "", role: role, agency: agency, by: actor, at: now)
    }

    /// One batch that lands (no dry run).
    public func applyImport(_ rows: [ImportRow], by actor: User, at now: Date) throws -> ImportBatchResult {
        try applyImport(rows, by: actor, at: now, dryRun: false)
    }

    /// An action with the arguments a test leaves out at their defaults (no version check).
    @discardableResult
    public func act(_ action: LifecycleAction, on ref: String, by user: User, at now: Date, note: String = "",
                    agency: String? = nil, fill: Language? = nil, detail: ActionDetail = .none) throws -> ActionResult {
        try act(action, on: ref, by: user, at: now, note: note, agency: agency, expectedVersion: nil, fill: fill,
                detail: detail)
    }

    /// A template filled for an action that names no agency.
    public func fillTemplate(_ name: String, action: LifecycleAction, report ref: String, by user: User,
                             at now: Date) throws -> String {
        try fillTemplate(name, action: action, report: ref, agency: nil, by: user, at: now)
    }

    /// Every template `user` may use.
    public func templates(for user: User) throws -> [ReplyTemplate] {
        try templates(for: user, action: nil)
    }

    /// The PPID register row of an information request, as either engine reads it.
    public func informationRequest(_ ref: String, for user: User) throws -> InformationRequest? {
        try requestStatus(reportID: report(ref, for: user).id)?.request
    }

    /// The agency with internal id `id`.
    public func agency(id: Int64) throws -> Agency? {
        try agencies().first { $0.id == id }
    }

    public func audit(_ ref: String? = nil, for user: User) throws -> [AuditEntry] {
        try audit(ref, for: user, limit: nil)
    }
}
