/// Writing CSV lines: fields quoted when they hold a delimiter, quote or line break.
enum CSVWriter {
    static func line(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { field in
            if field.contains(delimiter) || field.contains("\"") || field.contains("\n") || field.contains("\r") {
                return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return field
        }.joined(separator: String(delimiter))
    }
}
