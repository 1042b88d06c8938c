/// A service-level limit: N working days, N calendar days, or N clock hours (Surakarta's 2×24 jam).
public enum SLALimit: Sendable, Equatable, CustomStringConvertible {
    case workingDays(Int)
    case calendarDays(Int)
    case hours(Int)

    /// `3wd`, `60d`, `48h` (also `3 hari kerja`, `60 hari`, `48 jam`).
    public init?(_ text: String) {
        let t = text.lowercased().replacingOccurrences(of: " ", with: "")
        let digits = t.prefix { $0.isNumber }
        guard let n = Int(digits), n > 0, n <= 3650 else { return nil }
        switch t.dropFirst(digits.count) {
        case "wd", "harikerja", "workingdays", "workingday": self = .workingDays(n)
        case "d", "hari", "days", "day", "cd": self = .calendarDays(n)
        case "h", "jam", "hours", "hour": self = .hours(n)
        default: return nil
        }
    }

    public var isWorkingDays: Bool {
        if case .workingDays = self { true } else { false }
    }

    public var description: String {
        switch self {
        case .workingDays(let n): "\(n)wd"
        case .calendarDays(let n): "\(n)d"
        case .hours(let n): "\(n)h"
        }
    }

    public func text(_ language: Language) -> String {
        switch (self, language) {
        case (.workingDays(let n), .id): "\(n) hari kerja"
        case (.workingDays(let n), .en): "\(n) working days"
        case (.calendarDays(let n), .id): "\(n) hari"
        case (.calendarDays(let n), .en): "\(n) calendar days"
        case (.hours(let n), .id): "\(n) jam"
        case (.hours(let n), .en): "\(n) hours"
        }
    }
}
