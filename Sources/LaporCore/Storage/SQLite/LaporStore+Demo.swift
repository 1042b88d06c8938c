import Foundation
import GRDB

/// Loading the generated demo through prepared statements, in one transaction or in chunks of days.
extension LaporStore {
    /// Fills an empty desk with the demo (refusing a desk that has reports) and returns the number of
    /// reports written: agencies, people and rules first, then the reports day by day, `chunkDays`
    /// days to a transaction, calling `progress(daysDone, days)` after each. A desk can run on the
    /// database while later chunks arrive; the `demo_load` audit record marks a finished demo.
    @discardableResult
    public func loadDemo(_ generator: DemoGenerator, by actor: User, at now: Date, chunkDays: Int = Int.max,
                         stageBatch: Int = DemoStage.batch, progress: ((Int, Int) -> Void)? = nil) throws -> Int {
        guard Permissions.mayAdminister(actor.role) else {
            throw LaporError.permissionDenied(login: actor.login, role: actor.role, what: "load the demo")
        }
        let (agencyIDs, engine) = try write { db in try Self.prepareDemo(db, at: now) }
        // The reports are made on a second thread while this one writes: generating them was a
        // third of the load.
        let days = DemoDays(generator)
        defer { days.stop() }
        var written = 0, day = 0
        while day < generator.days {
            let last = min(generator.days, day + max(1, chunkDays))
            var started = false
            written += try write { db in
                // A write that failed after taking days from the generator cannot be run again.
                guard !started else { throw LaporError.databaseBusy(path: path) }
                started = true
                return try Self.insertDemoDays(db, days, before: last, agencyIDs: agencyIDs, engine: engine, batch: stageBatch)
            }
            day = last
            progress?(day, generator.days)
        }
        try write { db in
            try Self.appendAudit(db, AuditEntry(at: now, actor: actor.login, role: actor.role, action: "demo_load",
                                                note: "\(written) demo reports over \(generator.days) days"))
        }
        return written
    }

    /// Whether a demo finished loading into this database (a killed load leaves no `demo_load`).
    public func holdsFinishedDemo() throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM audit WHERE action = 'demo_load')") ?? false }
    }

    /// Agencies, people and rules of the demo, on an empty desk; the agencies' ids and the clock engine.
    static func prepareDemo(_ db: Database, at now: Date) throws -> ([String: Int64], SLAClocks) {
        let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM report") ?? 0
        guard existing == 0 else {
            throw LaporError.invalidArgument("The database already holds \(existing) reports; run the demo on a new --db path.")
        }
        var agencyIDs: [String: Int64] = [:]
        for agency in DemoGenerator.agencies {
            if let found = try? resolveAgency(db, agency.code), found.code == agency.code {
                agencyIDs[agency.code] = found.id
            } else {
                agencyIDs[agency.code] = try insertAgency(db, agency, at: now).id
            }
        }
        for (login, role, code) in DemoGenerator.people {
            let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM user WHERE login = ?)", arguments: [login]) ?? false
            if !exists {
                _ = try insertUser(db, User(login: login, name: login, role: role, agencyID: code.flatMap { agencyIDs[$0] }), at: now)
            }
        }
        // A configured desk: each category to its agency, local matters to the kecamatan office.
        if try Int.fetchOne(db, sql: "SELECT count(*) FROM routing_rule") == 0 {
            for rule in DemoGenerator.rules { try insertRule(db, rule) }
        }
        return (agencyIDs, try clockEngine(db, zone: try zone(db)))
    }

    /// The reports of the demo's days before `before` with their histories and stored deadlines,
    /// moved in batches through `DemoStage`.
    static func insertDemoDays(_ db: Database, _ days: DemoDays, before: Int, agencyIDs: [String: Int64],
                               engine: SLAClocks, batch: Int) throws -> Int {
        var stage = try DemoStage(db, batch: batch)
        var written = 0
        while let reports = days.next(before: before) {
            for item in reports {
                try stage.add(db, item, agencyIDs: agencyIDs, engine: engine)
                if stage.isFull { try stage.flush(db) }
                written += 1
            }
        }
        try stage.flush(db)
        return written
    }
}
