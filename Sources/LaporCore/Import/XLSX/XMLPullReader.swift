import CLibXML2
import Foundation

/// A thin pull reader over libxml2's `xmlTextReader`: one node at a time from a part of the
/// workbook as it is inflated, so a worksheet of any size is read without building a tree.
/// Entities are not substituted and the network is never used, so a hostile workbook cannot pull
/// in outside files.
final class XMLPullReader {
    enum Node { case start, end, text, other }

    private let reader: xmlTextReaderPtr
    private let stream: ZIPPartStream
    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue | XML_PARSE_NOBLANKS.rawValue
                                       | XML_PARSE_COMPACT.rawValue)

    /// Reads one part of the workbook at `path` as it is inflated (``ZIPPartStream``).
    init(workbook path: String, part: String) throws {
        stream = try ZIPPartStream(path: path, part: part)
        let context = Unmanaged.passUnretained(stream).toOpaque()
        let read: xmlInputReadCallback = { context, buffer, length in
            guard let context, let buffer else { return -1 }
            let stream = Unmanaged<ZIPPartStream>.fromOpaque(context).takeUnretainedValue()
            return Int32(stream.read(into: buffer, capacity: Int(length)))
        }
        guard let reader = xmlReaderForIO(read, nil, context, part, nil, Self.options) else {
            stream.stop()
            throw XLSXError.broken("cannot read its part \(part)")
        }
        self.reader = reader
        // Errors are reported by the caller, once, not printed by libxml2 on stderr.
        xmlTextReaderSetErrorHandler(reader, { _, _, _, _ in }, nil)
    }

    deinit {
        xmlFreeTextReader(reader)
        stream.stop()
    }

    /// The next node, or nil at the end; throws when the XML is broken (a truncated workbook).
    func next() throws -> Node? {
        let status = xmlTextReaderRead(reader)
        if status == 0 { return nil }
        guard status == 1 else {
            if let failure = stream.failure { throw XLSXError.broken(failure) }
            throw XLSXError.broken("its XML is broken near line \(xmlTextReaderGetParserLineNumber(reader))")
        }
        switch xmlTextReaderNodeType(reader) {
        case 1: return .start
        case 15: return .end
        case 3, 4, 13, 14: return .text
        default: return .other
        }
    }

    /// The current element's local name (no namespace prefix).
    var name: String {
        guard let p = xmlTextReaderConstLocalName(reader) else { return "" }
        return String(cString: p)
    }

    /// True when the current element's local name is `literal` (compared without building a String).
    func isNamed(_ literal: StaticString) -> Bool {
        guard let p = xmlTextReaderConstLocalName(reader) else { return false }
        return strcmp(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self),
                      UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// The elements a worksheet's rows are made of, told apart once per node by their bytes
    /// (a row of 17 cells is over a hundred nodes; comparing names case by case cost a tenth).
    enum Element { case row, c, v, t, inlineText, rPh, other }

    var element: Element {
        guard let p = xmlTextReaderConstLocalName(reader) else { return .other }
        switch (p[0], p[1]) {
        case (0x63, 0): return .c            // c
        case (0x76, 0): return .v            // v
        case (0x74, 0): return .t            // t
        case (0x69, 0x73): return p[2] == 0 ? .inlineText : .other  // is
        case (0x72, 0x6F): return p[2] == 0x77 && p[3] == 0 ? .row : .other  // row
        case (0x72, 0x50): return p[2] == 0x68 && p[3] == 0 ? .rPh : .other  // rPh
        default: return .other
        }
    }

    /// Each attribute of the current element as its local name's first byte (0 for a longer
    /// name) and its value, without making Strings of either.
    func forEachShortAttribute(_ body: (UInt8, UnsafePointer<UInt8>) -> Void) {
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return }
        defer { xmlTextReaderMoveToElement(reader) }
        repeat {
            if let n = xmlTextReaderConstLocalName(reader), let v = xmlTextReaderConstValue(reader) {
                body(n[1] == 0 ? n[0] : 0, v)
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
    }

    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The text of the current text node.
    var value: String {
        guard let p = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: p)
    }

    /// The value of the attribute whose local name is `local`, whatever its prefix (`r:id`).
    func attribute(local: String) -> String? {
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        repeat {
            if let n = xmlTextReaderConstLocalName(reader), String(cString: n) == local,
               let v = xmlTextReaderConstValue(reader) {
                return String(cString: v)
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        return nil
    }

    /// The value of an attribute of the current element, by its qualified name.
    func attribute(_ name: String) -> String? {
        guard xmlTextReaderMoveToAttribute(reader, name) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        guard let p = xmlTextReaderConstValue(reader) else { return nil }
        return String(cString: p)
    }
}

/// Why a workbook cannot be read; the importer turns it into exit 65 with this sentence.
enum XLSXError: Error {
    case broken(String)
}
