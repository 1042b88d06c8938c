import Foundation

/// Confirming and undoing incidents, decided once for both engines: who may group, which reports
/// may join, when an incident ends, and the audit record of every change.
struct IncidentFlow<Steps: IncidentSteps> {
    let steps: Steps
    let user: User
    let now: Date

    /// Puts reports under `primaryRef` as one incident. A report already in another incident is
    /// refused: take it out first (`ungroup`).
    func group(_ refs: [String], into primaryRef: String) throws -> IncidentSummary {
        try requireGrouper(what: "group reports into incidents")
        guard let primary = try steps.lockReport(.ref(primaryRef)) else { throw LaporError.reportNotFound(primaryRef) }
        if let other = primary.incidentOf, other != primary.id {
            throw LaporError.invalidArgument("\(primary.trackingID) is a member of another incident; group under its primary instead.")
        }
        var members: [Report] = []
        for ref in refs {
            guard let r = try steps.lockReport(.ref(ref)) else { throw LaporError.reportNotFound(ref) }
            if r.id == primary.id || members.contains(where: { $0.id == r.id }) { continue }
            if let other = r.incidentOf, other != primary.id {
                let name = try steps.trackingID(of: other) ?? "?"
                throw LaporError.invalidArgument("\(r.trackingID) is already in the incident of \(name); ungroup it first.")
            }
            if r.incidentOf == primary.id { continue }
            members.append(r)
        }
        guard !members.isEmpty || primary.incidentOf == primary.id else {
            throw LaporError.invalidArgument("Name at least one report to put under \(primary.trackingID).")
        }
        if primary.incidentOf == nil {
            try steps.setIncident(reportID: primary.id, to: primary.id, at: now)
        }
        for m in members {
            try steps.setIncident(reportID: m.id, to: primary.id, at: now)
            try steps.appendAudit(entry("group", m.id, "member of the incident of \(primary.trackingID)"), viaIncident: primary.id)
        }
        let count = try steps.lockIncident(primary.id).count - 1
        let note = "primary of an incident of \(count + 1) reports: +" + members.map(\.trackingID).joined(separator: " ")
        try steps.appendAudit(entry("group", primary.id, note), viaIncident: primary.id)
        return IncidentSummary(primaryID: primary.id, primary: primary.trackingID, members: count)
    }

    /// Takes reports out of their incident; taking out the primary dissolves the incident, and an
    /// incident left with its primary alone ends.
    func ungroup(_ refs: [String]) throws -> [String] {
        try requireGrouper(what: "take reports out of incidents")
        var out: [String] = []
        func release(_ r: Report, primary: Int64, note: String) throws {
            try steps.setIncident(reportID: r.id, to: nil, at: now)
            try steps.appendAudit(entry("ungroup", r.id, note), viaIncident: primary)
            out.append(r.trackingID)
        }
        for ref in refs {
            guard let r = try steps.lockReport(.ref(ref)) else { throw LaporError.reportNotFound(ref) }
            guard let primary = r.incidentOf else {
                throw LaporError.invalidArgument("\(r.trackingID) is not in an incident.")
            }
            let all = try steps.lockIncident(primary)
            if primary == r.id {
                for m in all { try release(m, primary: primary, note: "incident of \(r.trackingID) dissolved") }
                continue
            }
            try release(r, primary: primary, note: "taken out of the incident")
            let left = all.filter { $0.id != r.id }
            if left.count == 1, let alone = left.first {
                try release(alone, primary: primary, note: "incident ended: no other report left")
            }
        }
        return out
    }

    private func requireGrouper(what: String) throws {
        guard [.operator, .supervisor].contains(user.role) else {
            throw LaporError.permissionDenied(login: user.login, role: user.role, what: what)
        }
    }

    private func entry(_ action: String, _ reportID: Int64, _ note: String) -> AuditEntry {
        AuditEntry(at: now, actor: user.login, role: user.role, action: action, reportID: reportID, note: note)
    }
}
