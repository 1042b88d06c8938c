import Foundation
import ZIPFoundation

/// One part of a workbook, inflated by ZIPFoundation on a thread of its own into a short queue
/// that the XML reader drains. A sheet is never written out or held whole, and inflating (with
/// its CRC check) overlaps parsing instead of preceding it: for a 264 MB sheet that was a
/// second and a half before the first row.
final class ZIPPartStream: @unchecked Sendable {
    /// Chunks waiting; the inflating thread waits when this many are queued (memory stays flat).
    private static let queueLimit = 16

    private let condition = NSCondition()
    private var queue: [Data] = []
    /// Set by the inflating thread when it is done with the archive (at the end, on failure or stopped).
    private var finished = false
    private var stopped = false
    /// Why inflating failed (truncated, damaged, wrong checksum), said by the reader instead of
    /// libxml2's "broken XML".
    private(set) var failure: String?
    private var current = Data()
    private var offset = 0

    /// Opens the archive again for this part alone (ZIPFoundation's `Archive` is not shared
    /// between threads) and starts inflating.
    init(path: String, part: String) throws {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw XLSXError.broken("it is not a readable ZIP archive (truncated or damaged)")
        }
        guard let entry = archive[part] else { throw XLSXError.broken("the workbook lacks its part \(part)") }
        // Only the new thread touches this archive from here on.
        let handoff = Handoff(archive: archive, entry: entry)
        let thread = Thread { [self] in
            inflate(handoff.archive, handoff.entry, part)
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    private struct Handoff: @unchecked Sendable {
        let archive: Archive
        let entry: Entry
    }

    private func inflate(_ archive: Archive, _ entry: Entry, _ part: String) {
        var why: String?
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024) { [self] data in
                condition.lock()
                defer { condition.unlock() }
                while queue.count >= Self.queueLimit && !stopped { condition.wait() }
                if stopped { throw CancellationError() }
                queue.append(data)
                condition.broadcast()
            }
        } catch is CancellationError {
        } catch {
            why = "its part \(part) cannot be unpacked (truncated or damaged)"
        }
        condition.lock()
        failure = why
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Copies up to `capacity` bytes into `buffer`: the count, 0 at the end, -1 after a failure.
    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        if offset == current.count {
            condition.lock()
            while queue.isEmpty && !finished { condition.wait() }
            if queue.isEmpty {
                let failed = failure != nil
                condition.unlock()
                return failed ? -1 : 0
            }
            current = queue.removeFirst()
            condition.broadcast()
            condition.unlock()
            offset = 0
        }
        let count = min(capacity, current.count - offset)
        current.withUnsafeBytes { bytes in
            let start = bytes.baseAddress!.advanced(by: offset)
            UnsafeMutableRawPointer(buffer).copyMemory(from: start, byteCount: count)
        }
        offset += count
        return count
    }

    /// Stops the inflating thread (a reader that read only the first rows of a sheet) and waits
    /// until it has let go of the archive.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !finished { condition.wait() }
        queue.removeAll()
        condition.unlock()
    }
}
