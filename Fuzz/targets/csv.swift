// libFuzzer target: the streaming CSV reader must never crash or hang, and every record's
// line number must be within the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    let reader = CSVReader(text: text)
    reader.detectDelimiter()
    let lines = text.utf8.filter { $0 == 10 || $0 == 13 }.count + 1
    var last = 0
    while let record = reader.next() {
        precondition(record.line >= last && record.line <= lines + 1, "line \(record.line) outside 1...\(lines + 1)")
        last = record.line
    }
    var fell = false
    _ = TextDecoding.decode(bytes[...], fellBack: &fell)
    return 0
}
