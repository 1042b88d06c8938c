import Foundation

/// Undo as a compensating action, decided once for both engines: the report goes back to its
/// state and routing before the undone action, recorded as its own `undo` audit record. Only the
/// same person may undo, and only while nothing else has happened to the report since.
struct UndoFlow<Steps: UndoSteps> {
    let steps: Steps
    let user: User
    let now: Date

    func undo(auditID: Int64) throws -> Report {
        guard let record = try steps.undoneRecord(auditID) else { throw LaporError.invalidArgument("Nothing to undo.") }
        guard record.actor == user.login else {
            throw LaporError.permissionDenied(login: user.login, role: user.role, what: "undo someone else's action")
        }
        let latest = try steps.latestAuditID(reportID: record.reportID)
        guard let report = try steps.lockReport(.id(record.reportID)), latest == auditID else {
            throw LaporError.invalidArgument("The report changed after that action; it can no longer be undone.")
        }
        var bounces = report.bounces
        var returned = report.returned
        if record.action == .returnReport {
            bounces = max(0, bounces - 1)
            returned = false
        }
        if record.action == .route && record.fromState == .dispositioned {
            // Restore what the route cleared: a re-route after a return did not count a bounce.
            if try steps.lastRoutingWasReturn(reportID: report.id, before: auditID) {
                returned = true
            } else {
                bounces = max(0, bounces - 1)
            }
        }
        try steps.restore(reportID: report.id, state: record.fromState, agencyID: record.fromAgencyID, bounces: bounces,
                          returned: returned, at: now)
        if report.type == .permintaanInformasi {
            try steps.undoRequestStep(record.action, reportID: report.id, from: record.fromState)
        }
        let entry = AuditEntry(at: now, actor: user.login, role: user.role, action: "undo", reportID: report.id,
                               fromState: report.state, toState: record.fromState,
                               note: "undo of \(record.action.rawValue) (audit #\(auditID))")
        try steps.appendUndoAudit(entry, fromAgencyID: report.agencyID, toAgencyID: record.fromAgencyID)
        let events = try steps.clockEvents(reportID: report.id)
        let readings = try steps.clockEngine().readings(submitted: report.submittedAt, events: events,
                                                        now: report.submittedAt, type: report.type)
        try steps.storeDue(reportID: report.id, DueMark(readings: readings))
        guard let restored = try steps.lockReport(.id(report.id)) else { throw LaporError.reportNotFound(String(report.id)) }
        return restored
    }
}
