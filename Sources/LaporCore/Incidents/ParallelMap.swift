import Foundation

/// A map over an array on every core, results in the input's order. Reading a report's signature
/// (its words and places) is pure and costs tens of microseconds; `similar` reads hundreds of them
/// for a report in a busy place, and the desk waits for them while opening the report.
enum ParallelMap {
    static func map<T: Sendable, U: Sendable>(_ items: [T], minimum: Int = 64, _ transform: @Sendable (T) -> U) -> [U] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard items.count >= minimum, cores > 1 else { return items.map(transform) }
        let chunks = min(cores, items.count)
        let size = (items.count + chunks - 1) / chunks
        let results = UnsafeMutableBufferPointer<U?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        nonisolated(unsafe) let out = results
        items.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            // Each chunk writes only its own slots.
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * size
                let end = min(items.count, start + size)
                guard start < end else { return }
                for i in start..<end { out[i] = transform(input[i]) }
            }
        }
        return results.map { $0! }
    }
}
