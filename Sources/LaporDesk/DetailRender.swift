import LaporCore

/// One report full screen: fields, masked identity, routing chain, clocks, body and history.
enum DetailRender {
    static func lines(_ d: ReportDetail, _ m: DeskModel) -> [(String, Style)] {
        let l = m.language
        let r = d.report
        var out: [(String, Style)] = [("#\(r.trackingID)  \(r.title)", .title)]
        func field(_ label: Strings, _ value: String) {
            out.append((DisplayWidth.pad(label.text(l), to: 16) + value, .normal))
        }
        field(.state, r.state.label(l, for: r.type) + (r.returned ? " (\(Strings.returnedMark.text(l)))" : ""))
        field(.agency, d.agency ?? "—")
        field(.submitted, NumberText.dateTime(r.submittedAt, m.zone, l) + " " + m.zone.abbreviation)
        field(.category, [r.category, r.subcategory].filter { !$0.isEmpty }.joined(separator: " › "))
        field(.channel, "\(r.channel.rawValue) · \(r.type.rawValue)")
        var flags: [String] = []
        if r.anonymous { flags.append(Strings.anonymous.text(l)) }
        if r.confidential { flags.append(Strings.confidential.text(l)) }
        field(.reporter, (d.reporter ?? IdentityMask.placeholder(l)) + (flags.isEmpty ? "" : "  [\(flags.joined(separator: ", "))]"))
        field(.contact, d.contact ?? IdentityMask.placeholder(l))
        field(.location, [r.address, r.kelurahan, r.kecamatan].filter { !$0.isEmpty }.joined(separator: ", "))
        if !d.chain.isEmpty {
            field(.routingChain, RoutingStep.chainText(d.chain)
                  + "  (\(Strings.bounces.text(l).lowercased()) \(r.bounces))")
        }
        if let incident = d.incident {
            let text = incident.primaryID == r.id
                ? DeskText.t(l, "utama, \(incident.members) laporan lain (~g \(r.trackingID))", "primary, \(incident.members) other reports (~g \(r.trackingID))")
                : DeskText.t(l, "anggota insiden \(incident.primary)", "member of the incident of \(incident.primary)")
            out.append((DisplayWidth.pad(DeskText.t(l, "Insiden", "Incident"), to: 16) + text, .dueSoon))
        }
        if let request = d.request {
            for (label, value) in request.lines(l, zone: m.zone, now: m.now) {
                out.append((DisplayWidth.pad(label, to: 16) + Sanitizer.line(value), .normal))
            }
            out.append((DisplayWidth.pad(DeskText.t(l, "Perintah", "Commands"), to: 16)
                        + ":decide granted|partial|refused [pasal17:x|not_held] …  :extend …  :object …", .dim))
        }
        if r.agencyID == nil, let best = d.suggestions.first {
            out.append((DisplayWidth.pad(DeskText.t(l, "Saran", "Suggested"), to: 16) + "\(best.agencyCode) — \(best.reason)", .normal))
        }
        for clock in d.clocks {
            let status = "\(SLAMark.symbol(clock.status)) \(clock.status.rawValue)"
            out.append((DisplayWidth.pad("SLA " + clock.clock.label(l), to: 19) + DisplayWidth.pad(status, to: 13)
                        + DeskText.t(l, "tenggat ", "due ") + NumberText.dateTime(clock.deadline, m.zone, l)
                        + " (\(clock.limit.text(l)))"
                        + (clock.pausedText(l).map { DeskText.t(l, ", ditunda ", ", paused ") + $0 } ?? "")
                        + (clock.beyondCalendar ? DeskText.t(l, " — kalender libur tahun itu belum ada", " — no holiday calendar for that year") : ""),
                        DeskRender.style(clock.status)))
        }
        if let o = d.origin {
            for (label, value) in [("LAPOR!", [o.typeLabel, o.statusLabel].filter { !$0.isEmpty }.joined(separator: " · ")),
                                   (DeskText.t(l, "Alasan", "Reason"), o.statusReason),
                                   (DeskText.t(l, "Instansi induk", "Parent"), o.parentAgency)] where !value.isEmpty {
                out.append((DisplayWidth.pad(label, to: 16) + Sanitizer.line(value), .normal))
            }
        }
        out.append(("", .normal))
        for line in DisplayWidth.wrap(Sanitizer.block(r.body), width: m.width - 4) { out.append(("  " + line, .normal)) }
        if let original = d.origin?.originalBody, !original.isEmpty {
            out.append(("", .normal))
            out.append((DeskText.t(l, "Isi laporan awal (sebelum disunting admin):", "Original text (before the admin's edit):"), .header))
            for line in DisplayWidth.wrap(Sanitizer.block(original), width: m.width - 4) { out.append(("  " + line, .normal)) }
        }
        if !d.similar.isEmpty {
            out.append(("", .normal))
            out.append((DeskText.t(l, "Serupa (M menggabungkan yang bertanda ●, atau yang ditandai t)",
                                   "Similar (M groups those marked ●, or the tagged ones)"), .header))
            for s in d.similar {
                let score = String(format: "%.2f", s.score)
                out.append(("  \(s.linked ? "●" : " ") \(s.trackingID)  \(score)  \(s.state.label(l))  — \(s.reason)", .normal))
            }
        }
        out.append(("", .normal))
        out.append((Strings.history.text(l), .header))
        for e in d.history {
            let move = e.fromState.map { "\($0.rawValue)→\(e.toState?.rawValue ?? "?")" } ?? ""
            let agency = e.toAgency.map { " [\($0)]" } ?? ""
            let note = e.note.isEmpty ? "" : " — " + e.note
            out.append(("  \(NumberText.dateTime(e.at, m.zone, l))  \(e.actor)  \(e.action) \(move)\(agency)\(note)", .normal))
        }
        return out
    }

    static func draw(_ m: DeskModel, _ s: inout ScreenBuffer) {
        guard let d = m.detail else {
            s.put(DeskText.t(m.language, "memuat laporan…", "loading report…"), x: 2, y: 2, style: .dim)
            return
        }
        let all = lines(d, m)
        let room = m.height - 3
        let start = min(m.detailScroll, max(0, all.count - room))
        let words = SearchHighlight.words(m.lastSearch)
        for (i, (text, style)) in all.dropFirst(start).prefix(room).enumerated() {
            if style == .title { s.fill(y: 1 + i, style: .title) }
            s.put(text, x: 1, y: 1 + i, style: style, maxWidth: m.width - 2)
            SearchHighlight.mark(text, x: 1, y: 1 + i, maxWidth: m.width - 2, words: words, &s)
        }
    }
}
