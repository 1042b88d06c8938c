import Foundation

/// One worksheet's rows, pulled one at a time from its XML: each row's number as Excel shows it
/// and its cells as text, dense from column A (absent cells of a sparse row are empty).
final class XLSXSheetReader {
    struct SheetRow {
        /// The row number Excel shows (1-based).
        var number: Int
        var cells: [String]
    }

    private let xml: XMLPullReader
    private let workbook: XLSXWorkbook

    init(_ workbook: XLSXWorkbook, sheet: XLSXWorkbook.Sheet) throws {
        self.workbook = workbook
        xml = try workbook.reader(sheet)
    }

    private var lastRow = 0

    /// The next row that has a `<row>` element (blank rows Excel leaves out are skipped), or nil at the end.
    func next() throws -> SheetRow? {
        while let node = try xml.next() {
            guard node == .start, xml.isNamed("row") else { continue }
            let number = xml.attribute("r").flatMap(Int.init) ?? lastRow + 1
            lastRow = number
            var row = SheetRow(number: number, cells: [])
            if xml.isEmptyElement { return row }
            try readCells(into: &row)
            return row
        }
        return nil
    }

    /// The cells up to `</row>`.
    private func readCells(into row: inout SheetRow) throws {
        var column = -1, type = CellType.number, style = -1
        var value = "", inline = "", inValue = false, inText = false, phonetic = 0
        while let node = try xml.next() {
            if node == .text {
                if inValue {
                    value += xml.value
                } else if inText && phonetic == 0 {
                    inline += xml.value
                }
                continue
            }
            switch (node, xml.element) {
            case (.start, .c):
                column += 1
                type = .number
                style = -1
                xml.forEachShortAttribute { name, text in
                    switch name {
                    case 0x72: column = Self.column(text) ?? column      // r
                    case 0x74: type = CellType(text)                    // t
                    case 0x73: style = Self.integer(text) ?? -1         // s
                    default: break
                    }
                }
                value = ""; inline = ""
                if xml.isEmptyElement { store("", column, &row) }
            case (.start, .v):
                inValue = !xml.isEmptyElement
            case (.end, .v):
                inValue = false
            case (.start, .t):
                inText = !xml.isEmptyElement
            case (.end, .t):
                inText = false
            case (.start, .rPh):
                phonetic += xml.isEmptyElement ? 0 : 1
            case (.end, .rPh):
                phonetic -= 1
            case (.end, .c):
                store(cellText(type: type, style: style, value: value, inline: inline), column, &row)
            case (.end, .row):
                return
            default:
                break
            }
        }
    }

    /// The `t` attribute of a cell: how its value is stored.
    enum CellType {
        case number, shared, inline, boolean, text

        init(_ p: UnsafePointer<UInt8>) {
            switch (p[0], p[1]) {
            case (0x73, 0): self = .shared                  // s
            case (0x62, 0): self = .boolean                 // b
            case (0x69, 0x6E): self = .inline               // inlineStr
            case (0x73, 0x74), (0x65, 0), (0x64, 0): self = .text   // str, e, d
            default: self = .number                         // n, or none
            }
        }
    }
    private func store(_ text: String, _ column: Int, _ row: inout SheetRow) {
        guard column >= 0, column < 16_384 else { return }
        if row.cells.count <= column { row.cells.append(contentsOf: repeatElement("", count: column + 1 - row.cells.count)) }
        row.cells[column] = text
    }

    /// A cell as the text a person sees, whatever way Excel stored it.
    private func cellText(type: CellType, style: Int, value: String, inline: String) -> String {
        switch type {
        case .shared: return Int(value).flatMap(workbook.strings.string) ?? ""
        case .inline: return inline
        case .boolean: return value == "1" ? "true" : "false"
        case .text: return value
        case .number:
            guard !value.isEmpty else { return inline }
            if workbook.dateStyles.contains(style), let serial = Double(value),
               let text = ExcelDate.isoText(serial: serial, date1904: workbook.date1904) {
                return text
            }
            return Self.numberText(value)
        }
    }

    /// `5216807` for 5216807 or 5216807.0 (ids stored as numbers), otherwise the stored digits.
    static func numberText(_ stored: String) -> String {
        guard let x = Double(stored), x.isFinite else { return stored }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return stored
    }

    /// Zero-based column of a cell reference: `C5` → 2, `AA10` → 26.
    static func column(_ reference: String) -> Int? {
        reference.withCString { $0.withMemoryRebound(to: UInt8.self, capacity: 1) { column($0) } }
    }

    static func column(_ p: UnsafePointer<UInt8>) -> Int? {
        var n = 0, letters = 0
        while letters < 4 {
            let upper = p[letters] & ~0x20
            guard upper >= 65 && upper <= 90 else { break }
            n = n * 26 + Int(upper - 64)
            letters += 1
        }
        return letters == 0 || letters > 3 ? nil : n - 1
    }

    /// A small non-negative decimal such as a style index, or nil.
    static func integer(_ p: UnsafePointer<UInt8>) -> Int? {
        var n = 0, i = 0
        while p[i] >= 0x30 && p[i] <= 0x39 && i < 9 {
            n = n * 10 + Int(p[i] - 0x30)
            i += 1
        }
        return i == 0 || p[i] != 0 ? nil : n
    }
}
