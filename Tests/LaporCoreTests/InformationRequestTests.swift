import Foundation
import Testing
@testable import LaporCore
import GRDB

/// Information requests under UU 14/2008 on the 2024 SKB calendar. Every expected date was counted
/// by hand: Lebaran 1445 H fell on Wed 10 and Thu 11 April, with cuti bersama on Mon 8, Tue 9,
/// Fri 12 and Mon 15 April; 1 May (Labour Day), 9 May (Ascension), 10 May (cuti bersama),
/// 23–24 May (Waisak and its cuti bersama) and 17–18 June (Idul Adha and its cuti bersama) are off too.
@Suite struct InformationRequestTests {
    static let wib = DeskZone.jakarta
    static func t(_ s: String) -> Date { wib.parseISO(s)! }
    static func iso(_ d: Date) -> String { wib.iso(d) }
    static let engine = SLAClocks(policy: .standard, zone: wib, deskCalendar: DeadlineTests.national)

    /// Received Fri 5 Apr 2024, the last working day before Lebaran. The ten working days are
    /// 16, 17, 18, 19, 22, 23, 24, 25, 26 and 29 April: due Mon 29 Apr, not before the holidays.
    @Test func tenWorkingDaysRunPastLebaran() throws {
        let readings = Self.engine.readings(submitted: Self.t("2024-04-05T10:00:00"), events: [],
                                            now: Self.t("2024-04-06T10:00:00"), type: .permintaanInformasi)
        #expect(readings.map(\.clock) == [.information])
        #expect(Self.iso(readings[0].deadline) == "2024-04-29T23:59:59+07:00")
        #expect(readings[0].limit == .workingDays(10))
    }

    /// Extended on 16 Apr: seven more working days are 30 Apr, 2, 3, 6, 7, 8 and 13 May
    /// (1 May, 9 and 10 May are off): due Mon 13 May.
    @Test func theExtensionAddsSevenWorkingDays() throws {
        let events = [ClockEvent(action: .extend, at: Self.t("2024-04-16T09:00:00"), from: .new)]
        let readings = Self.engine.readings(submitted: Self.t("2024-04-05T10:00:00"), events: events,
                                            now: Self.t("2024-04-17T10:00:00"), type: .permintaanInformasi)
        #expect(Self.iso(readings[0].deadline) == "2024-05-13T23:59:59+07:00")
        #expect(readings[0].limit == .workingDays(17))
    }

    /// An objection on Tue 14 May: thirty working days, skipping 23–24 May and 17–18 June, end Mon 1 Jul.
    @Test func anObjectionHasThirtyWorkingDays() throws {
        let events = [ClockEvent(action: .extend, at: Self.t("2024-04-16T09:00:00"), from: .new),
                      ClockEvent(action: .object, at: Self.t("2024-05-14T09:00:00"), from: .new)]
        let readings = Self.engine.readings(submitted: Self.t("2024-04-05T10:00:00"), events: events,
                                            now: Self.t("2024-05-15T10:00:00"), type: .permintaanInformasi)
        let information = try #require(readings.first { $0.clock == .information })
        let objection = try #require(readings.first { $0.clock == .objection })
        #expect(information.status == .breached)
        #expect(Self.iso(objection.deadline) == "2024-07-01T23:59:59+07:00")
        #expect(objection.status == .onTrack)
    }

    /// Answered Thu 25 Apr: the requester may object until Thu 13 Jun (30 working days).
    @Test func theObjectionWindowAfterAnAnswer() {
        let window = RequestRules.objectionWindow(decided: Self.t("2024-04-25T09:00:00"), calendar: DeadlineTests.national,
                                                  zone: Self.wib)
        #expect(Self.iso(window) == "2024-06-13T23:59:59+07:00")
    }

