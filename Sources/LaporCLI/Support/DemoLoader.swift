import Foundation
import LaporCore

/// `lapor desk --demo`: one demo database per seed in the user's cache folder, reused while it
/// holds a finished demo, and otherwise written on a background thread a month of reports at a
/// time while the desk is already on screen (the desk notices each chunk within a second and
/// shows the progress in its status line).
final class DemoLoader: @unchecked Sendable {
    private let lock = NSLock()
    private var days = (done: 0, total: 1)
    private var finished = false
    /// The "ready" line was shown once.
    private var announcedEnd = false
    private var failure: String?
    private var thread: Thread?
    private let language: Language
    private let done = DispatchSemaphore(value: 0)

    init(language: Language) { self.language = language }

    /// `$XDG_CACHE_HOME/lapor/demo-seed1.sqlite` (or `~/.cache/lapor/…`; other lengths of history
    /// get their own file), the folder made private.
    static func cachedPath(seed: UInt64, days: Int) throws -> String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        let folder = base.appendingPathComponent("lapor")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return folder.appendingPathComponent(days == 730 ? "demo-seed\(seed).sqlite" : "demo-seed\(seed)-\(days)d.sqlite").path
    }

    /// Starts writing the demo into `store` (agencies and people at once, reports in the background).
    func start(store: LaporStore, user: User, generator: DemoGenerator, at now: Date) {
        let thread = Thread { [self] in
            do {
                try store.loadDemo(generator, by: user, at: now, chunkDays: 30) { done, total in
                    self.lock.withLock { self.days = (done, total) }
                }
            } catch {
                lock.withLock { failure = "\(error)" }
            }
            lock.withLock { finished = true }
            done.signal()
        }
        thread.stackSize = 8 << 20
        self.thread = thread
        thread.start()
    }

    /// Waits for the whole demo (headless runs and scripts need all of it).
    func wait() { done.wait(); done.signal() }

    /// The status line while loading ("Loading the demo … 45 %"), once more when done, then nil.
    func note() -> String? {
        lock.withLock {
            if let failure { return (language == .id ? "Demo gagal dimuat: " : "The demo failed to load: ") + failure }
            if finished {
                if announcedEnd { return nil }
                announcedEnd = true
                return language == .id ? "Demo siap: semua laporan dimuat." : "Demo ready: every report is loaded."
            }
            let percent = days.done * 100 / max(1, days.total)
            return language == .id ? "Memuat demo di latar belakang: \(percent) % (laporan lama lebih dulu)…"
                : "Loading the demo in the background: \(percent) % (oldest reports first)…"
        }
    }
}
