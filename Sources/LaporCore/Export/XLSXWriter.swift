import Foundation
import ZIPFoundation

/// Writes .xlsx workbooks people open in Excel and LibreOffice: real dates (serials with a date
/// style), numbers as numbers, text as inline strings. Rows stream into a temporary sheet file, so
/// exporting a million reports holds one row in memory. `sharedStrings` and `date1904` exist to
/// produce workbooks shaped like other writers' (the LAPOR! export generator and its tests).
public final class XLSXWriter {
    public enum Cell: Sendable, Equatable {
        case text(String)
        /// Rich text: runs that Excel shows as one string (each run may carry its own font).
        case runs([String])
        case integer(Int64)
        case number(Double)
        /// A naive wall-clock time, written as a serial in the workbook's date system.
        case date(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)
        case bool(Bool)
        /// No cell at all (a sparse row).
        case absent
    }

    public struct Options: Sendable {
        public var sharedStrings = false
        public var date1904 = false
        public init(sharedStrings: Bool = false, date1904: Bool = false) {
            self.sharedStrings = sharedStrings; self.date1904 = date1904
        }
    }

    private let path: String
    private let options: Options
    private let folder: URL
    private var sheetNames: [String] = []
    private var sheet: FileHandle?
    private var buffer = ""
    private var rowNumber = 0
    private var strings: [String] = []
    private var stringIndex: [String: Int] = [:]

