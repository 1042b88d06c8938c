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
        xml = try XMLPullReader(path: try workbook.extract(sheet))
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
        var column = -1, type = "", style = -1
        var value = "", inline = "", inValue = false, inText = false, phonetic = 0
        while let node = try xml.next() {
            switch node {
            case .start where xml.isNamed("c"):
                column = xml.attribute("r").flatMap(Self.column) ?? column + 1
                type = xml.attribute("t") ?? ""
                style = xml.attribute("s").flatMap(Int.init) ?? -1
                value = ""; inline = ""
                if xml.isEmptyElement { store("", column, &row) }
            case .start where xml.isNamed("v"):
                inValue = !xml.isEmptyElement
            case .end where xml.isNamed("v"):
                inValue = false
            case .start where xml.isNamed("t"):
                inText = !xml.isEmptyElement
            case .end where xml.isNamed("t"):
                inText = false
            case .start where xml.isNamed("rPh"):
                phonetic += xml.isEmptyElement ? 0 : 1
            case .end where xml.isNamed("rPh"):
                phonetic -= 1
            case .text where inValue:
                value += xml.value
            case .text where inText && phonetic == 0:
                inline += xml.value
            case .end where xml.isNamed("c"):
                store(cellText(type: type, style: style, value: value, inline: inline), column, &row)
            case .end where xml.isNamed("row"):
                return
            default:
                break
            }
        }
    }

    private func store(_ text: String, _ column: Int, _ row: inout SheetRow) {
        guard column >= 0, column < 16_384 else { return }
        if row.cells.count <= column { row.cells.append(contentsOf: repeatElement("", count: column + 1 - row.cells.count)) }
        row.cells[column] = text
    }

    /// A cell as the text a person sees, whatever way Excel stored it.
    private func cellText(type: String, style: Int, value: String, inline: String) -> String {
        switch type {
        case "s": return Int(value).flatMap(workbook.strings.string) ?? ""
        case "inlineStr": return inline
        case "b": return value == "1" ? "true" : "false"
        case "str", "e", "d": return value
        default:
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
        var n = 0, letters = 0
        for b in reference.utf8 {
            let upper = b & ~0x20
            guard upper >= 65 && upper <= 90 else { break }
            n = n * 26 + Int(upper - 64)
            letters += 1
        }
        return letters == 0 || letters > 3 ? nil : n - 1
    }
}
