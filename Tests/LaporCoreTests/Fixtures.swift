import Foundation
@testable import LaporCore
import LaporTestSupport

/// A small desk with pinned time: two agencies, one user per role, and a few reports. It lives
/// where ``TestDesk`` puts suites' desks (a temporary file, or a fresh database on the tests'
/// cluster when `LAPOR_TEST_ENGINE=postgresql`), so the core's assertions hold on both engines.
final class Fixture {
    /// Where the desk lives: the engine this test run is for, or a SQLite file for the tests that
    /// read the SQLite engine's own tables (their server counterparts are the PG* suites).
    enum Engine { case underTest, sqlite }

    let store: any DeskBackend
    let place: String
    let boss: User
    let op: User
    let dlh: User
    let pupr: User
    let viewer: User
    /// 2026-11-23 09:00 WIB: every test runs at this instant.
    static let now = DeskZone.jakarta.date(year: 2026, month: 11, day: 23, hour: 9)!

    /// The fixture's desk; with `demo`, filled by the demo generator after the fixture's own people
    /// and agencies (on a server: made so in a file, then copied by `db copy`'s code, since the
    /// server's demo loader fills only an empty desk).
    init(_ engine: Engine = .underTest, demo: DemoGenerator? = nil) throws {
        if engine == .underTest && TestDesk.onServer, demo != nil {
            let file = try Fixture(.sqlite, demo: demo)
            place = TestDesk.location("core")
            _ = try StoreCopy.copy(from: file.sqlite.tables, to: try PGTables.open(uri: place), by: file.boss.login)
            store = try TestDesk.open(place)
        } else {
            place = engine == .sqlite ? TestDesk.file("core") : TestDesk.location("core")
            store = try TestDesk.open(place)
            let boss = try store.initialize(login: "kabid", at: Self.now)
            try Self.furnish(store, by: boss)
            if let demo, let file = store as? LaporStore { _ = try file.loadDemo(demo, by: boss, at: Self.now) }
        }
        boss = try store.user(login: "kabid")
        op = try store.user(login: "op")
        dlh = try store.user(login: "pd.dlh")
        pupr = try store.user(login: "pd.pupr")
        viewer = try store.user(login: "pimpinan")
    }

    /// Two agencies and one user per role.
    private static func furnish(_ store: any DeskBackend, by boss: User) throws {
        _ = try store.addAgency(Agency(code: "DLH", name: "Dinas Lingkungan Hidup", aliases: ["Lingkungan Hidup"]),
                            by: boss, at: now)
        _ = try store.addAgency(Agency(code: "PUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang"), by: boss, at: now)
        try store.addUser(login: "op", role: .operator, by: boss, at: now)
        try store.addUser(login: "pd.dlh", role: .agency, agency: "DLH", by: boss, at: now)
        try store.addUser(login: "pd.pupr", role: .agency, agency: "PUPR", by: boss, at: now)
        try store.addUser(login: "pimpinan", role: .viewer, by: boss, at: now)
    }

    /// The SQLite store of a fixture made with `.sqlite`.
    var sqlite: LaporStore {
        guard let store = store as? LaporStore else { fatalError("this fixture is on a server; make it with .sqlite") }
        return store
    }

    deinit { TestDesk.remove(place) }

    @discardableResult
    func report(_ tid: String, anonymous: Bool = false, confidential: Bool = false) throws -> Report {
        try store.receive(Report(trackingID: tid, submittedAt: Self.now.addingTimeInterval(-86_400),
                                 title: "Sampah menumpuk", body: "Sampah tidak diangkut", category: "Kebersihan",
                                 reporterName: "Siti", reporterContact: "0812", anonymous: anonymous,
                                 confidential: confidential),
                          by: op, at: Self.now)
    }

    func auditCount() throws -> Int { try store.audit(for: boss).count }

    func later(_ minutes: Double) -> Date { Self.now.addingTimeInterval(minutes * 60) }
}
