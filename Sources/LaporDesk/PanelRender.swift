import LaporCore

/// The supervisor views: disposition board, volume trend and SLA/escalation.
enum PanelRender {
    static let boardStates: [ReportState] = [.dispositioned, .inProgress, .awaitingReporter, .resolved, .archived]

    static func board(_ m: DeskModel, _ s: inout ScreenBuffer) {
        let l = m.language
        s.fill(y: 1, style: .header)
        var x = s.put(DisplayWidth.pad(Strings.agency.text(l), to: 16), x: 2, y: 1, style: .header)
        // Columns as wide as the screen allows; where a state's label is still too long, its short form.
        let free = m.width - 2 - 16 - 9 - 8
        let w = max(8, min(18, free / boardStates.count - 1))
        for state in boardStates {
            let label = DisplayWidth.of(state.label(l)) <= w ? state.label(l) : shortLabel(state, l)
            x = s.put(DisplayWidth.pad(label, to: w) + " ", x: x, y: 1, style: .header)
        }
        x = s.put(DisplayWidth.pad(DeskText.t(l, w > 8 ? "Terlambat" : "Telat", "Overdue"), to: 9), x: x, y: 1, style: .header)
        s.put(Strings.bounces.text(l), x: x, y: 1, style: .header)
        let (first, shown) = scrolled(count: m.board.count, cursor: m.viewCursor, rows: m.height - 4)
        for (k, row) in m.board[first..<(first + shown)].enumerated() {
            let i = first + k, y = 2 + k
            let style: Style = i == m.viewCursor ? .selected : .normal
            s.fill(y: y, style: style)
            var x = s.put(DisplayWidth.pad(DisplayWidth.truncate(row.code, to: 15), to: 16), x: 2, y: y, style: style)
            for state in boardStates {
                let n = NumberText.integer(row.counts[state] ?? 0, l)
                x = s.put(DisplayWidth.pad(n, to: w) + " ", x: x, y: y, style: style)
            }
            x = s.put(DisplayWidth.pad((row.overdue > 0 ? "! " : "  ") + NumberText.integer(row.overdue, l), to: 9), x: x, y: y,
                      style: row.overdue > 0 && i != m.viewCursor ? .overdue : style)
            let end = s.put(NumberText.integer(row.bounces, l), x: x, y: y, style: style)
            // Incidents, once there are any: "⧉3" is three incidents however many reports they hold.
            if row.incidents > 0 { s.put(" ⧉\(row.incidents)", x: end, y: y, style: style, maxWidth: m.width - end) }
        }
        moreMarks(count: m.board.count, first: first, shown: shown, top: 2, m, &s)
    }

    /// The window of a list that keeps the cursor in view: (first index, rows shown).
    static func scrolled(count: Int, cursor: Int, rows: Int) -> (Int, Int) {
        let rows = max(0, rows)
        let first = min(max(0, cursor - rows + 1), max(0, count - rows))
        return (first, min(rows, count - first))
    }

    /// "↑ N above" on the list's first row and "↓ N more" on its last, at the right edge.
    static func moreMarks(count: Int, first: Int, shown: Int, top: Int, _ m: DeskModel, _ s: inout ScreenBuffer) {
        let l = m.language
        if first > 0 {
            let text = DeskText.t(l, " ↑ \(first) di atas ", " ↑ \(first) above ")
            s.put(text, x: m.width - DisplayWidth.of(text) - 1, y: top, style: .dim)
        }
        let below = count - first - shown
        if below > 0 && shown > 0 {
            let text = DeskText.t(l, " ↓ \(below) lagi ", " ↓ \(below) more ")
            s.put(text, x: m.width - DisplayWidth.of(text) - 1, y: top + shown - 1, style: .dim)
        }
    }

    /// Board headers at 80 columns.
    static func shortLabel(_ state: ReportState, _ l: Language) -> String {
        switch state {
        case .dispositioned: DeskText.t(l, "Dispo", "Routed")
        case .inProgress: DeskText.t(l, "Diproses", "Working")
        case .awaitingReporter: DeskText.t(l, "Tunggu", "Awaiting")
        case .resolved: DeskText.t(l, "Selesai", "Resolved")
        case .archived: DeskText.t(l, "Arsip", "Archived")
        default: String(state.label(l).prefix(9))
        }
    }

