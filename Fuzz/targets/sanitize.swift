// libFuzzer target: sanitised text holds no control character, escape or bidi override,
// and display-width truncation never exceeds the width asked for.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    precondition(!Sanitizer.line(text).unicodeScalars.contains { Sanitizer.isUnsafe($0.value) }, "unsafe scalar survived line")
    let block = Sanitizer.block(text)
    precondition(!block.unicodeScalars.contains { $0 != "\n" && Sanitizer.isUnsafe($0.value) }, "unsafe scalar survived block")
    // Every line break must split lines the way a reader sees them.
    precondition(block.split(separator: "\n", omittingEmptySubsequences: false).count == block.unicodeScalars.filter { $0 == "\n" }.count + 1,
                 "a line break fused with the next character")
    let line = Sanitizer.line(text)
    for width in [1, 5, 17, 80] {
        precondition(DisplayWidth.of(DisplayWidth.truncate(line, to: width)) <= width, "truncation overflow")
    }
    return 0
}
