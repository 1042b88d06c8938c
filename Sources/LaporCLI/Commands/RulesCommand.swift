import ArgumentParser
import Foundation
import LaporCore

/// `lapor rules list|import FILE|export`: routing rules as an editable CSV (kind,pattern,agency,weight,categories).
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "Routing rules: list, import FILE (replaces), export.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "list, import or export.") var verb: String = "list"
    @Argument(help: "The CSV file to import.") var file: String?

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        switch verb {
        case "list", "export":
            let rules = try ctx.writer.rules()
            if ctx.json {
                try Output.json(rules.map { ["kind": $0.kind.rawValue, "pattern": $0.pattern, "agency": $0.agencyCode, "weight": $0.weight,
                                             "categories": $0.categories] as [String: Any] })
                return
            }
            Output.line(CSVWriter.line(RoutingRule.header))
            for r in rules {
                Output.line(CSVWriter.line([r.kind.rawValue, r.pattern, r.agencyCode, String(r.weight), r.categories.joined(separator: "|")]))
            }
        case "import":
            guard let file else { throw LaporError.invalidArgument("rules import needs a FILE.") }
            let reader = try CSVReader(path: file)
            reader.detectDelimiter()
            guard let header = reader.next()?.fields.map({ $0.lowercased() }), header.starts(with: ["kind", "pattern", "agency"]) else {
                throw LaporError.inputUnreadable(path: file, reason: "the header must start with kind,pattern,agency")
            }
            var rules: [RoutingRule] = []
            while let record = reader.next() {
                let f = record.fields + ["", "", "", "", ""]
                guard let kind = RoutingRule.Kind(rawValue: f[0].trimmingCharacters(in: .whitespaces)), !f[1].isEmpty, !f[2].isEmpty else {
                    throw LaporError.inputUnreadable(path: file, reason: "line \(record.line): kind must be category, keyword or kecamatan, with a pattern and an agency")
                }
                let weight = f[3].isEmpty ? 1 : Double(f[3].replacingOccurrences(of: ",", with: "."))
                guard let weight, weight > 0 else { throw LaporError.inputUnreadable(path: file, reason: "line \(record.line): weight must be a positive number") }
                rules.append(RoutingRule(kind: kind, pattern: f[1], agencyCode: f[2], weight: weight,
                                         categories: f[4].split(separator: "|").map(String.init)))
            }
            try ctx.writer.replaceRules(rules, by: ctx.user, at: ctx.now)
            Output.line(ctx.language == .id ? "\(rules.count) aturan disimpan." : "\(rules.count) rules saved.")
        default:
            throw LaporError.invalidArgument("rules takes list, import FILE or export, not '\(verb)'.")
        }
    }
}
