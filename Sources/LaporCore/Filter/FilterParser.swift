/// Parses the filter language: terms combine by juxtaposition (and), `|` (or), `!` (not) and
/// parentheses; bare words are full-text search. Errors name the column.
public struct FilterParser {
    private let tokens: [FilterLexer.Token]
    private let length: Int
    private var index = 0
    private var depth = 0

    /// Deeper nesting than any person types; refusing it keeps recursion off the stack's edge
    /// (the fuzzer found a stack overflow at a few thousand '(').
    public static let maxDepth = 64
    /// Longer than any filter a person types or pastes on purpose.
    public static let maxLength = 4_000

    public static func parse(_ text: String) throws(FilterError) -> FilterExpr? {
        let length = text.count
        if length > maxLength {
            throw FilterError(column: maxLength + 1, message: "the filter is longer than \(maxLength) characters")
        }
        var parser = FilterParser(tokens: FilterLexer.tokens(text), length: length)
        if parser.tokens.isEmpty { return nil }
        let expr = try parser.orExpr()
        if let extra = parser.peek {
            throw FilterError(column: extra.column, message: extra.kind == .close ? "')' without a matching '('" : "unexpected text")
        }
        return expr
    }

    private init(tokens: [FilterLexer.Token], length: Int) {
        self.tokens = tokens
        self.length = length
    }

    private var peek: FilterLexer.Token? { index < tokens.count ? tokens[index] : nil }
    private var endColumn: Int { length + 1 }

    private mutating func orExpr() throws(FilterError) -> FilterExpr {
        var parts = [try andExpr()]
        while peek?.kind == .or {
            index += 1
            parts.append(try andExpr())
        }
        return parts.count == 1 ? parts[0] : .any(parts)
    }

