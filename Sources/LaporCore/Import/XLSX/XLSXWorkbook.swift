import Foundation
import ZIPFoundation

/// An .xlsx workbook opened for reading: its sheets in order, its date system and which cell
/// styles are dates. Parts are read by the pull reader as they are inflated, so neither the ZIP
/// nor a sheet is ever held in memory or written out; only the shared strings go to a private
/// temporary folder (``XLSXSharedStrings``).
final class XLSXWorkbook {
    struct Sheet: Equatable {
        let name: String
        /// The part inside the ZIP, e.g. `xl/worksheets/sheet1.xml`.
        let part: String
    }

    let path: String
    let sheets: [Sheet]
    /// The workbook counts dates from 1904 (old Mac Excel) instead of 1900.
    let date1904: Bool
    /// Indices into `cellXfs` whose number format shows a date or time.
    let dateStyles: Set<Int>
    let strings: XLSXSharedStrings
    private let folder: URL

    /// True when the file starts like a ZIP (`PK\u{3}\u{4}`): then it is read as a workbook or refused as one.
    static func looksLikeZIP(_ head: [UInt8]) -> Bool { head.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    init(path: String) throws {
        self.path = path
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw XLSXError.broken("it is not a readable ZIP archive (truncated or damaged)")
        }
        guard archive["[Content_Types].xml"] != nil, archive["xl/workbook.xml"] != nil else {
            throw XLSXError.broken("it is a ZIP archive but not an Excel workbook (no xl/workbook.xml)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        do {
            let targets = try Self.relationships(try XMLPullReader(workbook: path, part: "xl/_rels/workbook.xml.rels"))
            (sheets, date1904) = try Self.sheetList(try XMLPullReader(workbook: path, part: "xl/workbook.xml"), targets: targets)
            let styles = archive["xl/styles.xml"] == nil ? nil : try XMLPullReader(workbook: path, part: "xl/styles.xml")
            dateStyles = try styles.map(Self.dateStyles) ?? []
            let shared = archive["xl/sharedStrings.xml"] == nil
                ? nil : try XMLPullReader(workbook: path, part: "xl/sharedStrings.xml")
            strings = try XLSXSharedStrings(xml: shared, folder: folder)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        self.folder = folder
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// A pull reader over one sheet's XML as it is inflated.
    func reader(_ sheet: Sheet) throws -> XMLPullReader {
        try XMLPullReader(workbook: path, part: sheet.part)
    }

    /// `rId` → part path, from `xl/_rels/workbook.xml.rels`.
    private static func relationships(_ xml: XMLPullReader) throws -> [String: String] {
        var out: [String: String] = [:]
        while let node = try xml.next() {
            guard node == .start, xml.isNamed("Relationship"), let id = xml.attribute("Id"),
                  let target = xml.attribute("Target") else { continue }
            out[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        return out
    }

    private static func sheetList(_ xml: XMLPullReader, targets: [String: String]) throws -> ([Sheet], Bool) {
        var sheets: [Sheet] = []
        var date1904 = false
        while let node = try xml.next() {
            guard node == .start else { continue }
            if xml.isNamed("workbookPr") {
                date1904 = ["1", "true"].contains(xml.attribute("date1904") ?? "")
            } else if xml.isNamed("sheet"), let name = xml.attribute("name"), let id = xml.attribute(local: "id"),
                      let part = targets[id] {
                sheets.append(Sheet(name: name, part: part))
            }
        }
        guard !sheets.isEmpty else { throw XLSXError.broken("the workbook lists no sheets") }
        return (sheets, date1904)
    }

    /// The `cellXfs` indices whose number format is a date: the built-in date formats, or a
    /// custom format code with day, month, year or hour letters outside quotes and brackets.
    private static func dateStyles(_ xml: XMLPullReader) throws -> Set<Int> {
        var customDate: [Int: Bool] = [:]
        var inCellXfs = false
        var index = 0
        var out: Set<Int> = []
        while let node = try xml.next() {
            switch node {
            case .start where xml.isNamed("numFmt"):
                if let id = xml.attribute("numFmtId").flatMap(Int.init), let code = xml.attribute("formatCode") {
                    customDate[id] = ExcelDate.isDateFormat(code)
                }
            case .start where xml.isNamed("cellXfs"):
                inCellXfs = !xml.isEmptyElement
            case .end where xml.isNamed("cellXfs"):
                inCellXfs = false
            case .start where inCellXfs && xml.isNamed("xf"):
                let id = xml.attribute("numFmtId").flatMap(Int.init) ?? 0
                if customDate[id] ?? ExcelDate.builtInDateFormats.contains(id) { out.insert(index) }
                index += 1
            default:
                break
            }
        }
        return out
    }
}
