import Foundation
import Testing
@testable import LaporCLI
@testable import LaporCore

/// Where a command-line suite keeps its desk: a temporary SQLite file, or, when
/// `LAPOR_TEST_ENGINE=postgresql`, a fresh database on the tests' cluster. `Tests/all.sh` runs
/// these suites once per engine, so the same assertions hold on both (issue 13).
enum TestDesk {
    static let onServer = ProcessInfo.processInfo.environment["LAPOR_TEST_ENGINE"] == "postgresql"

    /// A new, empty desk location (nothing is made on a file; a database is created on a server).
    static func location(_ name: String) -> String {
        if onServer {
            do {
                return try PGTestServer.database()
            } catch {
                Issue.record("LAPOR_TEST_ENGINE=postgresql needs LAPOR_TEST_PG_ADMIN: \(error)")
            }
        }
        return FileManager.default.temporaryDirectory.appendingPathComponent("lapor-\(name)-\(UUID().uuidString).sqlite").path
    }

    /// The store at `location`, whichever engine holds it.
    static func open(_ location: String) throws -> any DeskBackend {
        if PGLocation.isPostgres(location) { return try PGStore.open(uri: location) }
        return try LaporStore.open(path: location)
    }

    /// Removes a desk made by ``location(_:)``.
    static func remove(_ location: String) {
        guard PGLocation.isPostgres(location) else { return Capture.remove(location) }
        guard let admin = PGTestServer.admin,
              let name = location.split(separator: "/").last?.split(separator: "?").first else { return }
        _ = try? PGConnection(uri: admin).execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}

/// The few direct steps the command-line suites take around the commands, on either engine: a
/// report taken in (as a one-row import batch, the path both engines share), an action, the trail.
extension DeskBackend {
    @discardableResult
    func receive(_ report: Report, by user: User, at now: Date) throws -> Report {
        let row = ImportRow(report: report, agencyName: nil, line: 1, origin: nil)
        let result = try applyImport([row], by: user, at: now, dryRun: false)
        guard result.inserted == 1 else { throw LaporError.duplicate("Report \(report.trackingID)") }
        return try self.report(report.trackingID, for: user)
    }

    @discardableResult
    func perform(_ action: LifecycleAction, on ref: String, by user: User, at now: Date,
                 note: String = "", agency: String? = nil) throws -> Report {
        try act(action, on: ref, by: user, at: now, note: note, agency: agency, expectedVersion: nil, fill: nil,
                detail: .none).report
    }

    @discardableResult
    func route(_ ref: String, to agency: String, by user: User, at now: Date) throws -> Report {
        try perform(.route, on: ref, by: user, at: now, agency: agency)
    }

    func audit(_ ref: String? = nil, for user: User) throws -> [AuditEntry] {
        try audit(ref, for: user, limit: nil)
    }
}
