import Foundation
import Testing
@testable import LaporCore

/// The intent-named API: role checks in the core, one audit record per landed action, nothing on refusal.
@Suite struct StoreLifecycleTests {
    @Test func verifyWritesOneAuditRecordWithActorTimeAndStates() throws {
        let f = try Fixture()
        try f.report("100")
        let before = try f.auditCount()
        let report = try f.store.verify("100", by: f.op, at: f.later(5))
        #expect(report.state == .verified)
        #expect(report.version == 2)
        let trail = try f.store.audit("100", for: f.boss)
        #expect(try f.auditCount() == before + 1)
        let last = try #require(trail.last)
        #expect(last.action == "verify" && last.actor == "op" && last.role == .operator)
        #expect(last.fromState == .new && last.toState == .verified)
        #expect(last.at == f.later(5))
    }

    @Test func illegalTransitionChangesNothing() throws {
        let f = try Fixture()
        try f.report("100")
        let before = try f.auditCount()
        #expect(throws: LaporError.illegalTransition(trackingID: "100", TransitionRefusal(from: .new, action: .resolve))) {
            try f.store.resolve("100", by: f.op, at: f.later(1))
        }
        #expect(try f.store.report("100", for: f.boss).state == .new)
        #expect(try f.store.report("100", for: f.boss).version == 1)
        #expect(try f.auditCount() == before)
    }

    @Test func routeFromNewVerifiesAndRoutesInOneStep() throws {
        let f = try Fixture()
        try f.report("100")
        let routed = try f.store.route("100", to: "lingkungan hidup", by: f.op, at: f.later(1))
        #expect(routed.state == .dispositioned)
        #expect(try f.store.agency(id: routed.agencyID!)?.code == "DLH")
    }

    @Test func agencyUserSeesAndActsOnlyOnItsOwnReports() throws {
        let f = try Fixture()
        try f.report("100")
        try f.report("200")
        _ = try f.store.route("100", to: "DLH", by: f.op, at: f.later(1))
        _ = try f.store.route("200", to: "PUPR", by: f.op, at: f.later(1))
        #expect(try f.store.reports(ReportQuery(), for: f.dlh).map(\.trackingID) == ["100"])
        #expect(throws: LaporError.notVisible(login: "pd.dlh", trackingID: "200")) { try f.store.report("200", for: f.dlh) }
        let before = try f.auditCount()
        #expect(throws: LaporError.notVisible(login: "pd.dlh", trackingID: "200")) {
            try f.store.followUp("200", note: "x", by: f.dlh, at: f.later(2))
        }
        #expect(try f.auditCount() == before)
        #expect(try f.store.followUp("100", note: "Tim berangkat", by: f.dlh, at: f.later(2)).state == .inProgress)
    }

    @Test func viewerAndOperatorAreRefusedWhatTheirRoleMayNotDo() throws {
        let f = try Fixture()
        try f.report("100")
        #expect(throws: LaporError.permissionDenied(login: "pimpinan", role: .viewer, what: "verify a report that is new")) {
            try f.store.verify("100", by: f.viewer, at: f.later(1))
        }
        _ = try f.store.route("100", to: "DLH", by: f.op, at: f.later(1))
        #expect(throws: LaporError.self) { try f.store.archive("100", reason: "spam", by: f.op, at: f.later(2)) }
        #expect(try f.store.archive("100", reason: "duplikat", by: f.boss, at: f.later(2)).state == .archived)
    }

    @Test func returnAndRerouteKeepTheChainAndCountBounces() throws {
        let f = try Fixture()
        try f.report("100")
        _ = try f.store.route("100", to: "PUPR", by: f.op, at: f.later(1))
        var r = try f.store.returnReport("100", reason: "Bukan wewenang PUPR", by: f.pupr, at: f.later(2))
        #expect(r.returned && r.bounces == 1 && r.state == .dispositioned)
        #expect(throws: LaporError.alreadyReturned(trackingID: "100")) {
            try f.store.returnReport("100", reason: "lagi", by: f.pupr, at: f.later(3))
        }
        r = try f.store.route("100", to: "DLH", by: f.op, at: f.later(4))
        #expect(!r.returned && r.bounces == 1)
        r = try f.store.route("100", to: "PUPR", by: f.op, at: f.later(5))
        #expect(r.bounces == 2)
        #expect(throws: LaporError.sameAgency(trackingID: "100", agency: "PUPR")) {
            try f.store.route("100", to: "PUPR", by: f.op, at: f.later(6))
        }
        let chain = try f.store.routingChain(reportID: r.id)
        #expect(chain.map { "\($0.kind.rawValue):\($0.agency)" } == ["routed:PUPR", "returned:PUPR", "routed:DLH", "routed:PUPR"])
    }

    @Test func notesAreRequiredWhereAReasonMatters() throws {
        let f = try Fixture()
        try f.report("100")
        #expect(throws: LaporError.noteRequired(.hold)) { try f.store.hold("100", note: "  ", by: f.op, at: f.later(1)) }
        #expect(throws: LaporError.noteRequired(.archive)) { try f.store.archive("100", reason: "", by: f.op, at: f.later(1)) }
        #expect(try f.store.hold("100", note: "Mohon foto lokasi", by: f.op, at: f.later(1)).state == .onHold)
        #expect(try f.store.release("100", by: f.op, at: f.later(2)).state == .new)
    }

    @Test func staleVersionIsRefused() throws {
        let f = try Fixture()
        let r = try f.report("100")
        _ = try f.store.verify("100", by: f.op, at: f.later(1), expectedVersion: r.version)
        #expect(throws: LaporError.staleReport(trackingID: "100")) {
            try f.store.route("100", to: "DLH", by: f.op, at: f.later(2), expectedVersion: r.version)
        }
    }

    @Test func fullLifecycleThroughAutoClose() throws {
        let f = try Fixture()
        try f.report("100")
        let system = try f.store.user(login: User.systemLogin)
        _ = try f.store.route("100", to: "DLH", by: f.op, at: f.later(1))
        _ = try f.store.followUp("100", note: "Diangkut", by: f.dlh, at: f.later(2))
        _ = try f.store.respond("100", note: "Sudah diangkut, mohon konfirmasi", by: f.dlh, at: f.later(3))
        _ = try f.store.dispute("100", note: "Masih ada", by: f.op, at: f.later(4))
        _ = try f.store.respond("100", note: "Sudah bersih", by: f.dlh, at: f.later(5))
        let closed = try f.store.perform(.autoClose, on: "100", by: system, at: f.later(6))
        #expect(closed.state == .resolved)
        #expect(throws: LaporError.self) { try f.store.reopen("100", by: f.op, at: f.later(7)) }
        #expect(try f.store.reopen("100", note: "Pelapor keberatan", by: f.boss, at: f.later(7)).state == .inProgress)
        let actions = try f.store.audit("100", for: f.boss).map(\.action)
        #expect(actions == ["import", "route", "follow_up", "respond", "dispute", "respond", "auto_close", "reopen"])
    }

    @Test func auditTrailRefusesUpdateAndDelete() throws {
        let f = try Fixture(.sqlite)
        try f.report("100")
        #expect(throws: (any Error).self) { try f.sqlite.writer.write { db in try db.execute(sql: "UPDATE audit SET note = 'x'") } }
        #expect(throws: (any Error).self) { try f.sqlite.writer.write { db in try db.execute(sql: "DELETE FROM audit") } }
        #expect(try f.auditCount() > 0)
    }

    @Test func onlySupervisorsAdministerAndUnknownUsersAreRefused() throws {
        let f = try Fixture()
        #expect(throws: LaporError.permissionDenied(login: "op", role: .operator, what: "add users")) {
            try f.store.addUser(login: "x", role: .operator, by: f.op, at: Fixture.now)
        }
        #expect(throws: LaporError.unknownUser(login: "ghost")) { try f.store.user(login: "ghost") }
        #expect(throws: LaporError.unknownUser(login: "ghost")) { try f.store.initialize(login: "ghost", at: Fixture.now) }
        #expect(throws: LaporError.invalidArgument("An agency user needs --agency CODE.")) {
            try f.store.addUser(login: "x", role: .agency, by: f.boss, at: Fixture.now)
        }
        #expect(throws: LaporError.permissionDenied(login: "op", role: .operator, what: "reveal reporters' identities")) {
            try f.store.revealIdentities(.matching(nil, count: 1), purpose: "x", by: f.op, at: Fixture.now)
        }
    }

    @Test func databaseFileIsOwnerOnlyAndReopens() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-test-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try LaporStore.open(path: path)
        try store.initialize(login: "kabid", at: Fixture.now)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try LaporStore.open(path: path).user(login: "kabid").role == .supervisor)
    }

    @Test func aConfiguredGroupGetsTheFileAndAnUnknownGroupIsAClearError() throws {
        // A group other than our own, so the change of group is visible.
        let own = getegid()
        let candidates: [String] = ["daemon", "bin", "sys", "adm", "nogroup", "users"]
        let name = try #require(candidates.first { (n: String) in getgrnam(n).map { $0.pointee.gr_gid != own } ?? false })
        let gid = getgrnam(name)!.pointee.gr_gid
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-group-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try LaporStore.open(path: path, group: name)
        try store.initialize(login: "kabid", at: Fixture.now)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_gid == gid && info.st_mode & 0o777 == 0o660)
        // SQLite gives its -wal file the database's mode.
        #expect(stat(path + "-wal", &info) == 0 && info.st_mode & 0o777 == 0o660)
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-nogroup-\(UUID().uuidString).sqlite").path
        #expect(throws: LaporError.cannotOpenDatabase(path: missing, reason: "the group 'tidak-ada-grup' (LAPOR_DB_GROUP) does not exist")) {
            try LaporStore.open(path: missing, group: "tidak-ada-grup")
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func notADatabaseIsAClearError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-junk-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect(throws: LaporError.cannotOpenDatabase(path: path, reason: "the file is not a SQLite database")) {
            try LaporStore.open(path: path)
        }
    }
}