    @Test func requestsFollowTheirOwnTable() {
        #expect(Lifecycle.next(from: .inProgress, action: .decide, type: .permintaanInformasi) == .success(.resolved))
        #expect(Lifecycle.next(from: .inProgress, action: .respond, type: .permintaanInformasi)
                == .failure(TransitionRefusal(from: .inProgress, action: .respond, type: .permintaanInformasi)))
        #expect(Lifecycle.next(from: .objected, action: .respond, type: .permintaanInformasi) == .success(.resolved))
        #expect(Lifecycle.next(from: .inProgress, action: .respond) == .success(.awaitingReporter))
        #expect(Lifecycle.next(from: .inProgress, action: .decide) == .failure(TransitionRefusal(from: .inProgress, action: .decide)))
    }

    @Test func groundsParse() {
        #expect(RefusalGround.parse("pasal17:b") == .exempt(letter: "b"))
        #expect(RefusalGround.parse("Pasal 17 huruf c") == .exempt(letter: "c"))
        #expect(RefusalGround.parse("pasal17") == .exempt(letter: nil))
        #expect(RefusalGround.parse("pasal17:z") == nil)
        #expect(RefusalGround.parse("tidak dikuasai") == .notHeld)
        #expect(RefusalGround.parse("not_documented") == .notDocumented)
    }

    /// The whole flow through the store, as the CLI and the desk call it, on the 2024 calendar.
    @Test func theLegalStepsThroughTheStore() throws {
        let f = try Fixture()
        let store = f.store
        func receive(_ tid: String, at: String) throws -> Report {
            try store.receive(Report(trackingID: tid, submittedAt: Self.t(at), title: "Data anggaran", body: "Mohon rincian",
                                     type: .permintaanInformasi, reporterName: "Rudi", reporterContact: "0812"),
                              by: f.op, at: Self.t(at))
        }
        let first = try receive("PI-1", at: "2024-04-05T10:00:00")
        _ = try receive("PI-2", at: "2024-04-05T11:00:00")
        #expect(try store.requestStatus(reportID: first.id)?.request.registration == "0001/PPID/2024")
        #expect(try store.informationRequest("PI-2", for: f.op)?.registration == "0002/PPID/2024")

        // Before the 10 days pass, an objection to silence is refused; the one extension is allowed once.
        #expect(throws: LaporError.self) { try store.act(.object, on: "PI-1", by: f.op, at: Self.t("2024-04-16T09:00:00"), note: "x") }
        _ = try store.act(.extend, on: "PI-1", by: f.op, at: Self.t("2024-04-16T09:00:00"), note: "Data dihimpun")
        let twice = #expect(throws: LaporError.self) {
            try store.act(.extend, on: "PI-1", by: f.op, at: Self.t("2024-04-17T09:00:00"), note: "lagi")
        }
        #expect(twice?.message(.en).contains("already extended once") == true)
        // Still before the extended deadline (13 May): no objection yet; after it, yes.
        #expect(throws: LaporError.self) { try store.act(.object, on: "PI-1", by: f.op, at: Self.t("2024-05-13T20:00:00"), note: "x") }
        let objected = try store.act(.object, on: "PI-1", by: f.op, at: Self.t("2024-05-14T09:00:00"), note: "Tidak dijawab")
        #expect(objected.report.state == .objected)
        #expect(try store.report("PI-1", for: f.op).dueAt.map(Self.iso) == "2024-07-01T23:59:59+07:00")
        // The superior's answer needs its outcome; a liaison cannot give it.
        #expect(throws: LaporError.self) { try store.act(.respond, on: "PI-1", by: f.op, at: Self.t("2024-05-20T09:00:00"), note: "x") }
        let answered = try store.act(.respond, on: "PI-1", by: f.op, at: Self.t("2024-05-20T09:00:00"), note: "Diberikan",
                                     detail: ActionDetail(outcome: .accepted))
        #expect(answered.report.state == .resolved)
        #expect(try store.informationRequest("PI-1", for: f.op)?.objectionOutcome == .accepted)

        // A refusal needs its ground; decided, the register row holds it, and undo takes it back.
        #expect(throws: LaporError.self) {
            try store.act(.decide, on: "PI-2", by: f.op, at: Self.t("2024-04-25T09:00:00"), note: "x",
                          detail: ActionDetail(decision: .refused))
        }
        let decided = try store.act(.decide, on: "PI-2", by: f.op, at: Self.t("2024-04-25T09:00:00"), note: "Rahasia dagang",
                                    detail: ActionDetail(decision: .refused, ground: .exempt(letter: "b")))
        let status = try #require(try store.requestStatus(reportID: decided.report.id))
        #expect(status.request.decision == .refused)
        #expect(status.objectionWindowEnds.map(Self.iso) == "2024-06-13T23:59:59+07:00")
        _ = try store.undo(auditID: decided.auditIDs[0], by: f.op, at: Self.t("2024-04-25T09:05:00"))
        #expect(try store.informationRequest("PI-2", for: f.op)?.decision == nil)
        // A complaint takes none of this.
        try f.report("C-1")
        #expect(throws: LaporError.self) {
            try store.act(.decide, on: "C-1", by: f.op, at: Fixture.now, note: "x", detail: ActionDetail(decision: .granted))
        }
    }

    /// A PPID Pembantu decides the requests forwarded to it, and only those.
    @Test func aLiaisonDecidesItsOwnRequestsOnly() throws {
        let f = try Fixture()
        let at = Fixture.now
        for tid in ["PI-D", "PI-P"] {
            _ = try f.store.receive(Report(trackingID: tid, submittedAt: at.addingTimeInterval(-3_600), title: "Data", body: "Mohon",
                                           type: .permintaanInformasi, reporterName: "Rudi"), by: f.op, at: at)
        }
        _ = try f.store.act(.route, on: "PI-D", by: f.op, at: at, agency: "DLH")
        _ = try f.store.act(.route, on: "PI-P", by: f.op, at: at, agency: "PUPR")
        let mine = try f.store.act(.decide, on: "PI-D", by: f.dlh, at: at, note: "Terlampir", detail: ActionDetail(decision: .granted))
        #expect(mine.report.state == .resolved)
        #expect(throws: LaporError.notVisible(login: "pd.dlh", trackingID: "PI-P")) {
            try f.store.act(.decide, on: "PI-P", by: f.dlh, at: at, note: "x", detail: ActionDetail(decision: .granted))
        }
        // The register shows the liaison its own agency's requests only.
        let register = try f.store.requestRegister(year: 2026, for: f.dlh, now: at)
        #expect(register.map(\.trackingID) == ["PI-D"])
        #expect(register.first?.decision == .granted && register.first?.ppid == "DLH")
        #expect(try f.store.requestRegister(year: 2026, for: f.op, now: at).count == 2)
    }
}

