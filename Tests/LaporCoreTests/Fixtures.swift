import Foundation
@testable import LaporCore

/// A small desk in memory with pinned time: two agencies, one user per role, and a few reports.
struct Fixture {
    let store: LaporStore
    let boss: User
    let op: User
    let dlh: User
    let pupr: User
    let viewer: User
    /// 2026-11-23 09:00 WIB: every test runs at this instant.
    static let now = DeskZone.jakarta.date(year: 2026, month: 11, day: 23, hour: 9)!

    init() throws {
        store = try LaporStore.inMemory()
        boss = try store.initialize(login: "kabid", at: Self.now)
        try store.addAgency(Agency(code: "DLH", name: "Dinas Lingkungan Hidup", aliases: ["Lingkungan Hidup"]), by: boss, at: Self.now)
        try store.addAgency(Agency(code: "PUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang"), by: boss, at: Self.now)
        op = try store.addUser(login: "op", role: .operator, by: boss, at: Self.now)
        dlh = try store.addUser(login: "pd.dlh", role: .agency, agency: "DLH", by: boss, at: Self.now)
        pupr = try store.addUser(login: "pd.pupr", role: .agency, agency: "PUPR", by: boss, at: Self.now)
        viewer = try store.addUser(login: "pimpinan", role: .viewer, by: boss, at: Self.now)
    }

    @discardableResult
    func report(_ tid: String, anonymous: Bool = false, confidential: Bool = false) throws -> Report {
        try store.receive(Report(trackingID: tid, submittedAt: Self.now.addingTimeInterval(-86_400), title: "Sampah menumpuk",
                                 body: "Sampah tidak diangkut", category: "Kebersihan", reporterName: "Siti",
                                 reporterContact: "0812", anonymous: anonymous, confidential: confidential),
                          by: op, at: Self.now)
    }

    func auditCount() throws -> Int { try store.audit(for: boss).count }

    func later(_ minutes: Double) -> Date { Self.now.addingTimeInterval(minutes * 60) }
}
