import LaporCore

/// A plain text table laid out in display cells; every cell is sanitised, so citizen text cannot
/// reach the terminal as control characters.
struct Table {
    var headers: [String]
    var rows: [[String]] = []
    /// The column that absorbs the remaining width (truncated with `…`), usually a title.
    var flexible: Int?

    init(_ headers: [String], flexible: Int? = nil) {
        self.headers = headers
        self.flexible = flexible
    }

    mutating func add(_ row: [String]) { rows.append(row.map(Sanitizer.line)) }

    func render(width: Int) -> String {
        var widths = headers.map(DisplayWidth.of)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        if let flexible, flexible < widths.count {
            let others = widths.enumerated().filter { $0.offset != flexible }.reduce(0) { $0 + $1.element } + 2 * (widths.count - 1)
            widths[flexible] = max(10, min(widths[flexible], width - others))
        }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, w) in widths.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                out += i == widths.count - 1 ? DisplayWidth.truncate(cell, to: w) : DisplayWidth.pad(cell, to: w) + "  "
            }
            return out
        }
        var out = [line(headers), line(widths.map { String(repeating: "─", count: $0) })]
        out += rows.map(line)
        return out.joined(separator: "\n")
    }
}
