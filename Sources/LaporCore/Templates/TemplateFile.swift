/// The human-editable file of `lapor template export|import`: one block per template.
///
///     == tunda-lengkapi
///     lang: id
///     actions: hold
///     agency: DINKES
///
///     Yth. {pelapor}, terima kasih atas laporan {tracking_id}. Mohon lengkapi …
///
/// `lang`, `actions` and `agency` may be left out (id, every action, shared). The text runs to
/// the next `==` line and is folded to one paragraph, so it can be wrapped freely; `#` lines
/// before the text are comments.
public enum TemplateFile {
    /// Writes templates in name order, the text wrapped at 76 columns; `parse` reads it back equal.
    public static func write(_ templates: [ReplyTemplate]) -> String {
        var out = "# Lapor Desk reply templates (lapor template export).\n# Edit, then load with: lapor template import FILE\n"
        let names = "Placeholders: " + TemplateText.placeholders.map { "{\($0)}" }.joined(separator: " ")
        out += wrap(names, width: 74).map { "# " + $0 + "\n" }.joined()
        for t in templates.sorted(by: { $0.name < $1.name }) {
            out += "\n== \(t.name)\nlang: \(t.language.rawValue)\n"
            if !t.actions.isEmpty { out += "actions: \(t.actionList)\n" }
            if let agency = t.agencyCode { out += "agency: \(agency)\n" }
            out += "\n" + wrap(t.text, width: 76).joined(separator: "\n") + "\n"
        }
        return out
    }

    /// Reads every block, validating each; throws naming the line of the first problem.
    public static func parse(_ text: String) throws -> [ReplyTemplate] {
        var templates: [ReplyTemplate] = []
        var current: (name: String, line: Int, header: [String: String], body: [String], inBody: Bool)?
        func finish() throws {
            guard let block = current else { return }
            do {
                let language = try block.header["lang"].map { raw -> Language in
                    guard let l = Language(rawValue: raw.lowercased()) else {
                        throw LaporError.invalidArgument("lang must be id or en, not '\(raw)'.")
                    }
                    return l
                } ?? .id
                let actions = try ReplyTemplate.actions(from: block.header["actions"] ?? "")
                let agency = block.header["agency"].flatMap { $0.isEmpty ? nil : $0 }
                let template = ReplyTemplate(name: block.name, language: language, actions: actions, agencyCode: agency,
                                             text: block.body.joined(separator: " "))
                templates.append(try template.validated())
            } catch let error as LaporError {
                throw LaporError.invalidArgument("Line \(block.line): \(error.message(.en))")
            }
        }
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\r")))
            if line.hasPrefix("==") {
                try finish()
                let name = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
                if templates.contains(where: { $0.name == name }) {
                    throw LaporError.invalidArgument("Line \(index + 1): template \(name) appears twice in the file.")
                }
                current = (name, index + 1, [:], [], false)
                continue
            }
            guard var block = current else {
                guard line.isEmpty || line.hasPrefix("#") else {
                    throw LaporError.invalidArgument("Line \(index + 1): text before the first '== name' line.")
                }
                continue
            }
            if block.inBody {
                block.body.append(line)
            } else if line.isEmpty {
                block.inBody = true
            } else if line.hasPrefix("#") {
                // a comment among the header lines
            } else if let colon = line.firstIndex(of: ":"),
                      ["lang", "actions", "agency"].contains(line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()) {
                let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                block.header[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            } else {
                // No blank line after the header: the text starts here.
                block.inBody = true
                block.body.append(line)
            }
            current = block
        }
        try finish()
        return templates
    }

    /// Greedy word wrap that never starts a line with `==` or `#` (they would read as structure).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let structural = word.hasPrefix("==") || word.hasPrefix("#")
            if !line.isEmpty && line.count + 1 + word.count > width && !structural {
                lines.append(line)
                line = String(word)
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
