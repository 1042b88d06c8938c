import Foundation

/// The workbook's shared strings, kept on disk: a LAPOR! export's strings are mostly the
/// reports' own texts (hundreds of megabytes for a large download), so they are written once to a
/// private file and read back by offset, keeping memory flat (8 bytes per string).
final class XLSXSharedStrings {
    private var offsets: [Int] = [0]
    private let handle: FileHandle?
    private let file: String

    /// Reads `xl/sharedStrings.xml` (nil when the workbook has none): each `<si>` is one string,
    /// the concatenation of its `<t>` texts, rich-text runs included, phonetic runs (`<rPh>`) not.
    init(xml reader: XMLPullReader?, folder: URL) throws {
        file = folder.appendingPathComponent("strings.bin").path
        guard let reader else { handle = nil; return }
        guard FileManager.default.createFile(atPath: file, contents: nil),
              let out = FileHandle(forWritingAtPath: file) else {
            throw XLSXError.broken("cannot write a temporary file in \(folder.path)")
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        var current = "", inText = false, phonetic = 0, total = 0
        while let node = try reader.next() {
            switch node {
            case .start where reader.isNamed("si"):
                current = ""
            case .start where reader.isNamed("rPh"):
                phonetic += reader.isEmptyElement ? 0 : 1
            case .end where reader.isNamed("rPh"):
                phonetic -= 1
            case .start where reader.isNamed("t"):
                inText = !reader.isEmptyElement
            case .end where reader.isNamed("t"):
                inText = false
            case .text where inText && phonetic == 0:
                current += reader.value
            case .end where reader.isNamed("si"):
                buffer.append(contentsOf: current.utf8)
                total += current.utf8.count
                offsets.append(total)
                if buffer.count >= 1 << 20 { out.write(Data(buffer)); buffer.removeAll(keepingCapacity: true) }
            default:
                break
            }
        }
        out.write(Data(buffer))
        try out.close()
        handle = FileHandle(forReadingAtPath: file)
    }

    var count: Int { offsets.count - 1 }

    /// The string at `index`, or nil when the sheet names one that does not exist.
    func string(_ index: Int) -> String? {
        guard index >= 0, index < count, let handle else { return nil }
        let start = offsets[index], length = offsets[index + 1] - start
        if length == 0 { return "" }
        var bytes = [UInt8](repeating: 0, count: length)
        let got = bytes.withUnsafeMutableBytes { pread(handle.fileDescriptor, $0.baseAddress, length, off_t(start)) }
        guard got == length else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
