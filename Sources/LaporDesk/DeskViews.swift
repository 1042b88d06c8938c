import LaporCore

/// Keys of the board, trend and SLA views.
enum DeskViews {
    static func boardKey(_ key: Key, _ m: inout DeskModel) -> [DeskEffect] {
        switch key {
        case .char("j"), .down: m.viewCursor = min(m.viewCursor + 1, max(0, m.board.count - 1)); return []
        case .char("k"), .up: m.viewCursor = max(0, m.viewCursor - 1); return []
        case .char("s"):
            m.board.sort { $0.overdue != $1.overdue ? $0.overdue > $1.overdue : $0.code < $1.code }
            return []
        case .enter:
            guard m.viewCursor < m.board.count else { return [] }
            return drill(into: "~a \(m.board[m.viewCursor].code) !~s resolved !~s archived", &m)
        default: return []
        }
    }

    /// Ranges `r` cycles through: 90 days, a year, two years, everything.
    static let ranges: [Int?] = [90, 365, 730, nil]

    static func trendKey(_ key: Key, _ m: inout DeskModel) -> [DeskEffect] {
        let range = m.trend == nil ? 730 : m.trend!.rangeDays
        let bucket = m.trend?.bucket ?? .week
        switch key {
        case .char("d"): return [.loadTrend(.day, rangeDays: range)]
        case .char("w"): return [.loadTrend(.week, rangeDays: range)]
        case .char("m"): return [.loadTrend(.month, rangeDays: range)]
        case .char("r"):
            let i = ranges.firstIndex { $0 == range } ?? 2
            return [.loadTrend(bucket, rangeDays: ranges[(i + 1) % ranges.count])]
        default: return []
        }
    }

    static func slaKey(_ key: Key, _ m: inout DeskModel) -> [DeskEffect] {
        switch key {
        case .char("j"), .down: m.viewCursor = min(m.viewCursor + 1, max(0, m.slaPanel.count - 1)); return []
        case .char("k"), .up: m.viewCursor = max(0, m.viewCursor - 1); return []
        case .enter:
            guard m.viewCursor < m.slaPanel.count else { return [] }
            return drill(into: "~a \(m.slaPanel[m.viewCursor].agency) ~o", &m)
        default: return []
        }
    }

    /// Opens the queue limited to a filter (Enter on a board or SLA line).
    static func drill(into filter: String, _ m: inout DeskModel) -> [DeskEffect] {
        m.view = .queue
        return DeskInput.submit(Prompt(kind: .limit, text: filter), &m)
    }
}
