import LaporCore

/// A plain SVG bar chart of daily volume, for pasting next to a scorecard (people would rather look than read).
enum VolumeChart {
    static func svg(_ buckets: [(start: Trend.Day, count: Int)], title: String, language: Language) -> String {
        let width = 900.0, height = 320.0, left = 56.0, bottom = 40.0, top = 36.0
        let peak = max(1, buckets.map(\.count).max() ?? 1)
        let barWidth = (width - left - 16) / Double(max(1, buckets.count))
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(left)" y="22" font-size="15">\(escape((language == .id ? "Laporan per hari, " : "Reports per day, ") + title))</text>

            """
        for tick in 0...4 {
            let value = peak * tick / 4
            let y = height - bottom - (height - top - bottom) * Double(value) / Double(peak)
            out += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - 16)\" y2=\"\(y)\" stroke=\"#ddd\"/>"
            out += "<text x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\">\(NumberText.integer(value, language))</text>\n"
        }
        for (i, b) in buckets.enumerated() {
            let h = (height - top - bottom) * Double(b.count) / Double(peak)
            let x = left + Double(i) * barWidth
            out += "<rect x=\"\(x)\" y=\"\(height - bottom - h)\" width=\"\(max(1, barWidth - 1))\" height=\"\(h)\" fill=\"#2b6cb0\"><title>\(b.start.text): \(b.count)</title></rect>\n"
            if buckets.count <= 31 || i % max(1, buckets.count / 8) == 0 {
                out += "<text x=\"\(x)\" y=\"\(height - bottom + 16)\">\(b.start.text)</text>\n"
            }
        }
        return out + "</svg>\n"
    }

    static func escape(_ s: String) -> String {
        Sanitizer.line(s).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
