import LaporCore

/// The queue: one line per report, columns measured in display cells.
enum QueueRender {
    struct Columns {
        var tracking: Int, age: Int, state: Int, category: Int, agency: Int
    }

    static func columns(_ width: Int) -> Columns {
        width >= 120 ? Columns(tracking: 16, age: 5, state: 18, category: 20, agency: 16)
                     : Columns(tracking: 10, age: 4, state: 12, category: 12, agency: 11)
    }

    static func draw(_ m: DeskModel, _ s: inout ScreenBuffer) {
        let l = m.language
        let c = columns(m.width)
        s.fill(y: 1, style: .header)
        var x = 2
        let trackingHeader = m.width >= 120 ? Strings.tracking.text(l) : "ID"
        for (text, w) in [(trackingHeader, c.tracking), (DeskText.t(l, "HK", "WD"), c.age), ("", 1),
                          (Strings.state.text(l), c.state), (Strings.category.text(l), c.category), (Strings.agency.text(l), c.agency)] {
            s.put(text, x: x, y: 1, style: .header, maxWidth: w)
            x += w + 1
        }
        s.put(Strings.title.text(l), x: x, y: 1, style: .header)
        if m.total == 0 && !m.loading {
            s.put(DeskText.t(l, "Tidak ada laporan untuk batas ini. Tekan l lalu Enter untuk melihat semua.",
                             "No reports match this limit. Press l then Enter to see all."), x: 2, y: 3, style: .dim)
            return
        }
        // The search's words, parsed once a frame rather than once a row.
        let words = SearchHighlight.words(m.lastSearch)
        for line in 0..<m.listHeight {
            let index = m.top + line
            guard index < m.total else { break }
            let y = 2 + line
            let i = index - m.windowStart
            guard i >= 0, i < m.rows.count else {
                s.put("…", x: 2, y: y, style: .dim)
                continue
            }
            row(m.rows[i], selected: index == m.cursor, tagged: m.tagged.contains(m.rows[i].id), columns: c, y: y, words: words, m, &s)
        }
    }

    static func row(_ r: QueueRow, selected: Bool, tagged: Bool, columns c: Columns, y: Int, words: [String],
                    _ m: DeskModel, _ s: inout ScreenBuffer) {
        let l = m.language
        let base: Style = selected ? .selected : .normal
        s.fill(y: y, style: base)
        s.put(selected ? ">" : " ", x: 0, y: y, style: base)
        s.put(tagged ? "*" : " ", x: 1, y: y, style: tagged ? .tagged : base)
        var x = 2
        s.put(r.trackingID, x: x, y: y, style: base, maxWidth: c.tracking); x += c.tracking + 1
        let age = String(r.ageWorkingDays)
        s.put(String(repeating: " ", count: max(0, c.age - age.count)) + age, x: x, y: y, style: base, maxWidth: c.age); x += c.age + 1
        s.put(r.sla.map(SLAMark.symbol) ?? " ", x: x, y: y, style: selected ? base : DeskRender.style(r.sla)); x += 2
        s.put(r.state.label(l, for: r.isRequest ? .permintaanInformasi : .pengaduan), x: x, y: y, style: base, maxWidth: c.state); x += c.state + 1
        s.put(r.category, x: x, y: y, style: base, maxWidth: c.category); x += c.category + 1
        let agency = r.agencyIsSuggestion ? (r.agency.isEmpty ? "" : "(\(r.agency))") : r.agency + (r.returned ? "↩" : "")
        s.put(agency, x: x, y: y, style: r.agencyIsSuggestion && !selected ? .dim : base, maxWidth: c.agency); x += c.agency + 1
        // An incident's primary says how many reports stand behind it.
        if r.members > 0 { x = s.put("[+\(r.members)] ", x: x, y: y, style: selected ? base : .dueSoon, maxWidth: m.width - x) }
        // An information request runs on the law's clocks, not the complaint chain: say so at a glance.
        if r.isRequest { x = s.put("PI ", x: x, y: y, style: selected ? base : .tagged, maxWidth: m.width - x) }
        s.put(r.title, x: x, y: y, style: base, maxWidth: m.width - x)
        SearchHighlight.mark(r.title, x: x, y: y, maxWidth: m.width - x, words: words, &s)
    }
}
