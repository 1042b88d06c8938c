/// A key press as the desk understands it, whichever terminal (or script) it came from.
public enum Key: Sendable, Equatable, Hashable {
    case char(Character)
    case enter, esc, tab, backTab, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end
    case ctrl(Character)
    case function(Int)

    /// Parses a headless key script: plain characters, and `<Enter> <Esc> <Tab> <Up> <Down> <Left>
    /// <Right> <PgUp> <PgDn> <Home> <End> <Backspace> <Space> <C-x> <F1>…<F12> <lt>`.
    public static func script(_ text: String) throws(KeyScriptError) -> [Key] {
        var keys: [Key] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if chars[i] == "<", let close = chars[(i + 1)...].firstIndex(of: ">"), close > i + 1 {
                let name = String(chars[(i + 1)..<close])
                guard let key = named(name) else { throw KeyScriptError(column: i + 1, name: name) }
                keys.append(key)
                i = close + 1
            } else {
                keys.append(.char(chars[i]))
                i += 1
            }
        }
        return keys
    }

    static func named(_ name: String) -> Key? {
        switch name.lowercased() {
        case "enter", "return", "cr": return .enter
        case "esc", "escape": return .esc
        case "tab": return .tab
        case "s-tab", "backtab": return .backTab
        case "backspace", "bs": return .backspace
        case "del", "delete": return .delete
        case "up": return .up
        case "down": return .down
        case "left": return .left
        case "right": return .right
        case "pgup", "pageup": return .pageUp
        case "pgdn", "pagedown": return .pageDown
        case "home": return .home
        case "end": return .end
        case "space": return .char(" ")
        case "lt": return .char("<")
        case "gt": return .char(">")
        default:
            let lower = name.lowercased()
            if lower.hasPrefix("c-"), lower.count == 3, let c = lower.last, c.isLetter { return .ctrl(c) }
            if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) { return .function(n) }
            return nil
        }
    }
}

/// A key script with an unknown `<Name>`.
public struct KeyScriptError: Error, Equatable {
    public let column: Int
    public let name: String
}
