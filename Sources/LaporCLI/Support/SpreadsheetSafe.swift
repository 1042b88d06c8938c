/// Guards CSV cells against formula injection in spreadsheet programs: a cell starting with
/// = + - @ (or a tab or carriage return) gets a leading `'`, which the importer removes again.
enum SpreadsheetSafe {
    static func cell(_ text: String) -> String {
        guard let first = text.first, "=+-@\t\r".contains(first) else { return text }
        return "'" + text
    }
}