    private mutating func andExpr() throws(FilterError) -> FilterExpr {
        var parts: [FilterExpr] = []
        while let token = peek, token.kind != .or, token.kind != .close {
            parts.append(try unary())
        }
        guard !parts.isEmpty else {
            throw FilterError(column: peek?.column ?? endColumn, message: "a term is missing here")
        }
        // Adjacent words form one full-text term.
        var merged: [FilterExpr] = []
        for part in parts {
            if case .text(let words) = part, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + words)
            } else {
                merged.append(part)
            }
        }
        return merged.count == 1 ? merged[0] : .all(merged)
    }

    private mutating func unary() throws(FilterError) -> FilterExpr {
        guard let token = peek else { throw FilterError(column: endColumn, message: "a term is missing here") }
        if token.kind == .not || token.kind == .open {
            depth += 1
            if depth > Self.maxDepth {
                throw FilterError(column: token.column, message: "nested deeper than \(Self.maxDepth) levels of '(' and '!'")
            }
        }
        defer { if token.kind == .not || token.kind == .open { depth -= 1 } }
        switch token.kind {
        case .not:
            index += 1
            return .not(try unary())
        case .open:
            index += 1
            let inner = try orExpr()
            guard peek?.kind == .close else { throw FilterError(column: peek?.column ?? endColumn, message: "')' is missing for the '(' at column \(token.column)") }
            index += 1
            return inner
        case .word(let w):
            index += 1
            return .text([w])
        case .term(let letter):
            index += 1
            return try term(letter, at: token.column)
        case .or, .close:
            throw FilterError(column: token.column, message: "a term is missing here")
        }
    }

    private mutating func argument(for letter: Character, at column: Int) throws(FilterError) -> (String, Int) {
        guard let token = peek, case .word(let w) = token.kind else {
            throw FilterError(column: peek?.column ?? endColumn, message: "~\(letter) needs a value")
        }
        index += 1
        return (w, token.column)
    }

    private mutating func term(_ letter: Character, at column: Int) throws(FilterError) -> FilterExpr {
        switch letter {
        case "o": return .overdue
        case "A": return .anonymous
        case "R": return .confidential
        case "t": return .tagged
        case "G": return .inIncident
        case "I": return .informationRequest
        case "g": return .incident(try argument(for: letter, at: column).0)
        case "s":
            let (value, col) = try argument(for: letter, at: column)
            guard let state = ReportState.parse(value) else {
                throw FilterError(column: col, message: "unknown state '\(value)' (states: \(ReportState.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return .state(state)
        case "a": return .agency(try argument(for: letter, at: column).0)
        case "c": return .category(try argument(for: letter, at: column).0)
        case "k": return .area(try argument(for: letter, at: column).0)
        case "h":
            let (value, col) = try argument(for: letter, at: column)
            let channel = Channel.parse(value)
            if channel == .other && value.lowercased() != "other" {
                throw FilterError(column: col, message: "unknown channel '\(value)' (channels: \(Channel.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return .channel(channel)
        case "d":
            let (value, col) = try argument(for: letter, at: column)
            return .submitted(try Self.dateRange(value, column: col))
        case "w":
            let (value, col) = try argument(for: letter, at: column)
            guard let n = Int(value), n >= 0, n <= 365 else { throw FilterError(column: col, message: "~w needs a number of working days, not '\(value)'") }
            return .dueWithin(n)
        case "b":
            return .text([try argument(for: letter, at: column).0])
        default:
            throw FilterError(column: column, message: "unknown term ~\(letter) (terms: ~s ~a ~c ~k ~h ~d ~o ~w ~A ~R ~t ~b ~G ~g ~I)")
        }
    }

    /// `2024-01-01..2024-02-01`, `2024-01-01..`, `..2024-02-01`, `2024-03`, `2024`, `2024-03-05`, `today`, `<7d`, `>30d`.
    static func dateRange(_ text: String, column: Int) throws(FilterError) -> DateRange {
        let t = text.lowercased()
        if t == "today" || t == "hariini" { return .newerThan(days: 0) }
        if (t.hasPrefix("<") || t.hasPrefix(">")), t.hasSuffix("d"), let n = Int(t.dropFirst().dropLast()), n >= 0 {
            return t.hasPrefix("<") ? .newerThan(days: n) : .olderThan(days: n)
        }
        if let range = t.range(of: "..") {
            let left = String(t[..<range.lowerBound]), right = String(t[range.upperBound...])
            let from = try left.isEmpty ? nil : bound(left, start: true, column: column)
            let to = try right.isEmpty ? nil : bound(right, start: false, column: column + left.count + 2)
            if from == nil && to == nil { throw FilterError(column: column, message: "a date range needs at least one end") }
            if let from, let to, from > to { throw FilterError(column: column, message: "the range starts after it ends") }
            return .days(from: from, to: to)
        }
        return .days(from: try bound(t, start: true, column: column), to: try bound(t, start: false, column: column))
    }

    /// A day, month (`2024-03`) or year (`2024`); months and years expand to their first or last day.
    static func bound(_ text: String, start: Bool, column: Int) throws(FilterError) -> Trend.Day {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, parts[0].count == 4, (1...3).contains(parts.count) else {
            throw FilterError(column: column, message: "'\(text)' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
        }
        let year = numbers[0]
        if parts.count == 1 { return start ? Trend.Day(year: year, month: 1, day: 1) : Trend.Day(year: year, month: 12, day: 31) }
        let month = numbers[1]
        guard (1...12).contains(month) else { throw FilterError(column: column, message: "'\(text)' has no month \(month)") }
        if parts.count == 2 {
            let first = Trend.Day(year: year, month: month, day: 1)
            if start { return first }
            let next = month == 12 ? Trend.Day(year: year + 1, month: 1, day: 1) : Trend.Day(year: year, month: month + 1, day: 1)
            return next.adding(days: -1)
        }
        guard let day = Trend.Day(text) else { throw FilterError(column: column, message: "'\(text)' is not a day of the calendar") }
        return day
    }
}
