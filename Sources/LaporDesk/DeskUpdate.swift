import Foundation
import LaporCore

/// The desk's update function: (model, message) → model and effects as data. No I/O happens here.
public enum DeskUpdate {
    /// What to load when the desk opens.
    public static func start(_ m: inout DeskModel) -> [DeskEffect] {
        m.loading = true
        return [.loadWindow(window(m, start: 0, keep: nil)), .checkEmerging]
    }

    public static func update(_ m: inout DeskModel, _ message: DeskMessage) -> [DeskEffect] {
        switch message {
        case .key(let key):
            return handle(key, &m)
        case .resize(let w, let h):
            m.width = w; m.height = h
            clampTop(&m)
            return needsWindow(m) ? [.loadWindow(window(m, keep: m.cursorID, recount: false))] : []
        case .tick(let now):
            m.now = now
            return []
        case .databaseChanged:
            var effects: [DeskEffect] = [.loadWindow(window(m, keep: m.cursorID))]
            if m.detailOpen, let id = m.detail?.report.id { effects.append(.loadDetail(id: id)) }
            effects += reloadView(m)
            effects.append(.checkEmerging)
            return effects
        case .windowLoaded(let result):
            guard result.limit == m.limit else { return [] }
            m.loading = false
            m.rows = result.rows; m.windowStart = result.start
            var effects: [DeskEffect] = []
            if result.counted {
                // A quick count that stopped at its cap is a lower bound; the rows shown are too.
                m.total = result.totalIsCapped ? max(result.total, result.start + result.rows.count) : result.total
                m.totalIsCapped = result.totalIsCapped
                m.overdueIsPending = true
                effects.append(.countWindow(limit: m.limit, tagged: m.tagged, showMembers: m.showMembers))
            }
            m.cursor = m.total == 0 ? 0 : min(max(0, result.cursor), m.total - 1)
            m.cursorID = m.cursorRow?.id
            clampTop(&m)
            if needsWindow(m) && m.total > 0 { effects.insert(.loadWindow(window(m, keep: m.cursorID, recount: false)), at: 0) }
            return effects
        case .countsLoaded(let counts):
            guard counts.limit == m.limit else { return [] }
            m.total = counts.total; m.totalIsCapped = counts.totalIsCapped
            m.overdue = counts.overdue; m.overdueIsCapped = counts.overdueIsCapped; m.overdueIsPending = false
            m.cursor = m.total == 0 ? 0 : min(m.cursor, m.total - 1)
            m.cursorID = m.cursorRow?.id
            clampTop(&m)
            return needsWindow(m) && m.total > 0 ? [.loadWindow(window(m, keep: m.cursorID, recount: false))] : []
        case .detailLoaded(let detail):
            if m.detailOpen || m.detail?.report.id == detail.report.id { m.detail = detail }
            return []
        case .pickerLoaded(var picker):
            guard let pending = m.picker, pending.loading else { return [] }
            picker.filter = pending.filter
            m.picker = picker
            return pending.acceptOnLoad ? DeskInput.picker(.enter, &m) : []
        case .templatesLoaded(let choices, let perReport):
            return TemplateInput.loaded(choices, perReport: perReport, &m)
        case .emergingLoaded(let bursts):
            m.emerging = bursts
            return []
        case .actionsFinished(let outcome):
            m.message = outcome.summary
            m.messageIsError = outcome.done == 0 && !outcome.failures.isEmpty
            if !outcome.auditIDs.isEmpty && !outcome.isUndo { m.undoStack.append(outcome.auditIDs) }
            if outcome.isUndo && outcome.done > 0 { _ = m.undoStack.popLast() }
            return [.loadWindow(window(m, keep: nil))] + (m.detailOpen && m.detail != nil ? [.loadDetail(id: m.detail!.report.id)] : [])
        case .searchFound(let index, let filter):
            guard let index else {
                m.message = DeskText.t(m.language, "Tidak ditemukan: \(filter)", "Not found: \(filter)"); m.messageIsError = true
                return []
            }
            // Say when the search went round the end of the queue, or found only the report it started on.
            let l = m.language
            if index == m.searchFrom {
                m.message = DeskText.t(l, "Hanya laporan ini yang cocok: \(filter)", "Only this report matches: \(filter)")
            } else if m.searchForward && index < m.searchFrom {
                m.message = DeskText.t(l, "Pencarian berputar ke awal antrean", "Search wrapped to the top of the queue")
            } else if !m.searchForward && index > m.searchFrom {
                m.message = DeskText.t(l, "Pencarian berputar ke akhir antrean", "Search wrapped to the bottom of the queue")
            } else {
                m.message = nil
            }
            m.messageIsError = false
            // A hit beyond a capped count is still a real position: the lower bound grows to it.
            if m.totalIsCapped && index >= m.total { m.total = index + 1 }
            return move(to: index, &m)
        case .taggedFound(let ids):
            m.tagged.formUnion(ids)
            m.message = DeskText.t(m.language, "\(ids.count) laporan ditandai (total \(m.tagged.count))", "\(ids.count) reports tagged (\(m.tagged.count) in all)")
            m.messageIsError = false
            return []
        case .boardLoaded(let rows):
            m.board = rows
            return []
        case .trendLoaded(let panel):
            m.trend = panel
            return []
        case .slaLoaded(let groups, let bounced):
            m.slaPanel = groups
            m.bounced = bounced
            return []
        case .note(let text):
            m.message = text; m.messageIsError = false
            return []
        case .failed(let text):
            m.loading = false
            m.message = text; m.messageIsError = true
            return []
        }
    }

