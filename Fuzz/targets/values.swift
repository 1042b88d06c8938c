// libFuzzer target: date, boolean and status parsing never crash; a parsed date formats back
// to ISO 8601 and parses again to the same instant.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let zone = DeskZone.jakarta
    if let date = ImportValues.date(text, zone: zone) {
        let iso = zone.iso(date)
        precondition(zone.parseISO(iso) == date, "\(text) → \(iso) does not parse back")
    }
    _ = ImportValues.bool(text)
    _ = ImportValues.status(text)
    _ = zone.parseISO(text)
    return 0
}
