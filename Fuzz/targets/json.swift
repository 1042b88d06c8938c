import Foundation

// libFuzzer target: the streaming JSON/NDJSON reader never crashes or hangs on any bytes, read
// in 7-byte chunks so every token straddles a chunk boundary; each record's line lies within
// the input and lines never go backwards.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let path = NSTemporaryDirectory() + "lapor-fuzz-json-\(getpid()).json"
    let bytes = Data(bytes: data, count: size)
    guard FileManager.default.createFile(atPath: path, contents: bytes) else { return 0 }
    defer { try? FileManager.default.removeItem(atPath: path) }
    let lines = bytes.filter { $0 == 10 }.count + 1
    for shape in [JSONRecordReader.Shape.array, .lines] {
        guard let source = try? ByteSource(path: path, chunkSize: 7) else { return 0 }
        let reader = JSONRecordReader(source: source, shape: shape)
        var last = 0
        while let record = reader.next() {
            precondition(record.line >= last && record.line <= lines, "line \(record.line) outside 1...\(lines)")
            precondition((record.fields == nil) != (record.error == nil), "a record is either fields or an error")
            last = record.line
        }
    }
    return 0
}
