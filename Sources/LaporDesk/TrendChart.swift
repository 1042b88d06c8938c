import LaporCore

/// The volume chart of the Trends view with time on the horizontal axis, like htop's and btop's
/// graphs: one column per bucket with eighth blocks when they fit, two buckets per cell in
/// braille when they do not (two years of weeks fit in 80 columns), and several buckets summed
/// per braille dot column beyond that. Below the axis, the two compared periods are marked A and B.
enum TrendChart {
    struct Layout {
        /// Buckets per drawn column (a braille cell holds two columns).
        var perColumn: Int
        var braille: Bool
        var columns: Int
    }

    static func layout(buckets: Int, cells: Int) -> Layout {
        if buckets <= cells { return Layout(perColumn: 1, braille: false, columns: buckets) }
        let per = (buckets + cells * 2 - 1) / (cells * 2)
        return Layout(perColumn: per, braille: true, columns: (buckets + per - 1) / per)
    }

    static func draw(_ t: TrendPanel, x: Int, y: Int, width: Int, height: Int, _ l: Language, _ s: inout ScreenBuffer) {
        guard !t.counts.isEmpty, height >= 3, width >= 20 else { return }
        let labelWidth = 7
        let cells = width - labelWidth - 1
        let layout = layout(buckets: t.counts.count, cells: cells)
        let values = stride(from: 0, to: t.counts.count, by: layout.perColumn).map { i in
            t.counts[i..<min(t.counts.count, i + layout.perColumn)].reduce(0, +)
        }
        let peak = max(1, values.max() ?? 1)
        let rows = height - 2
        let levels = layout.braille ? 4 : 8
        let heights = values.map { Int((Double($0) / Double(peak) * Double(rows * levels)).rounded()) }
        s.put(pad(NumberText.integer(peak, l), labelWidth - 1), x: x, y: y)
        s.put(pad("0", labelWidth - 1), x: x, y: y + rows - 1)
        for row in 0..<rows {
            let base = (rows - 1 - row) * levels
            s.put("│", x: x + labelWidth - 1, y: y + row, style: .dim)
            if layout.braille {
                for cell in 0..<((heights.count + 1) / 2) {
                    let left = fill(heights[cell * 2] - base, levels)
                    let right = cell * 2 + 1 < heights.count ? fill(heights[cell * 2 + 1] - base, levels) : 0
                    if left + right > 0 { s.put(braille(left, right), x: x + labelWidth + cell, y: y + row, style: .onTrack) }
                }
            } else {
                let blocks = ["", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
                for (i, h) in heights.enumerated() where h - base > 0 {
                    s.put(blocks[fill(h - base, levels)], x: x + labelWidth + i, y: y + row, style: .onTrack)
                }
            }
        }
        let drawn = layout.braille ? (layout.columns + 1) / 2 : layout.columns
        s.put("└" + String(repeating: "─", count: drawn), x: x + labelWidth - 1, y: y + rows, style: .dim)
        // The first and last bucket's dates at the ends of the axis, the compared periods under it.
        if let first = t.starts.first, let last = t.starts.last {
            s.put(first, x: x + labelWidth, y: y + rows + 1, style: .dim)
            s.put(last, x: max(x + labelWidth + 11, x + labelWidth + drawn - last.count), y: y + rows + 1, style: .dim)
        }
        mark(t.firstLabel, "A", t, layout, x: x + labelWidth, y: y + rows, &s)
        mark(t.lastLabel, "B", t, layout, x: x + labelWidth, y: y + rows, &s)
    }

    /// Draws `━A━` on the axis under the buckets of a period `FROM..TO`.
    static func mark(_ period: String, _ name: String, _ t: TrendPanel, _ layout: Layout, x: Int, y: Int, _ s: inout ScreenBuffer) {
        let parts = period.components(separatedBy: "..")
        guard parts.count == 2 else { return }
        let inside = t.starts.indices.filter { i in
            let end = i + 1 < t.starts.count ? t.starts[i + 1] : "9999"
            return end > parts[0] && t.starts[i] <= parts[1]
        }
        guard let lo = inside.first, let hi = inside.last else { return }
        let cell = { (i: Int) in layout.braille ? i / layout.perColumn / 2 : i }
        let from = cell(lo), to = cell(hi)
        s.put(String(repeating: "━", count: to - from + 1), x: x + from, y: y, style: .prompt)
        s.put(name, x: x + (from + to) / 2, y: y, style: .prompt)
    }

    /// Dots (or eighths) of a column within one row: 0…levels.
    static func fill(_ above: Int, _ levels: Int) -> Int { min(levels, max(0, above)) }

    /// A braille cell with `left` and `right` dots lit from the bottom (0…4 each).
    static func braille(_ left: Int, _ right: Int) -> String {
        let leftDots: [UInt32] = [0x40, 0x04, 0x02, 0x01], rightDots: [UInt32] = [0x80, 0x20, 0x10, 0x08]
        var bits: UInt32 = 0
        for i in 0..<left { bits |= leftDots[i] }
        for i in 0..<right { bits |= rightDots[i] }
        return String(UnicodeScalar(0x2800 + bits)!)
    }

    static func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
}