/// Migration v13 on a database that already holds reports: requests are numbered per year in the
/// order they arrived, and the widened CHECK accepts `objected` and still refuses nonsense.
@Suite struct RequestMigrationTests {
    @Test func v13NumbersExistingRequestsAndWidensTheStateCheck() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v12-incidents")
        try queue.write { db in
            let insert = """
                INSERT INTO report (tracking_id, submitted_at, title, type, channel, state, state_since, updated_at)
                VALUES (?, ?, 'Data', ?, 'web', 'new', 0, 0)
                """
            // 2023-12-31 20:00 WIB is still 2023 in the desk's zone (13:00 UTC); 2024-01-01 00:30 WIB is 2024.
            try db.execute(sql: insert, arguments: ["A", 1_704_027_600, "permintaan_informasi"])
            try db.execute(sql: insert, arguments: ["B", 1_704_043_800, "permintaan_informasi"])
            try db.execute(sql: insert, arguments: ["C", 1_704_043_900, "pengaduan"])
            try db.execute(sql: insert, arguments: ["D", 1_704_044_000, "permintaan_informasi"])
        }
        try Schema.migrator.migrate(queue)
        try queue.write { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT tracking_id, year, seq FROM info_request JOIN report ON report.id = report_id ORDER BY report.id
                """).map { "\($0[0] as String) \($0[1] as Int)/\($0[2] as Int)" }
            #expect(rows == ["A 2023/1", "B 2024/1", "D 2024/2"])
            try db.execute(sql: "UPDATE report SET state = 'objected' WHERE tracking_id = 'A'")
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE report SET state = 'lost' WHERE tracking_id = 'A'") }
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            // A request stored after the migration gets the next number from the trigger.
            try db.execute(sql: """
                INSERT INTO report (tracking_id, submitted_at, title, type, channel, state, state_since, updated_at)
                VALUES ('E', 1704050000, 'Data', 'permintaan_informasi', 'web', 'new', 0, 0)
                """)
            #expect(try Int.fetchOne(db, sql: "SELECT seq FROM info_request JOIN report ON report.id = report_id WHERE tracking_id = 'E'") == 3)
        }
    }
}