    // MARK: - Keys

    static func handle(_ key: Key, _ m: inout DeskModel) -> [DeskEffect] {
        if key == .ctrl("c") { m.quitting = true; return [.quit] }
        if m.helpOpen { m.helpOpen = false; return [] }
        if m.confirmQuit {
            m.confirmQuit = false
            if key == .char("y") || key == .char("Y") { m.quitting = true; return [.quit] }
            m.message = nil
            return []
        }
        if m.picker != nil { return DeskInput.picker(key, &m) }
        if m.templatePicker != nil { return TemplateInput.key(key, &m) }
        if m.prompt != nil { return DeskInput.prompt(key, &m) }
        m.message = nil
        switch key {
        case .char("?"), .function(1):
            m.helpOpen = true
            return []
        case .char("1"), .char("2"), .char("3"), .char("4"):
            guard case .char(let c) = key, let n = c.wholeNumberValue, let view = DeskModel.View(rawValue: n) else { return [] }
            return switchView(to: view, &m)
        case .tab:
            return switchView(to: DeskModel.View(rawValue: m.view.rawValue % 4 + 1)!, &m)
        case .backTab:
            return switchView(to: DeskModel.View(rawValue: (m.view.rawValue + 2) % 4 + 1)!, &m)
        case .char("q"), .esc:
            if m.detailOpen { m.detailOpen = false; m.detailScroll = 0; return [] }
            if m.applyToTagged { m.applyToTagged = false; return [] }
            if key == .esc { return [] }
            if m.view != .queue { return switchView(to: .queue, &m) }
            if !m.tagged.isEmpty {
                m.confirmQuit = true
                m.message = DeskText.t(m.language, "Keluar? \(m.tagged.count) laporan masih ditandai (y/n)", "Quit? \(m.tagged.count) reports are still tagged (y/n)")
                return []
            }
            m.quitting = true
            return [.quit]
        default:
            break
        }
        switch m.view {
        case .queue: return m.detailOpen ? detailKey(key, &m) : queueKey(key, &m)
        case .board: return DeskViews.boardKey(key, &m)
        case .trend: return DeskViews.trendKey(key, &m)
        case .sla: return DeskViews.slaKey(key, &m)
        }
    }

