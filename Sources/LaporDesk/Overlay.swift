import LaporCore

/// Boxes drawn over the view: the route picker and the help.
enum Overlay {
    static func box(x: Int, y: Int, w: Int, h: Int, title: String, _ s: inout ScreenBuffer) {
        for row in y..<(y + h) { s.fill(y: row, from: x, to: x + w, style: .help) }
        s.put("┌" + String(repeating: "─", count: w - 2) + "┐", x: x, y: y, style: .help)
        for row in (y + 1)..<(y + h - 1) {
            s.put("│", x: x, y: row, style: .help)
            s.put("│", x: x + w - 1, y: row, style: .help)
        }
        s.put("└" + String(repeating: "─", count: w - 2) + "┘", x: x, y: y + h - 1, style: .help)
        s.put(" \(title) ", x: x + 2, y: y, style: .help)
    }

    static func picker(_ p: AgencyPicker, _ m: DeskModel, _ s: inout ScreenBuffer) {
        let w = min(m.width - 4, 100)
        // As tall as the agencies need, up to the screen (17 agencies fit at 80×24).
        let h = min(m.height - 4, max(6, p.visible.count + 3))
        let x = (m.width - w) / 2, y = 2
        box(x: x, y: y, w: w, h: h, title: DeskText.t(m.language, "Disposisi ke (ketik untuk menyaring, Enter pilih, Esc batal)",
                                                        "Route to (type to filter, Enter picks, Esc cancels)"), &s)
        s.put("> " + p.filter, x: x + 2, y: y + 1, style: .prompt, maxWidth: w - 4)
        let visible = p.visible
        let rows = h - 3
        let first = max(0, p.selected - rows + 1)
        for (i, entry) in visible.dropFirst(first).prefix(rows).enumerated() {
            let selected = first + i == p.selected
            let style: Style = selected ? .selected : .help
            s.fill(y: y + 2 + i, from: x + 1, to: x + w - 1, style: style)
            let text = DisplayWidth.pad(DisplayWidth.truncate(entry.code, to: 16), to: 17) + (entry.reason.isEmpty ? entry.name : entry.reason)
            s.put((selected ? "▶ " : "  ") + text, x: x + 1, y: y + 2 + i, style: style, maxWidth: w - 2)
        }
        // Say when there is more than the box shows, on its borders.
        let below = visible.count - first - rows
        if below > 0 {
            let more = DeskText.t(m.language, " ↓ \(below) lagi ", " ↓ \(below) more ")
            s.put(more, x: x + w - 2 - DisplayWidth.of(more), y: y + h - 1, style: .help)
        }
        if first > 0 {
            let above = DeskText.t(m.language, " ↑ \(first) di atas ", " ↑ \(first) above ")
            s.put(above, x: x + w - 2 - DisplayWidth.of(above), y: y + h - 1, style: .help)
        }
        if p.loading { s.put(DeskText.t(m.language, "memuat saran…", "loading suggestions…"), x: x + 3, y: y + 2, style: .dim) }
        else if visible.isEmpty { s.put(DeskText.t(m.language, "tidak ada instansi yang cocok", "no agency matches"), x: x + 3, y: y + 2, style: .dim) }
    }

    /// The template picker: names and texts, the chosen one's whole text below the list.
    static func templates(_ p: TemplatePicker, _ m: DeskModel, _ s: inout ScreenBuffer) {
        let w = min(m.width - 4, 100)
        let visible = p.visible
        let preview = visible.indices.contains(p.selected) ? DisplayWidth.wrap(visible[p.selected].text, width: w - 4) : []
        let previewRows = min(preview.count, 5)
        let rows = max(1, min(visible.count, m.height - 8 - previewRows))
        let h = rows + 3 + (previewRows > 0 ? previewRows + 1 : 0)
        let x = (m.width - w) / 2, y = 2
        box(x: x, y: y, w: w, h: h, title: DeskText.t(m.language, "Templat (ketik untuk menyaring, Enter sisipkan, Esc batal)",
                                                        "Templates (type to filter, Enter inserts, Esc cancels)"), &s)
        s.put("> " + p.filter, x: x + 2, y: y + 1, style: .prompt, maxWidth: w - 4)
        let first = max(0, p.selected - rows + 1)
        for (i, entry) in visible.dropFirst(first).prefix(rows).enumerated() {
            let selected = first + i == p.selected
            let style: Style = selected ? .selected : .help
            s.fill(y: y + 2 + i, from: x + 1, to: x + w - 1, style: style)
            let text = DisplayWidth.pad(DisplayWidth.truncate(entry.name, to: 22), to: 23) + Sanitizer.line(entry.text)
            s.put((selected ? "▶ " : "  ") + text, x: x + 1, y: y + 2 + i, style: style, maxWidth: w - 3)
        }
        for (i, line) in preview.prefix(previewRows).enumerated() {
            s.put(Sanitizer.line(line), x: x + 2, y: y + 3 + rows + i, style: .dim, maxWidth: w - 4)
        }
        if p.loading { s.put(DeskText.t(m.language, "memuat templat…", "loading templates…"), x: x + 3, y: y + 2, style: .dim) }
        else if visible.isEmpty {
            s.put(DeskText.t(m.language, "tidak ada templat untuk aksi ini", "no template for this action"), x: x + 3, y: y + 2, style: .dim)
        }
    }

    static func help(_ m: DeskModel, _ s: inout ScreenBuffer) {
        let raw = DeskText.help(m.view, m.language)
        let w = min(m.width - 2, max(40, (raw.map(DisplayWidth.of).max() ?? 40) + 4))
        // Long lines wrap inside the box instead of being cut at 80 columns.
        let lines = raw.flatMap { line in DisplayWidth.wrap(line, width: w - 4) }
        let h = min(m.height - 2, lines.count + 3)
        let x = (m.width - w) / 2, y = 2
        box(x: x, y: y, w: w, h: h, title: DeskText.t(m.language, "Tombol — \(DeskText.viewName(m.view, .id)) (tombol apa saja menutup)",
                                                      "Keys — \(DeskText.viewName(m.view, .en)) (any key closes)"), &s)
        for (i, line) in lines.prefix(h - 3).enumerated() { s.put(line, x: x + 2, y: y + 1 + i, style: .help, maxWidth: w - 4) }
    }
}
