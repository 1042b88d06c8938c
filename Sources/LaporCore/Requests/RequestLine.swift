import Foundation

/// What the registers of one year read, from either engine: the visible registered reports, their
/// register rows, agency codes, each objection's reason (its audit note), the clocks and their events.
public struct RequestRegisterRows {
    var reports: [Report]
    var requests: [Int64: InformationRequest]
    var agencyCodes: [Int64: String]
    var objectionReasons: [Int64: String]
    var clocks: SLAClocks
    var events: [Int64: [ClockEvent]]

    init(reports: [Report], requests: [Int64: InformationRequest], agencyCodes: [Int64: String],
         objectionReasons: [Int64: String], clocks: SLAClocks, events: [Int64: [ClockEvent]]) {
        self.reports = reports
        self.requests = requests
        self.agencyCodes = agencyCodes
        self.objectionReasons = objectionReasons
        self.clocks = clocks
        self.events = events
    }

    /// Each request with its clocks judged at `now`, in registration order.
    func lines(now: Date) -> [RequestLine] {
        reports.compactMap { report -> RequestLine? in
            guard let request = requests[report.id] else { return nil }
            let readings = clocks.readings(submitted: report.submittedAt, events: events[report.id] ?? [], now: now,
                                           type: .permintaanInformasi)
            return RequestLine(report: report, request: request, agency: report.agencyID.flatMap { agencyCodes[$0] },
                               information: readings.first { $0.clock == .information },
                               objectionClock: readings.first { $0.clock == .objection },
                               objectionReason: Sanitizer.line(objectionReasons[report.id] ?? ""),
                               calendar: clocks.deskCalendar)
        }.sorted { $0.request.sequence < $1.request.sequence }
    }
}

/// One request with everything the registers show, its clocks judged at `now`.
struct RequestLine {
    var report: Report
    var request: InformationRequest
    var agency: String?
    var information: ClockReading?
    var objectionClock: ClockReading?
    var objectionReason: String
    var calendar: WorkingCalendar

    func entry(revealed: Bool, zone: DeskZone) -> RegisterEntry {
        let identity = IdentityMask.visible(report, revealed: revealed)
        let days = request.decidedAt.map {
            RequestRules.workingDaysTaken(received: report.submittedAt, answered: $0, calendar: calendar, zone: zone)
        }
        let late = request.decidedAt.map { decided in information.map { decided > $0.deadline } ?? false } ?? false
        return RegisterEntry(
            registration: request.registration, trackingID: report.trackingID,
            received: Trend.Day(report.submittedAt, zone: zone).text, requester: identity.name, contact: identity.contact,
            identityMissing: report.identityProtected || report.reporterName.isEmpty,
            information: report.title.isEmpty ? report.body : report.title, purpose: request.purpose,
            delivery: request.delivery, ppid: agency, state: report.state.rawValue, decision: request.decision,
            ground: request.ground?.id, decided: request.decidedAt.map { Trend.Day($0, zone: zone).text },
            workingDays: days, extended: request.extendedAt != nil, late: late, objected: request.objectedAt != nil,
            objectionOutcome: request.objectionOutcome, disputed: request.disputedAt != nil)
    }

    func objection(zone: DeskZone) -> ObjectionEntry? {
        guard let objected = request.objectedAt else { return nil }
        let answered = request.objectionAnsweredAt
        let againstAnswer = request.decidedAt.map { $0 <= objected } ?? false
        return ObjectionEntry(
            registration: request.registration, trackingID: report.trackingID, objected: Trend.Day(objected, zone: zone).text,
            against: againstAnswer ? "answer" : "no_answer", reason: objectionReason,
            due: objectionClock.map { Trend.Day($0.deadline, zone: zone).text } ?? "",
            answered: answered.map { Trend.Day($0, zone: zone).text }, outcome: request.objectionOutcome,
            workingDays: answered.map { RequestRules.workingDaysTaken(received: objected, answered: $0, calendar: calendar,
                                                                      zone: zone) },
            late: answered.map { a in objectionClock.map { a > $0.deadline } ?? false } ?? false,
            disputed: request.disputedAt != nil, ppid: agency)
    }
}
