/// A streaming CSV reader over bytes: `,` `;` or tab, quoted fields with doubled quotes and
/// line breaks, `\r\n` or `\n`, a UTF-8 byte-order mark ignored. Each record carries the
/// physical line it starts on (the header is line 1), for reject files people can follow.
public final class CSVReader {
    public struct Record {
        public var fields: [String]
        public var line: Int
    }

    private let source: ByteSource?
    private var buffer: [UInt8]
    private var position = 0
    private var line = 1
    private var atStart = true
    private var finished = false
    public private(set) var delimiter: UInt8 = UInt8(ascii: ",")
    /// True once any field needed the Windows-1252 fallback.
    public private(set) var fellBackToWindows1252 = false

    public init(path: String) throws {
        source = try ByteSource(path: path)
        buffer = source?.next() ?? []
    }

    /// Reads from text in memory (small files, tests).
    public init(text: String) {
        source = nil
        buffer = Array(text.utf8)
    }

    public var bytesRead: Int { (source?.offset ?? buffer.count) - (buffer.count - position) }
    public var totalBytes: Int { source?.size ?? buffer.count }

    /// Picks the delimiter that occurs most often outside quotes in the first line.
    public func detectDelimiter() {
        skipBOM()
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        var i = position
        while i < buffer.count {
            let b = buffer[i]
            if b == UInt8(ascii: "\"") { quoted.toggle() }
            else if !quoted && (b == 10 || b == 13) { break }
            else if !quoted, counts[b] != nil { counts[b]! += 1 }
            i += 1
        }
        let best = counts.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }!
        delimiter = best.value > 0 ? best.key : UInt8(ascii: ",")
    }

    private func skipBOM() {
        guard atStart else { return }
        atStart = false
        if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { position = 3 }
    }

    private func refill() -> Bool {
        guard let source, let chunk = source.next() else { return false }
        if position > 0 { buffer.removeFirst(position); position = 0 }
        buffer.append(contentsOf: chunk)
        return true
    }

    /// The next record, or nil at the end. Blank lines are skipped.
    public func next() -> Record? {
        skipBOM()
        while true {
            guard let record = readRecord() else { return nil }
            if record.fields.count == 1 && record.fields[0].isEmpty { continue }
            return record
        }
    }

    private func readRecord() -> Record? {
        if finished { return nil }
        if position >= buffer.count && !refill() { finished = true; return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var fieldWasQuoted = false
        func endField() {
            var fell = false
            fields.append(TextDecoding.decode(field[...], fellBack: &fell))
            if fell { fellBackToWindows1252 = true }
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        while true {
            if position >= buffer.count {
                if !refill() {
                    finished = true
                    endField()
                    return Record(fields: fields, line: startLine)
                }
            }
            let b = buffer[position]
            position += 1
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if position >= buffer.count { _ = refill() }
                    if position < buffer.count && buffer[position] == UInt8(ascii: "\"") {
                        field.append(b); position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if b == 10 { line += 1 }
                    field.append(b)
                }
                continue
            }
            switch b {
            case delimiter:
                endField()
            case UInt8(ascii: "\""):
                if field.isEmpty && !fieldWasQuoted { quoted = true; fieldWasQuoted = true } else { field.append(b) }
            case 13:
                if position >= buffer.count { _ = refill() }
                if position < buffer.count && buffer[position] == 10 { position += 1 }
                line += 1
                endField()
                return Record(fields: fields, line: startLine)
            case 10:
                line += 1
                endField()
                return Record(fields: fields, line: startLine)
            default:
                field.append(b)
            }
        }
    }
}
