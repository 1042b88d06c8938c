import CLibXML2
import Foundation

/// A thin pull reader over libxml2's `xmlTextReader`: one node at a time from a file, so a
/// worksheet of any size is read without building a tree. Entities are not substituted and the
/// network is never used, so a hostile workbook cannot pull in outside files.
final class XMLPullReader {
    enum Node { case start, end, text, other }

    private let reader: xmlTextReaderPtr
    let path: String

    init(path: String) throws {
        self.path = path
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue | XML_PARSE_NOBLANKS.rawValue)
        guard let reader = xmlReaderForFile(path, nil, options) else {
            throw XLSXError.broken("cannot read \(URL(fileURLWithPath: path).lastPathComponent)")
        }
        self.reader = reader
        // Errors are reported by the caller, once, not printed by libxml2 on stderr.
        xmlTextReaderSetErrorHandler(reader, { _, _, _, _ in }, nil)
    }

    deinit { xmlFreeTextReader(reader) }

    /// The next node, or nil at the end; throws when the XML is broken (a truncated workbook).
    func next() throws -> Node? {
        let status = xmlTextReaderRead(reader)
        if status == 0 { return nil }
        guard status == 1 else { throw XLSXError.broken("its XML is broken near line \(xmlTextReaderGetParserLineNumber(reader))") }
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