    public init(path: String, options: Options = Options()) throws {
        self.path = path
        self.options = options
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lapor-xlsx-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Starts a new sheet; the rows that follow go into it.
    public func addSheet(_ name: String) throws {
        try endSheet()
        sheetNames.append(name)
        let file = folder.appendingPathComponent("sheet\(sheetNames.count).xml")
        guard FileManager.default.createFile(atPath: file.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: file.path) else {
            throw LaporError.invalidArgument("Cannot write a temporary file in \(folder.path).")
        }
        sheet = handle
        rowNumber = 0
        buffer = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
    }

    /// Appends one row; `skipping` leaves that many empty rows first (Excel omits them).
    public func addRow(_ cells: [Cell], skipping: Int = 0) throws {
        if sheet == nil { try addSheet("Sheet1") }
        rowNumber += 1 + skipping
        buffer += "<row r=\"\(rowNumber)\">"
        for (i, cell) in cells.enumerated() {
            let ref = Self.columnName(i) + String(rowNumber)
            switch cell {
            case .absent: continue
            case .text(let s): buffer += textCell(ref, s)
            case .runs(let parts): buffer += richCell(ref, parts)
            case .integer(let n): buffer += "<c r=\"\(ref)\"><v>\(n)</v></c>"
            case .number(let x): buffer += "<c r=\"\(ref)\"><v>\(x)</v></c>"
            case .bool(let b): buffer += "<c r=\"\(ref)\" t=\"b\"><v>\(b ? 1 : 0)</v></c>"
            case .date(let y, let mo, let d, let h, let mi, let s):
                var serial = ExcelDate.serial(year: y, month: mo, day: d, hour: h, minute: mi, second: s)
                if options.date1904 { serial -= 1462 }
                buffer += "<c r=\"\(ref)\" s=\"1\"><v>\(serial)</v></c>"
            }
        }
        buffer += "</row>"
        if buffer.utf8.count > 1 << 16 { flush() }
    }

    /// Writes the workbook's parts and zips them into `path` (replacing a file there).
    public func close() throws {
        try endSheet()
        if sheetNames.isEmpty { try addSheet("Sheet1"); try endSheet() }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes()),
            ("_rels/.rels", Self.rootRels),
            ("xl/workbook.xml", workbook()),
            ("xl/_rels/workbook.xml.rels", workbookRels()),
            ("xl/styles.xml", Self.styles),
        ]
        if options.sharedStrings { parts.append(("xl/sharedStrings.xml", sharedStringsXML())) }
        for (name, text) in parts {
            try Data(text.utf8).write(to: folder.appendingPathComponent(Self.flat(name)))
        }
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, _) in parts {
            try archive.addEntry(with: name, fileURL: folder.appendingPathComponent(Self.flat(name)), compressionMethod: .deflate)
        }
        for i in 1...sheetNames.count {
            try archive.addEntry(with: "xl/worksheets/sheet\(i).xml", fileURL: folder.appendingPathComponent("sheet\(i).xml"),
                                 compressionMethod: .deflate)
        }
    }

    // MARK: - Parts

    private func endSheet() throws {
        guard let sheet else { return }
        buffer += "</sheetData></worksheet>"
        flush()
        try sheet.close()
        self.sheet = nil
    }

    private func flush() {
        sheet?.write(Data(buffer.utf8))
        buffer = ""
    }

    private func textCell(_ ref: String, _ text: String) -> String {
        guard options.sharedStrings else {
            return "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(Self.escape(text))</t></is></c>"
        }
        return "<c r=\"\(ref)\" t=\"s\"><v>\(shared(text))</v></c>"
    }

    private func richCell(_ ref: String, _ parts: [String]) -> String {
        let runs = parts.enumerated().map { i, part in
            (i % 2 == 1 ? "<r><rPr><b/></rPr>" : "<r>") + "<t xml:space=\"preserve\">\(Self.escape(part))</t></r>"
        }.joined()
        guard options.sharedStrings else { return "<c r=\"\(ref)\" t=\"inlineStr\"><is>\(runs)</is></c>" }
        strings.append("\u{0}" + runs) // a rich entry is never deduplicated with plain text
        return "<c r=\"\(ref)\" t=\"s\"><v>\(strings.count - 1)</v></c>"
    }

    private func shared(_ text: String) -> Int {
        if let i = stringIndex[text] { return i }
        strings.append(text)
        stringIndex[text] = strings.count - 1
        return strings.count - 1
    }

    private func sharedStringsXML() -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(strings.count)\" "
            + "uniqueCount=\"\(strings.count)\">"
        for s in strings {
            if s.hasPrefix("\u{0}") { out += "<si>\(s.dropFirst())</si>" }
            else { out += "<si><t xml:space=\"preserve\">\(Self.escape(s))</t></si>" }
        }
        return out + "</sst>"
    }

    private func contentTypes() -> String {
        let sheets = (1...sheetNames.count).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        let shared = options.sharedStrings
            ? "<Override PartName=\"/xl/sharedStrings.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" : ""
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" "#
            + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" "#
            + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + sheets + shared + "</Types>"
    }

    private func workbook() -> String {
        let sheets = sheetNames.enumerated().map { i, name in
            "<sheet name=\"\(Self.escape(String(name.prefix(31))))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }.joined()
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
            + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
            + (options.date1904 ? #"<workbookPr date1904="1"/>"# : "<workbookPr/>")
            + "<sheets>\(sheets)</sheets></workbook>"
    }

    private func workbookRels() -> String {
        var rels = sheetNames.indices.map { i in
            "<Relationship Id=\"rId\(i + 1)\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                + "Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }.joined()
        let n = sheetNames.count
        rels += "<Relationship Id=\"rId\(n + 1)\" "
            + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        if options.sharedStrings {
            rels += "<Relationship Id=\"rId\(n + 2)\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
                + "Target=\"sharedStrings.xml\"/>"
        }
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"# + rels + "</Relationships>"
    }

    private static let rootRels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" "#
        + #"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" "#
        + #"Target="xl/workbook.xml"/></Relationships>"#

    /// Style 0 is plain; style 1 shows a date and time (custom format 164).
    private static let styles = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + #"<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd\ hh:mm:ss"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + #"</styleSheet>"#

    /// `A`, `B`, … `Z`, `AA` for a zero-based column.
    static func columnName(_ index: Int) -> String {
        var n = index + 1, out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// XML text: the five entities escaped, and characters XML 1.0 cannot hold dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    private static func flat(_ part: String) -> String { part.replacingOccurrences(of: "/", with: "_") }
}