    static func switchView(to view: DeskModel.View, _ m: inout DeskModel) -> [DeskEffect] {
        m.view = view
        m.detailOpen = false
        return reloadView(m)
    }

    static func reloadView(_ m: DeskModel) -> [DeskEffect] {
        switch m.view {
        case .queue: []
        case .board: [.loadBoard]
        case .trend: [.loadTrend(m.trend?.bucket ?? .week, rangeDays: m.trend == nil ? 730 : m.trend!.rangeDays)]
        case .sla: [.loadSLA]
        }
    }

    static func queueKey(_ key: Key, _ m: inout DeskModel) -> [DeskEffect] {
        let page = max(1, m.listHeight - 1)
        switch key {
        case .char("j"), .down: return move(to: m.cursor + 1, &m)
        case .char("k"), .up: return move(to: m.cursor - 1, &m)
        case .pageDown, .ctrl("f"): return move(to: m.cursor + page, &m)
        case .pageUp, .ctrl("b"): return move(to: m.cursor - page, &m)
        case .char("g"), .home: return move(to: 0, &m)
        case .char("G"), .end: return move(to: m.total - 1, &m)
        case .enter:
            guard let row = m.cursorRow else { return [] }
            m.detailOpen = true; m.detailScroll = 0
            if m.detail?.report.id != row.id { m.detail = nil }
            return [.loadDetail(id: row.id)]
        default:
            return DeskActions.key(key, &m)
        }
    }

    static func detailKey(_ key: Key, _ m: inout DeskModel) -> [DeskEffect] {
        switch key {
        case .char("j"), .down: m.detailScroll += 1; return []
        case .char("k"), .up: m.detailScroll = max(0, m.detailScroll - 1); return []
        case .pageDown, .char(" "): m.detailScroll += max(1, m.height - 4); return []
        case .pageUp: m.detailScroll = max(0, m.detailScroll - max(1, m.height - 4)); return []
        case .enter: m.detailOpen = false; return []
        default: return DeskActions.key(key, &m)
        }
    }

    /// Moves the cursor to an absolute index, loading another window when it leaves the loaded one.
    static func move(to index: Int, _ m: inout DeskModel) -> [DeskEffect] {
        guard m.total > 0 else { return [] }
        m.cursor = min(max(0, index), m.total - 1)
        m.cursorID = m.cursorRow?.id
        clampTop(&m)
        return needsWindow(m) ? [.loadWindow(window(m, keep: nil, recount: false))] : []
    }

    /// Keeps the cursor inside the visible part of the list.
    static func clampTop(_ m: inout DeskModel) {
        let visible = m.listHeight
        if m.cursor < m.top { m.top = m.cursor }
        if m.cursor >= m.top + visible { m.top = m.cursor - visible + 1 }
        m.top = max(0, min(m.top, max(0, m.total - visible)))
    }

    /// Whether the visible rows are not all loaded.
    static func needsWindow(_ m: DeskModel) -> Bool {
        let visibleEnd = min(m.total, m.top + m.listHeight)
        return m.top < m.windowStart || visibleEnd > m.windowStart + m.rows.count
    }

    /// A window of three screens around the visible part.
    /// A new limit or a new way of showing it: the queue starts again from its first report.
    static func reloadFromTop(_ m: inout DeskModel) -> [DeskEffect] {
        m.cursor = 0; m.top = 0; m.rows = []; m.windowStart = 0; m.loading = true
        return [.loadWindow(window(m, start: 0, keep: nil))]
    }

    static func window(_ m: DeskModel, start: Int? = nil, keep: Int64?, recount: Bool = true) -> WindowRequest {
        let first = start ?? max(0, m.top - m.listHeight)
        return WindowRequest(limit: m.limit, tagged: m.tagged, showMembers: m.showMembers, start: first, count: m.listHeight * 3,
                             keepID: keep, cursor: m.cursor, recount: recount)
    }
}
