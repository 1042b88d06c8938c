import Foundation

/// One import batch as both engines take it: each row is inserted, updates a stored report,
/// leaves it unchanged, or conflicts with what the desk decided since (then the desk's state and
/// routing are kept and the conflict audited). Agencies are resolved by ``AgencyIndex``.
struct ImportFlow<Steps: ImportSteps> {
    let steps: Steps
    let actor: User
    let now: Date

    /// Imports are for the desk's staff: operators and supervisors.
    static func permit(_ actor: User) throws {
        guard [.operator, .supervisor].contains(actor.role) else {
            throw LaporError.permissionDenied(login: actor.login, role: actor.role, what: "import reports")
        }
    }

    func apply(_ rows: [ImportRow]) throws -> ImportBatchResult {
        var result = ImportBatchResult()
        var agencies = AgencyIndex(try steps.currentAgencies())
        let engine = try steps.clockEngine()
        var known = try steps.existing(rows.map(\.report.trackingID))
        for row in rows {
            if let origin = row.origin { try steps.storeOrigin(origin, trackingID: row.report.trackingID) }
            var incoming = row.report
            if let name = row.agencyName {
                let (id, outcome) = try agencies.resolve(name, parent: row.origin?.parentAgency ?? "", steps: steps,
                                                         actor: actor, at: now)
                incoming.agencyID = id
                switch outcome {
                case .known:
                    break
                case .created(let code, let name):
                    result.createdAgencies.append(code)
                    result.agencyNotes.append(ImportAgencyNote(code: code, name: name, created: true))
                case .aliased(let spelling, let code):
                    result.agencyNotes.append(ImportAgencyNote(code: code, name: spelling, created: false))
                }
            }
            // The same id twice in one file: the first copy must be stored before the second is compared.
            if steps.holds(incoming.trackingID) { known.formUnion(try steps.flush()) }
            guard known.contains(incoming.trackingID), let (held, deskTouched) = try steps.stored(trackingID: incoming.trackingID) else {
                try steps.stage(incoming, due: Self.importedDue(incoming, engine: engine))
                result.inserted += 1
                continue
            }
            let existing = try steps.comparable(held, with: incoming)
            var merged = incoming
            merged.id = existing.id
            // A masked export must not erase an identity the desk holds.
            if incoming.identityProtected && incoming.reporterName.isEmpty && incoming.reporterContact.isEmpty {
                merged.reporterName = existing.reporterName
                merged.reporterContact = existing.reporterContact
            }
            let decisionDiffers = merged.state != existing.state || merged.agencyID != existing.agencyID
            if decisionDiffers && deskTouched {
                result.conflicts += 1
                let note = "the file says \(merged.state.rawValue); the desk keeps \(existing.state.rawValue)"
                try steps.appendAudit(AuditEntry(at: now, actor: actor.login, role: actor.role, action: "import_conflict",
                                                 reportID: existing.id, fromState: existing.state, toState: merged.state,
                                                 note: note),
                                      fromAgencyID: existing.agencyID, toAgencyID: merged.agencyID)
                merged.state = existing.state
                merged.agencyID = existing.agencyID
            }
            if Self.sameContent(merged, existing) {
                result.unchanged += 1
                continue
            }
            try steps.update(merged, previous: existing, due: Self.importedDue(merged, engine: engine))
            result.updated += 1
        }
        _ = try steps.flush()
        return result
    }

    static func sameContent(_ a: Report, _ b: Report) -> Bool {
        a.trackingID == b.trackingID && a.submittedAt == b.submittedAt && a.title == b.title && a.body == b.body
            && a.category == b.category && a.subcategory == b.subcategory && a.type == b.type && a.channel == b.channel
            && a.reporterName == b.reporterName && a.reporterContact == b.reporterContact && a.anonymous == b.anonymous
            && a.confidential == b.confidential && a.kecamatan == b.kecamatan && a.kelurahan == b.kelurahan
            && a.address == b.address && a.state == b.state && a.agencyID == b.agencyID
    }

    /// The earliest running clock of an imported report, its history taken as happening when it was submitted.
    static func importedDue(_ r: Report, engine: SLAClocks) -> ClockReading? {
        guard r.state.isOpen else { return nil }
        let events = SLAClocks.importedEvents(to: r.state, at: r.submittedAt, agencyID: r.agencyID, type: r.type)
        return engine.readings(submitted: r.submittedAt, events: events, now: r.submittedAt, type: r.type)
            .filter(\.isRunning).min { $0.deadline < $1.deadline }
    }
}
