/// The placeholders of a reply template: checked when it is saved, filled for each report.
/// `{{` and `}}` write a literal brace.
public enum TemplateText {
    /// Every placeholder, with its English alias where it has one.
    public static let placeholders: [String] = ["tracking_id", "judul", "title", "instansi", "agency", "kategori",
                                                "category", "tanggal", "date", "batas", "deadline", "pelapor",
                                                "reporter", "operator"]

    /// Folds whitespace runs (newlines included) to one space: a note is one paragraph.
    public static func folded(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    /// Refuses an unknown or unclosed placeholder, naming it and its column (1-based, in characters).
    public static func validate(_ text: String, template: String) throws {
        for token in tokens(text) {
            guard case let .placeholder(name, column, closed) = token else { continue }
            guard closed else {
                throw LaporError.invalidArgument("Template \(template): the placeholder at column \(column) has no closing }.")
            }
            guard placeholders.contains(name) else {
                let known = placeholders.map { "{\($0)}" }.joined(separator: " ")
                throw LaporError.invalidArgument(
                    "Template \(template): unknown placeholder {\(name)} at column \(column); known: \(known).")
            }
        }
    }

    /// The text with each known placeholder replaced by its value; unknown ones stay as written,
    /// so an edited note is never refused at the last step.
    public static func fill(_ text: String, with values: TemplateValues) -> String {
        var out = ""
        for token in tokens(text) {
            switch token {
            case .literal(let s):
                out += s
            case let .placeholder(name, _, closed):
                if closed, let value = values.value(for: name) {
                    out += value
                } else {
                    out += "{" + name + (closed ? "}" : "")
                }
            }
        }
        return out
    }

    enum Token: Equatable {
        case literal(String)
        case placeholder(String, column: Int, closed: Bool)
    }

    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var literal = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if (c == "{" || c == "}") && i + 1 < chars.count && chars[i + 1] == c {
                literal.append(c)
                i += 2
                continue
            }
            guard c == "{" else {
                literal.append(c)
                i += 1
                continue
            }
            if !literal.isEmpty { tokens.append(.literal(literal)); literal = "" }
            var j = i + 1
            var name = ""
            while j < chars.count, chars[j] != "}", chars[j] != "{", !chars[j].isWhitespace {
                name.append(chars[j])
                j += 1
            }
            let closed = j < chars.count && chars[j] == "}"
            tokens.append(.placeholder(name.lowercased(), column: i + 1, closed: closed))
            i = closed ? j + 1 : j
        }
        if !literal.isEmpty { tokens.append(.literal(literal)) }
        return tokens
    }
}

extension TemplateText {
    /// A template's text filled for one report `user` may see; `agencyName` is a route's target
    /// or the report's own agency.
    public static func fill(_ text: String, for report: Report, agencyName: String?, by user: User, zone: DeskZone,
                            language: Language) throws -> String {
        guard Visibility(user: user).allows(agencyID: report.agencyID) else {
            throw LaporError.notVisible(login: user.login, trackingID: report.trackingID)
        }
        let values = TemplateValues(report: report, agencyName: agencyName, operatorName: user.name, zone: zone,
                                    language: language)
        return fill(text, with: values)
    }
}
