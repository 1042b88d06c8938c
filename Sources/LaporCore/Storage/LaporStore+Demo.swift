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
                         progress: ((Int, Int) -> Void)? = nil) throws -> Int {
        guard Permissions.mayAdminister(actor.role) else {
            throw LaporError.permissionDenied(login: actor.login, role: actor.role, what: "load the demo")
        }
        var generator = generator
        let (agencyIDs, engine) = try write { db in try Self.prepareDemo(db, at: now) }
        var written = 0, day = 0
        while day < generator.days {
            let last = min(generator.days, day + max(1, chunkDays))
            written += try write { db in
                try Self.insertDemoDays(db, &generator, days: day..<last, agencyIDs: agencyIDs, engine: engine)
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

    /// The reports of some demo days with their histories and stored deadlines.
    static func insertDemoDays(_ db: Database, _ generator: inout DemoGenerator, days: Range<Int>, agencyIDs: [String: Int64],
                               engine: SLAClocks) throws -> Int {
        let insertReport = try db.cachedStatement(sql: """
            INSERT INTO report (tracking_id, submitted_at, title, body, category, subcategory, type, channel, reporter_name,
                reporter_contact, anonymous, confidential, kecamatan, kelurahan, address, agency_id, state, bounces, returned,
                version, state_since, updated_at, desk_touched)
            VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """)
        let insertAudit = try db.cachedStatement(sql: """
            INSERT INTO audit (at, actor, role, action, report_id, from_state, to_state, from_agency_id, to_agency_id, note, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var written = 0
        for day in days {
            for item in generator.reports(day: day) {
                let r = item.report
                let updated = RowDecoding.seconds(r.updatedAt)
                try insertReport.execute(arguments: [
                    r.trackingID, RowDecoding.seconds(r.submittedAt), r.title, r.body, r.category, r.type.rawValue,
                    r.channel.rawValue, r.reporterName, r.reporterContact, r.anonymous, r.confidential, r.kecamatan,
                    r.kelurahan, r.address, item.agencyCode.flatMap { agencyIDs[$0] }, r.state.rawValue, r.bounces,
                    r.returned, r.version, updated, updated,
                ])
                let reportID = db.lastInsertedRowID
                for e in item.events {
                    try insertAudit.execute(arguments: [
                        RowDecoding.seconds(e.at), e.actor, e.role.rawValue, e.action.rawValue, reportID, e.from.rawValue,
                        e.to.rawValue, e.fromAgency.flatMap { agencyIDs[$0] }, e.toAgency.flatMap { agencyIDs[$0] }, e.note,
                        e.detail?.auditText,
                    ])
                }
                if let details = item.request {
                    // The insert trigger gave the request its number; the register row takes the history's steps.
                    let request = InformationRequest(reportID: reportID, year: 0, sequence: 0)
                    try db.execute(sql: "UPDATE info_request SET purpose = ?, delivery = ? WHERE report_id = ?",
                                   arguments: [details.purpose, details.delivery, reportID])
                    for e in item.events {
                        try recordRequestStep(db, e.action, request: request, from: e.from, detail: e.detail ?? .none, at: e.at)
                    }
                }
                if r.state.isOpen {
                    let events = item.events.map {
                        ClockEvent(action: $0.action, at: $0.at, from: $0.from, toAgencyID: $0.toAgency.flatMap { agencyIDs[$0] })
                    }
                    try storeDue(db, reportID: reportID, readings: engine.readings(submitted: r.submittedAt, events: events,
                                                                                   now: r.submittedAt, type: r.type))
                }
                written += 1
            }
        }
        return written
    }
}
