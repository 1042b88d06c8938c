import Foundation

/// The demo's days made on a thread of their own, handed over one day at a time in order, a few
/// days ahead of the writer (memory stays at a few days of reports).
final class DemoDays: @unchecked Sendable {
    private let pipe = BatchPipe<(day: Int, reports: [DemoReport])>(capacity: 4)
    private var held: (day: Int, reports: [DemoReport])?
    private var ended = false

    init(_ generator: DemoGenerator) {
        let pipe = pipe
        let thread = Thread {
            var generator = generator
            for day in 0..<generator.days {
                guard pipe.put((day, generator.reports(day: day))) else { break }
            }
            pipe.finish()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next day's reports if that day comes before `before`; nil when it does not or the days ran out.
    func next(before: Int) -> [DemoReport]? {
        if held == nil && !ended {
            held = pipe.take()
            if held == nil { ended = true }
        }
        guard let day = held, day.day < before else { return nil }
        held = nil
        return day.reports
    }

    /// Lets the generating thread end early (the load failed).
    func stop() { pipe.cancel() }
}
