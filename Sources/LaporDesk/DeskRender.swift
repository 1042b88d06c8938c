import Foundation
import LaporCore

/// Draws the model into a screen buffer: a pure function of the model, testable as text.
public enum DeskRender {
    public static let minWidth = 80
    public static let minHeight = 24

    public static func render(_ m: DeskModel) -> ScreenBuffer {
        var s = ScreenBuffer(width: m.width, height: m.height)
        let l = m.language
        guard m.width >= minWidth, m.height >= minHeight else {
            let lines = [
                DeskText.t(l, "Terminal terlalu kecil: \(m.width)×\(m.height).", "Terminal too small: \(m.width)×\(m.height)."),
                DeskText.t(l, "Lapor Desk perlu minimal \(minWidth)×\(minHeight).", "Lapor Desk needs at least \(minWidth)×\(minHeight)."),
                DeskText.t(l, "Perbesar jendela, atau tekan q untuk keluar.", "Enlarge the window, or press q to quit."),
            ]
            for (i, line) in lines.enumerated() where i < m.height {
                s.put(line, x: max(0, (m.width - DisplayWidth.of(line)) / 2), y: max(0, m.height / 2 - 1) + i - (m.height < 3 ? 1 : 0), style: .error)
            }
            return s
        }
        tabs(m, &s)
        switch m.view {
        case .queue:
            if m.detailOpen { DetailRender.draw(m, &s) } else { QueueRender.draw(m, &s) }
        case .board: PanelRender.board(m, &s)
        case .trend: PanelRender.trend(m, &s)
        case .sla: PanelRender.sla(m, &s)
        }
        statusLine(m, &s)
        bottomLine(m, &s)
        if let picker = m.picker { Overlay.picker(picker, m, &s) }
        if let picker = m.templatePicker { Overlay.templates(picker, m, &s) }
        if m.helpOpen { Overlay.help(m, &s) }
        return s
    }

    static func tabs(_ m: DeskModel, _ s: inout ScreenBuffer) {
        s.fill(y: 0, style: .tab)
        var x = s.put(" Lapor Desk ", x: 0, y: 0, style: .activeTab)
        for view in DeskModel.View.allCases {
            x = s.put("  \(view.rawValue) \(DeskText.viewName(view, m.language)) ", x: x, y: 0, style: view == m.view ? .activeTab : .tab)
        }
        // A burst of similar reports arriving now: said at the top until it is looked at.
        if let burst = m.emerging.first {
            let text = DeskText.t(m.language, "⚠ \(burst.ids.count) serupa (E)", "⚠ \(burst.ids.count) alike (E)")
            s.put(text, x: max(x, m.width - DisplayWidth.of(text)), y: 0, style: .error, maxWidth: m.width - x)
        }
    }

    static func statusLine(_ m: DeskModel, _ s: inout ScreenBuffer) {
        let l = m.language
        let y = m.height - 2
        s.fill(y: y, style: .statusBar)
        let limit = m.limit.isEmpty ? DeskText.t(l, "semua", "all") : m.limit
        let position = m.total == 0 ? "0" : NumberText.integer(m.cursor + 1, l)
        // Compact at 80 columns (legend in the help): position/total, *tagged, !overdue.
        let total = NumberText.integer(m.total, l) + (m.totalIsCapped ? "+" : "")
        let overdue = m.overdueIsPending ? "…" : NumberText.integer(m.overdue, l) + (m.overdueIsCapped ? "+" : "")
        let counts = m.width >= 120
            ? "\(position)/\(total) · tag \(m.tagged.count) · " + DeskText.t(l, "terlambat", "overdue") + " \(overdue)"
            : "\(position)/\(total) *\(m.tagged.count) !\(overdue)"
        let state: String
        switch m.view {
        case .queue:
            state = (m.width >= 120 ? DeskText.t(l, "batas", "limit") + ": " : "") + "\(limit) │ \(counts)" + (m.applyToTagged ? " │ ;" : "")
        case .board:
            state = DeskText.t(l, "\(m.board.count) instansi", "\(m.board.count) agencies")
                + (m.board.isEmpty ? "" : " │ \(m.viewCursor + 1)/\(m.board.count)")
        case .trend:
            let range = m.trend.map { $0.rangeDays.map { DeskText.t(l, "\($0) hari", "\($0) days") } ?? DeskText.t(l, "semua", "all") } ?? "…"
            state = DeskText.t(l, "per ", "by ") + (m.trend?.bucket.rawValue ?? "week") + " │ " + range
        case .sla:
            state = DeskText.t(l, "\(m.slaPanel.count) instansi dengan jam berjalan", "\(m.slaPanel.count) agencies with running clocks")
        }
        if let prompt = m.prompt, case .note = prompt.kind {
            // While a note is typed, its keys replace the status (the clock comes back after).
            let keys = DeskText.t(l, " ^T templat  ^R templat terakhir  ←/→ ^W sunting  Enter kirim  Esc batal",
                                  " ^T template  ^R last template  ←/→ ^W edit  Enter send  Esc cancel")
            s.put(keys, x: 0, y: y, style: .statusBar, maxWidth: m.width - 1)
            return
        }
        let left = " \(m.user.login) (\(m.user.role.rawValue)) │ \(DeskText.viewName(m.view, l)) │ " + state
        let right = "\(NumberText.dateTime(m.now, m.zone, l)) \(m.zone.abbreviation) "
        let rightWidth = DisplayWidth.of(right)
        s.put(left, x: 0, y: y, style: .statusBar, maxWidth: m.width - rightWidth - 1)
        s.put(right, x: m.width - rightWidth, y: y, style: .statusBar)
    }

