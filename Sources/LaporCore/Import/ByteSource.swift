import Foundation

/// Reads a file in fixed-size chunks so memory stays flat however large the file is.
public final class ByteSource {
    private let handle: FileHandle
    private let chunkSize: Int
    /// Bytes consumed so far (for progress).
    public private(set) var offset: Int = 0
    public let size: Int

    public init(path: String, chunkSize: Int = 1 << 20) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw LaporError.inputMissing(path: path) }
        if isDirectory.boolValue { throw LaporError.inputUnreadable(path: path, reason: "it is a directory, not a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LaporError.inputUnreadable(path: path, reason: "permission denied")
        }
        self.handle = handle
        self.chunkSize = chunkSize
        size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    deinit { try? handle.close() }

    /// The next chunk, or nil at the end of the file.
    public func next() -> [UInt8]? {
        guard let data = try? handle.read(upToCount: chunkSize), !data.isEmpty else { return nil }
        offset += data.count
        return [UInt8](data)
    }
}
