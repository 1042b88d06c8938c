/// A binary heap ordered by `before` (the first element is the one before all others).
struct Heap<Element> {
    private var items: [Element] = []
    private let before: (Element, Element) -> Bool

    init(_ elements: [Element], before: @escaping (Element, Element) -> Bool) {
        self.before = before
        for e in elements { push(e) }
    }

    mutating func push(_ e: Element) {
        items.append(e)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard before(items[i], items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var best = i
            if l < items.count && before(items[l], items[best]) { best = l }
            if r < items.count && before(items[r], items[best]) { best = r }
            if best == i { break }
            items.swapAt(i, best)
            i = best
        }
        return top
    }
}