    /// Each view's own keys: in Trends `r` is the range, not a route.
    static func footerKeys(_ m: DeskModel) -> String {
        let l = m.language
        switch m.view {
        case .queue where m.detailOpen:
            return DeskText.t(l, "? bantuan  v verifikasi  r disposisi  j/k gulir  q kembali", "? help  v verify  r route  j/k scroll  q back")
        case .queue:
            return DeskText.t(l, "? bantuan  v verifikasi  r disposisi  l batasi  / cari  q keluar",
                              "? help  v verify  r route  l limit  / search  q quit")
        case .board:
            return DeskText.t(l, "j/k pilih  Enter laporan terbuka instansi  s urut terlambat  q kembali ke antrean",
                              "j/k move  Enter the agency's open reports  s sort by overdue  q back to the queue")
        case .trend:
            return DeskText.t(l, "d hari  w minggu  m bulan  r rentang waktu  q kembali ke antrean",
                              "d day  w week  m month  r time range  q back to the queue")
        case .sla:
            return DeskText.t(l, "j/k pilih  Enter laporan terlambat instansi  q kembali ke antrean",
                              "j/k move  Enter the agency's overdue reports  q back to the queue")
        }
    }

    static func bottomLine(_ m: DeskModel, _ s: inout ScreenBuffer) {
        let y = m.height - 1
        if let prompt = m.prompt {
            var label = DeskText.promptLabel(prompt.kind, m.language)
            if let agency = prompt.agency { label = DeskText.t(m.language, "Disposisi ke \(agency) — catatan: ", "Route to \(agency) — note: ") }
            let x = s.put(label, x: 0, y: y, style: .prompt)
            promptText(prompt, x: x, y: y, width: m.width - x - 1, &s)
        } else if let message = m.message {
            s.put(DisplayWidth.truncate(message, to: m.width - 1), x: 0, y: y, style: m.messageIsError ? .error : .message)
        } else if m.loading {
            s.put(DeskText.t(m.language, "memuat…", "loading…"), x: 0, y: y, style: .dim)
        } else {
            s.put(footerKeys(m), x: 0, y: y, style: .dim)
        }
    }

    /// The typed text with its caret: a bar at the end, the character under it reversed inside;
    /// long text scrolls so the caret stays in view with some text after it.
    static func promptText(_ prompt: Prompt, x: Int, y: Int, width: Int, _ s: inout ScreenBuffer) {
        let chars = Array(Sanitizer.line(prompt.text))
        let caret = min(prompt.caretIndex, chars.count)
        let context = min(12, width / 4)
        var start = 0
        while start < caret && DisplayWidth.of(String(chars[start..<caret])) > width - 1 - min(context, chars.count - caret) {
            start += 1
        }
        var column = x
        for i in start..<chars.count {
            let cell = DisplayWidth.of(String(chars[i]))
            if column + cell > x + width { break }
            column = s.put(String(chars[i]), x: column, y: y, style: i == caret ? .selected : .normal)
        }
        if caret == chars.count { s.put("▏", x: column, y: y, style: .prompt) }
    }

    /// The style of an SLA mark.
    static func style(_ status: ClockReading.Status?) -> Style {
        switch status {
        case .overdue, .breached: .overdue
        case .dueSoon: .dueSoon
        case .onTrack, .met: .onTrack
        default: .dim
        }
    }
}
