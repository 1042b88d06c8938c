// libFuzzer target: the filter parser either returns an expression or an error whose column
// lies within the input (plus one, for "missing at the end").
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try FilterParser.parse(text)
    } catch {
        precondition(error.column >= 1 && error.column <= text.count + 1, "column \(error.column) for a \(text.count)-character filter")
    }
    return 0
}
