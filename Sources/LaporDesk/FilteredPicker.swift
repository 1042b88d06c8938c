/// A list chosen from by typing: the route picker and the template picker move and filter alike.
protocol FilteredPicker {
    var filter: String { get set }
    var selected: Int { get set }
    var visibleCount: Int { get }
}

extension FilteredPicker {
    /// Moves the selection or edits the filter; false for keys the picker handles itself.
    mutating func navigate(_ key: Key) -> Bool {
        switch key {
        case .down, .ctrl("n"):
            selected = min(selected + 1, max(0, visibleCount - 1))
        case .up, .ctrl("p"):
            selected = max(0, selected - 1)
        case .backspace, .delete:
            if !filter.isEmpty { filter.removeLast() }
            selected = 0
        case .char(let c):
            filter.append(c)
            selected = 0
        default:
            return false
        }
        return true
    }
}

extension AgencyPicker: FilteredPicker {
    var visibleCount: Int { visible.count }
}

extension TemplatePicker: FilteredPicker {
    var visibleCount: Int { visible.count }
}
