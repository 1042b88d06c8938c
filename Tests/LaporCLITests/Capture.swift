import Foundation

/// Captures what a block writes to the process's stdout (the CLI writes straight to file descriptor 1).
enum Capture {
    /// Suites run in parallel; file descriptor 1 is one per process, so captures take turns.
    private static let lock = NSLock()

    static func stdout(_ body: () -> Int32) -> (code: Int32, out: String) {
        lock.lock()
        defer { lock.unlock() }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-out-\(UUID().uuidString)").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let fd = open(path, O_WRONLY)
        let saved = dup(STDOUT_FILENO)
        dup2(fd, STDOUT_FILENO)
        let code = body()
        dup2(saved, STDOUT_FILENO)
        close(saved); close(fd)
        let out = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: path)
        return (code, out)
    }

    static func remove(_ db: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
    }
}