    static func trend(_ m: DeskModel, _ s: inout ScreenBuffer) {
        let l = m.language
        guard let t = m.trend else { s.put(DeskText.t(l, "memuat…", "loading…"), x: 2, y: 2, style: .dim); return }
        let unit = DeskText.t(l, "laporan/hari", "reports/day")
        let change = t.firstPerDay > 0 ? (t.lastPerDay - t.firstPerDay) / t.firstPerDay * 100 : 0
        s.fill(y: 1, style: .header)
        // The comparison first (it fits 80 columns), the two periods' dates on the line below.
        s.put("A \(NumberText.decimal(t.firstPerDay, l)) → B \(NumberText.decimal(t.lastPerDay, l)) \(unit) "
              + "(\(NumberText.percent(change, l)))", x: 1, y: 1, style: .header, maxWidth: m.width - 2)
        let unitNote = DeskText.t(l, "A \(t.firstLabel), B \(t.lastLabel); batang: laporan per \(t.bucket.rawValue)",
                                  "A \(t.firstLabel), B \(t.lastLabel); bars: reports per \(t.bucket.rawValue)")
        s.put(unitNote, x: 1, y: 2, style: .dim, maxWidth: m.width - 2)
        TrendChart.draw(t, x: 1, y: 3, width: m.width - 2, height: m.height - 9, l, &s)
        s.put(DeskText.t(l, "Kanal: ", "Channels: ") + t.channels.joined(separator: " · "), x: 1, y: m.height - 5, style: .normal, maxWidth: m.width - 2)
        s.put(DeskText.t(l, "Kategori: ", "Categories: ") + t.categories.joined(separator: " · "), x: 1, y: m.height - 4, style: .normal, maxWidth: m.width - 2)
        let range = t.rangeDays.map { DeskText.t(l, "\($0) hari", "\($0) days") } ?? DeskText.t(l, "semua", "all")
        s.put(DeskText.t(l, "d/w/m per hari/minggu/bulan (\(t.bucket.rawValue)) · r rentang (\(range))",
                         "d/w/m by day/week/month (\(t.bucket.rawValue)) · r range (\(range))"), x: 1, y: m.height - 3, style: .dim)
    }

    static func sla(_ m: DeskModel, _ s: inout ScreenBuffer) {
        let l = m.language
        s.fill(y: 1, style: .header)
        var x = s.put(DisplayWidth.pad(DeskText.t(l, "Jam SLA", "Clock"), to: 16), x: 2, y: 1, style: .header)
        x = s.put(DisplayWidth.pad(Strings.agency.text(l), to: 18), x: x, y: 1, style: .header)
        x = s.put(DisplayWidth.pad(DeskText.t(l, "! Terlambat", "! Overdue"), to: 14), x: x, y: 1, style: .header)
        s.put(DeskText.t(l, "◐ Segera", "◐ Due soon"), x: x, y: 1, style: .header)
        let bouncedRows = min(m.bounced.count, max(0, (m.height - 6) / 3))
        let groupRows = m.height - 5 - (bouncedRows > 0 ? bouncedRows + 1 : 0)
        let (first, shown) = scrolled(count: m.slaPanel.count, cursor: m.viewCursor, rows: groupRows)
        for (k, g) in m.slaPanel[first..<(first + shown)].enumerated() {
            let i = first + k, y = 2 + k
            let style: Style = i == m.viewCursor ? .selected : .normal
            s.fill(y: y, style: style)
            let clock = SLAClock(rawValue: g.clock)?.label(l) ?? g.clock
            var x = s.put(DisplayWidth.pad(clock, to: 16), x: 2, y: y, style: style)
            x = s.put(DisplayWidth.pad(g.agency, to: 18), x: x, y: y, style: style)
            x = s.put(DisplayWidth.pad(NumberText.integer(g.overdue, l), to: 14), x: x, y: y, style: g.overdue > 0 && i != m.viewCursor ? .overdue : style)
            s.put(NumberText.integer(g.dueSoon, l), x: x, y: y, style: g.dueSoon > 0 && i != m.viewCursor ? .dueSoon : style)
        }
        moreMarks(count: m.slaPanel.count, first: first, shown: shown, top: 2, m, &s)
        guard bouncedRows > 0 else { return }
        let top = m.height - 3 - bouncedRows
        s.fill(y: top, style: .header)
        s.put(DeskText.t(l, "↩ Dipantulkan antarinstansi", "↩ Bounced between agencies"), x: 2, y: top, style: .header)
        for (i, b) in m.bounced.prefix(bouncedRows).enumerated() {
            s.put("\(DisplayWidth.pad(b.trackingID, to: 12)) \(b.bounces)×  \(b.chain)  — \(b.title)", x: 2, y: top + 1 + i, maxWidth: m.width - 3)
        }
    }
}
