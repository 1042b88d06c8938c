import ArgumentParser
import Foundation
import LaporCore

/// `lapor show ID`: one report with its routing chain and history; `--reveal` (supervisor, audited) unmasks.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One report with its history and routing chain.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id).") var id: String
    @Flag(help: "Show an anonim/rahasia reporter's identity (supervisor only; audited).") var reveal = false

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        var report = try ctx.reader.report(id, for: ctx.user)
        if reveal {
            report = try ctx.reader.revealIdentities(.report(report), purpose: "show --reveal", by: ctx.user, at: ctx.now)
                .apply(report)
        }
        let codes = try ctx.agencyCodes()
        let chain = try ctx.reader.routingChain(reportID: report.id)
        let history = try ctx.reader.audit(report.trackingID, for: ctx.user, limit: nil)
        let clocks = try ctx.reader.clockReadings(reportID: report.id, now: ctx.now)
        let origin = try ctx.reader.origin(trackingID: report.trackingID)
        let incident = try ctx.reader.incident(of: report.id)
        let request = try ctx.reader.requestStatus(reportID: report.id)
        if ctx.json {
            var object = ReportJSON.object(report, agencies: codes, zone: ctx.zone, revealed: reveal)
            object["routing_chain"] = chain.map { ["kind": $0.kind.rawValue, "agency": $0.agency, "at": ctx.zone.iso($0.at), "actor": $0.actor] }
            object["history"] = history.map { AuditJSON.object($0, zone: ctx.zone) }
            object["clocks"] = clocks.map { ClockJSON.object($0, zone: ctx.zone) }
            object["origin"] = origin.map(Self.originObject) ?? NSNull()
            object["incident"] = incident.map { ["primary": $0.primary, "members": $0.members] as [String: Any] } ?? NSNull()
            object["request"] = request.map { Self.requestObject($0, ctx) } ?? NSNull()
            try Output.json(object)
            return
        }
        let l = ctx.language
        let identity = IdentityMask.visible(report, revealed: reveal)
        var flags: [String] = []
        if report.anonymous { flags.append(Strings.anonymous.text(l)) }
        if report.confidential { flags.append(Strings.confidential.text(l)) }
        let field = { (label: Strings, value: String) in
            Output.line(DisplayWidth.pad(label.text(l), to: 18) + Sanitizer.line(value))
        }
        Output.line(Sanitizer.line("#\(report.trackingID)  \(report.title)"))
        field(.state, report.state.label(l, for: report.type) + (report.returned ? " (\(Strings.returnedMark.text(l)))" : ""))
        field(.agency, report.agencyID.flatMap { codes[$0] } ?? Strings.none.text(l))
        field(.submitted, ctx.zone.short(report.submittedAt) + " " + ctx.zone.abbreviation)
        field(.category, [report.category, report.subcategory].filter { !$0.isEmpty }.joined(separator: " › "))
        field(.type, report.type.rawValue)
        field(.channel, report.channel.rawValue)
        field(.reporter, (identity.name ?? IdentityMask.placeholder(l)) + (flags.isEmpty ? "" : " [\(flags.joined(separator: ", "))]"))
        field(.contact, identity.contact ?? IdentityMask.placeholder(l))
        field(.location, [report.address, report.kelurahan, report.kecamatan].filter { !$0.isEmpty }.joined(separator: ", "))
        field(.bounces, String(report.bounces))
        if !chain.isEmpty {
            field(.routingChain, RoutingStep.chainText(chain))
        }
        if let incident {
            let text = incident.primaryID == report.id
                ? (l == .id ? "utama, \(incident.members) laporan lain (~g \(report.trackingID))"
                            : "primary, \(incident.members) other reports (~g \(report.trackingID))")
                : (l == .id ? "anggota insiden \(incident.primary) (\(incident.members + 1) laporan)"
                            : "member of the incident of \(incident.primary) (\(incident.members + 1) reports)")
            Output.line(DisplayWidth.pad(l == .id ? "Insiden" : "Incident", to: 18) + text)
        }
        for (label, value) in request?.lines(l, zone: ctx.zone, now: ctx.now) ?? [] {
            Output.line(DisplayWidth.pad(label, to: 18) + Sanitizer.line(value))
        }
        for clock in clocks {
            field(.sla, Self.clockLine(clock, ctx))
        }
        if let origin {
            for (label, value) in Self.originLines(origin, l) { Output.line(DisplayWidth.pad(label, to: 18) + Sanitizer.line(value)) }
        }
        Output.line()
        for line in DisplayWidth.wrap(Sanitizer.block(report.body), width: min(100, Output.width)) { Output.line(line) }
        if let original = origin?.originalBody, !original.isEmpty {
            Output.line()
            Output.line(l == .id ? "Isi laporan awal (sebelum disunting admin):" : "Original text (before the admin's edit):")
            for line in DisplayWidth.wrap(Sanitizer.block(original), width: min(100, Output.width)) { Output.line(line) }
        }
        Output.line()
        Output.line(Strings.history.text(l))
        for entry in history {
            let move = entry.fromState.map { from in "\(from.rawValue) → \(entry.toState?.rawValue ?? "?")" } ?? ""
            let agency = entry.toAgency.map { " [\($0)]" } ?? ""
            let detail = entry.detail.map { " [\($0)]" } ?? ""
            let note = (entry.note.isEmpty ? "" : " — " + entry.note) + detail
            Output.line(Sanitizer.line("  \(ctx.zone.short(entry.at))  \(entry.actor)  \(entry.action)  \(move)\(agency)\(note)"))
        }
    }

    /// `Verifikasi  ● on_track  tenggat 2024-03-13 23:59 WIB (3 hari kerja), ditunda 2 hari kerja`
    static func clockLine(_ c: ClockReading, _ ctx: Context) -> String {
        let l = ctx.language
        var text = DisplayWidth.pad(c.clock.label(l), to: 14) + DisplayWidth.pad("\(SLAMark.symbol(c.status)) \(c.status.rawValue)", to: 12)
        text += (l == .id ? "tenggat " : "due ") + ctx.zone.short(c.deadline) + " " + ctx.zone.abbreviation
        text += " (\(c.limit.text(l)))"
        if let paused = c.pausedText(l) {
            text += (l == .id ? ", ditunda " : ", paused ") + paused
        }
        if c.beyondCalendar {
            text += l == .id ? " — kalender libur tahun itu belum ada" : " — no holiday calendar for that year"
        }
        return text
    }

    /// The export's own words, each on a line of its own (empty ones left out).
    static func originLines(_ o: ReportOrigin, _ l: Language) -> [(String, String)] {
        let rows: [(String, String, String)] = [
            ("LAPOR! klasifikasi", "LAPOR! type", o.typeLabel), ("LAPOR! status", "LAPOR! status", o.statusLabel),
            ("Alasan", "Reason", o.statusReason), ("Sumber", "Source", o.channelLabel), ("Instansi induk", "Parent", o.parentAgency),
        ]
        return rows.filter { !$0.2.isEmpty }.map { (l == .id ? $0.0 : $0.1, $0.2) }
    }

    static func originObject(_ o: ReportOrigin) -> [String: Any] {
        ["type_label": o.typeLabel, "status_label": o.statusLabel, "status_reason": o.statusReason, "closed_by": o.closedBy ?? NSNull(),
         "channel_label": o.channelLabel, "original_body": o.originalBody, "parent_agency": o.parentAgency]
    }

    /// `show --json`'s `request`: the register row of an information request.
    static func requestObject(_ status: RequestStatus, _ ctx: Context) -> [String: Any] {
        let r = status.request
        let iso = { (d: Date?) -> Any in d.map { ctx.zone.iso($0) } ?? NSNull() }
        return ["registration": r.registration, "purpose": r.purpose, "delivery": r.delivery,
                "decision": r.decision?.rawValue ?? NSNull(), "ground": r.ground?.id ?? NSNull(), "decided_at": iso(r.decidedAt),
                "extended_at": iso(r.extendedAt), "objected_at": iso(r.objectedAt),
                "objection_outcome": r.objectionOutcome?.rawValue ?? NSNull(), "objection_answered_at": iso(r.objectionAnsweredAt),
                "disputed_at": iso(r.disputedAt), "objection_window_ends": iso(status.objectionWindowEnds)]
    }
}
