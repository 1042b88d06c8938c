import Foundation

/// One lifecycle action as both engines take it, inside one write transaction: load through the
/// engine's ``ActionSteps``, decide here (``ActionDecision``, ``RequestRules``, the clocks), and
/// persist through the steps again. Every check comes before the first write, so a refusal
/// (thrown) leaves the report as it was.
struct ActionFlow<Steps: ActionSteps> {
    let steps: Steps
    let user: User
    let now: Date
    let zone: DeskZone
    private var agencies: [Agency]?

    init(_ steps: Steps, user: User, now: Date, zone: DeskZone) {
        self.steps = steps
        self.user = user
        self.now = now
        self.zone = zone
    }

    /// The action as an operator means it: on the report, and when the report is an incident's
    /// primary on every member the action can reach too, each with its own audit record naming the
    /// incident. A member that cannot take it is listed with the reason, not skipped quietly. With
    /// `fill`, the note is a template's text, filled for each report it lands on.
    mutating func act(_ action: LifecycleAction, on key: ReportKey, note: String, agency agencyRef: String?,
                      expectedVersion: Int?, fill: Language?, detail: ActionDetail) throws -> ActionResult {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let report = try steps.lockReport(key) else { throw LaporError.reportNotFound(key.text) }
        if let expectedVersion, expectedVersion != report.version {
            throw LaporError.staleReport(trackingID: report.trackingID)
        }
        let targetName = try fill == nil || (agencyRef ?? "").isEmpty ? nil : resolve(agencyRef ?? "").name
        let engine = try steps.clockEngine()
        let first = try apply(action, to: report, note: noteFor(report, note, fill: fill, target: targetName),
                              agency: agencyRef, via: nil, engine: engine, detail: detail)
        var result = ActionResult(report: first.report, auditIDs: [first.auditID], members: [])
        guard report.incidentOf == report.id else { return result }
        let reached: [ReportState] = action == .reopen ? [.resolved] : ReportState.allCases.filter(\.isOpen)
        for member in try steps.lockMembers(of: report.id, in: reached) {
            do {
                let done = try apply(action, to: member, note: noteFor(member, note, fill: fill, target: targetName),
                                     agency: agencyRef, via: report.id, engine: engine, detail: detail)
                result.auditIDs.append(done.auditID)
                result.members.append(MemberOutcome(trackingID: member.trackingID, state: done.report.state,
                                                    refusal: nil))
            } catch let refusal as LaporError {
                if case .databaseBusy = refusal { throw refusal }
                result.members.append(MemberOutcome(trackingID: member.trackingID, state: member.state,
                                                    refusal: refusal))
            }
        }
        return result
    }

    /// Checks and applies one action to one report.
    mutating func apply(_ action: LifecycleAction, to report: Report, note: String, agency agencyRef: String?,
                        via incident: Int64?, engine: SLAClocks,
                        detail: ActionDetail) throws -> (report: Report, auditID: Int64) {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        let target = try ActionDecision.target(of: action, on: report, by: user, note: note)
        let request = try checkRequestRules(action, on: report, detail: detail, engine: engine)
        let agency = action == .route ? try resolve(agencyRef ?? "") : nil
        let updated = try ActionDecision.applied(action, to: report, target: target, at: now, agency: agency)
        let change = ActionChange(action: action, before: report, after: updated, user: user, at: now, note: note,
                                  viaIncident: incident, detail: detail)
        let auditID = try steps.store(change)
        if let request { try steps.recordRequestStep(change, request: request) }
        let events = try steps.clockEvents(reportID: report.id)
        let readings = engine.readings(submitted: report.submittedAt, events: events, now: report.submittedAt,
                                       type: report.type)
        try steps.storeDue(reportID: report.id, DueMark(readings: readings))
        return (updated, auditID)
    }

    /// An information request's legal rules (UU 14/2008) beside the lifecycle table: the register
    /// row, its clocks and the objection window decide whether the step may be taken now.
    private func checkRequestRules(_ action: LifecycleAction, on report: Report, detail: ActionDetail,
                                   engine: SLAClocks) throws -> InformationRequest? {
        guard report.type == .permintaanInformasi else {
            if detail != .none {
                throw LaporError.invalidArgument(
                    "--decision, --ground and --outcome belong to information requests; "
                        + "\(report.trackingID) is a \(report.type.rawValue).")
            }
            return nil
        }
        let request = try steps.registeredRequest(reportID: report.id)
        let events = try steps.clockEvents(reportID: report.id)
        let readings = engine.readings(submitted: report.submittedAt, events: events, now: now, type: report.type)
        let window = request.decidedAt.map {
            RequestRules.objectionWindow(decided: $0, calendar: engine.deskCalendar, zone: engine.zone)
        }
        if let refusal = RequestRules.refusal(action, detail: detail, request: request, state: report.state,
                                              readings: readings, window: window, now: now,
                                              trackingID: report.trackingID, zone: engine.zone) {
            throw refusal
        }
        return request
    }

    /// The agency named by code, name or alias; the list is read once per transaction.
    private mutating func resolve(_ ref: String) throws -> Agency {
        let all = try agencies ?? steps.currentAgencies()
        agencies = all
        return try Agency.resolve(ref, among: all)
    }

    /// The note for one report: as given, or the template's text filled for that report.
    private func noteFor(_ report: Report, _ note: String, fill: Language?, target: String?) throws -> String {
        guard let fill else { return note }
        var agencyName = target
        if agencyName == nil, let id = report.agencyID { agencyName = try steps.agencyName(id: id) }
        return try TemplateText.fill(note, for: report, agencyName: agencyName, by: user, zone: zone, language: fill)
    }
}
