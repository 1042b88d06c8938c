import LaporCore

/// An in-memory screen of cells measured in display columns: what the desk renders into and
/// what tests read as text. A wide character takes two cells (the second is a continuation).
public struct ScreenBuffer: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        /// One grapheme; empty for the right half of a wide character.
        public var text: String
        public var style: Style
        public static let blank = Cell(text: " ", style: .normal)
    }

    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes sanitised text from column `x`, clipped at `maxWidth` (or the right edge); returns the column after it.
    /// A wide character that would not fit is replaced by a space, never split.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return x }
        let limit = min(width, x + (maxWidth ?? width))
        var col = max(0, x)
        var clean = Sanitizer.line(text)
        if DisplayWidth.of(clean) > limit - col { clean = DisplayWidth.truncate(clean, to: limit - col) }
        for character in clean {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if col + w > limit {
                while col < limit { cells[y * width + col] = Cell(text: " ", style: style); col += 1 }
                break
            }
            cells[y * width + col] = Cell(text: String(character), style: style)
            if w == 2 { cells[y * width + col + 1] = Cell(text: "", style: style) }
            col += w
        }
        return col
    }

    /// Fills a whole row (or part of it) with spaces in a style.
    public mutating func fill(y: Int, from x: Int = 0, to end: Int? = nil, style: Style) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<min(width, end ?? width) { cells[y * width + col] = Cell(text: " ", style: style) }
    }

    /// Restyles existing cells of a row (e.g. the cursor line).
    public mutating func restyle(y: Int, from x: Int = 0, to end: Int? = nil, style: Style) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<min(width, end ?? width) { cells[y * width + col].style = style }
    }

    /// The row as text (continuation cells contribute nothing).
    public func line(_ y: Int) -> String {
        (0..<width).map { cells[y * width + $0].text }.joined()
    }

    /// The whole screen as text, one line per row, trailing spaces kept so widths can be checked.
    public var text: String { (0..<height).map(line).joined(separator: "\n") }
}
