import Foundation

/// Streams objects out of a JSON array or NDJSON file without holding the whole file: it tracks
/// depth and strings byte by byte, and decodes one object at a time. Each record carries the line
/// its object starts on.
public final class JSONRecordReader {
    public enum Shape { case array, lines }
    private let source: ByteSource
    private var buffer: [UInt8] = []
    private var position = 0
    private var line = 1
    private var started = false
    public let shape: Shape

    public convenience init(path: String, shape: Shape) throws {
        self.init(source: try ByteSource(path: path), shape: shape)
    }

    /// A reader over any byte source (the fuzzer uses tiny chunks to cross every boundary).
    init(source: ByteSource, shape: Shape) {
        self.source = source
        self.shape = shape
    }

    public var bytesRead: Int { source.offset - (buffer.count - position) }

    private func byte() -> UInt8? {
        if position >= buffer.count {
            guard let chunk = source.next() else { return nil }
            buffer = chunk; position = 0
        }
        defer { position += 1 }
        return buffer[position]
    }

    /// The next object as field → text (numbers and booleans as their JSON text, null as empty),
    /// or an error message for that record; nil at the end.
    public func next() -> (line: Int, fields: [String: String]?, error: String?)? {
        if !started && shape == .array {
            started = true
            while let b = byte() {
                if b == 10 { line += 1 }
                if b == UInt8(ascii: "[") { break }
            }
        }
        // Find the start of the next object.
        var b: UInt8?
        repeat {
            b = byte()
            if b == 10 { line += 1 }
        } while b != nil && b != UInt8(ascii: "{") && b != UInt8(ascii: "]")
        guard let open = b, open == UInt8(ascii: "{") else { return nil }
        let startLine = line
        var object: [UInt8] = [open]
        var depth = 1, inString = false, escaped = false
        while depth > 0, let c = byte() {
            object.append(c)
            if c == 10 { line += 1 }
            if inString {
                if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == UInt8(ascii: "\"") { inString = false }
            } else if c == UInt8(ascii: "\"") { inString = true }
            else if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") { depth += 1 }
            else if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") { depth -= 1 }
        }
        guard depth == 0 else { return (startLine, nil, "the object is not closed before the end of the file") }
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(object)), let dict = parsed as? [String: Any] else {
            return (startLine, nil, "not a valid JSON object")
        }
        var fields: [String: String] = [:]
        for (key, value) in dict {
            switch value {
            case is NSNull: fields[key] = ""
            case let s as String: fields[key] = s
            case let n as NSNumber:
                // Booleans arrive as NSNumber with the C type "c".
                fields[key] = String(cString: n.objCType) == "c" ? (n.boolValue ? "true" : "false") : n.stringValue
            default:
                let data = (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])) ?? Data()
                fields[key] = String(decoding: data, as: UTF8.self)
            }
        }
        return (startLine, fields, nil)
    }
}
