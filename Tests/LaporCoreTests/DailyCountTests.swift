import Foundation
import Testing
@testable import LaporCore

/// The per-day counters must equal a full recount after imports (whose batches count in one
/// grouped statement) mixed with desk transitions (counted by triggers).
@Suite struct DailyCountTests {
    @Test(arguments: [1, 3, 5000])
    func countersEqualARecountAfterImportsAndTransitions(batchSize: Int) throws {
        let f = try Fixture()
        var lines = ["tracking_id,submitted_at,title,body,category,channel,agency,status"]
        var perDay: [Trend.Day: Int] = [:]
        let agencies = ["DLH", "PUPR", "Dinas Baru", ""]
        let statuses = ["", "Terverifikasi", "Terdisposisi ke Dinas Perhubungan", "Selesai", "Diproses"]
        for i in 0..<40 {
            let day = Trend.Day(year: 2026, month: 10, day: 1 + i % 20)
            let agency = agencies[i % agencies.count], status = statuses[i % statuses.count]
            let needsAgency = status == "Diproses" && agency.isEmpty
            lines.append("R\(i),\(day.text) 0\(i % 10):30,Judul \(i),Isi,\(["Kebersihan", "Jalan"][i % 2]),web,\(needsAgency ? "DLH" : agency),\(status)")
            perDay[day, default: 0] += 1
        }
        // The same id again, changed: an update must move its count, not add one.
        lines.append("R0,2026-10-05 08:00,Judul baru,Isi,Kebersihan,sms,DLH,Selesai")
        perDay[Trend.Day(year: 2026, month: 10, day: 1), default: 0] -= 1
        perDay[Trend.Day(year: 2026, month: 10, day: 5), default: 0] += 1
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-counts-\(UUID().uuidString).csv").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var importer = Importer(store: f.store, user: f.op, now: Fixture.now)
        importer.batchSize = batchSize
        let summary = try importer.run([path], format: .csv)
        #expect(summary.rejected == 0 && summary.inserted == 40 && summary.updated == 1)
        #expect(try f.store.verifyDailyCounts() == 0)
        let counted = try f.store.dailyCounts(from: Trend.Day(year: 2026, month: 10, day: 1), to: Trend.Day(year: 2026, month: 10, day: 31), for: f.boss)
        #expect(counted.filter { $0.value != 0 } == perDay.filter { $0.value != 0 })
        // Desk transitions after the import go through the triggers.
        _ = try f.store.verify("R5", by: f.op, at: Fixture.now)
        _ = try f.store.route("R5", to: "PUPR", by: f.op, at: Fixture.now)
        #expect(try f.store.verifyDailyCounts() == 0)
        // And importing again changes nothing.
        #expect(try importer.run([path], format: .csv).inserted == 0)
        #expect(try f.store.verifyDailyCounts() == 0)
    }
}
