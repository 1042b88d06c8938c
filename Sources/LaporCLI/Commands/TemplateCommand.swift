import ArgumentParser
import Foundation
import LaporCore

/// `lapor template`: reply templates for notes and reasons (supervisors change them).
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template", abstract: "Reply templates for notes and reasons (list, show, add, edit, remove, import, export).",
        subcommands: [TemplateListCommand.self, TemplateShowCommand.self, TemplateAddCommand.self, TemplateEditCommand.self,
                      TemplateRemoveCommand.self, TemplateImportCommand.self, TemplateExportCommand.self])
}

/// One template in `--json` output.
struct TemplateJSON: Codable {
    var name: String
    var lang: String
    var actions: [String]
    var agency: String?
    var text: String

    init(_ t: ReplyTemplate) {
        name = t.name
        lang = t.language.rawValue
        actions = t.actions.map(\.rawValue)
        agency = t.agencyCode
        text = t.text
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(lang, forKey: .lang)
        try c.encode(actions, forKey: .actions)
        try c.encode(agency, forKey: .agency)
        try c.encode(text, forKey: .text)
    }
}

/// `lapor template list [--action A]`.
struct TemplateListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the templates you may use.")
    @OptionGroup var common: CommonOptions
    @Option(help: "Only those that fit this action (hold, archive, follow-up, return, respond, resolve, route, …).")
    var action: String?

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        let action = try self.action.map { try ReplyTemplate.actions(from: $0) }?.first
        let templates = try ctx.writer.templates(for: ctx.user, action: action)
        if ctx.json { return try Output.encode(templates.map(TemplateJSON.init)) }
        let en = ctx.language == .en
        var table = Table([en ? "Name" : "Nama", en ? "Lang" : "Bahasa", en ? "Actions" : "Aksi", en ? "Agency" : "Instansi",
                           en ? "Text" : "Teks"], flexible: 4)
        for t in templates {
            table.add([t.name, t.language.rawValue, t.actions.isEmpty ? (en ? "all" : "semua") : t.actionList,
                       t.agencyCode ?? "", t.text])
        }
        Output.line(table.render(width: Output.width))
    }
}

/// `lapor template show NAME [--report ID [--action A] [--to AGENCY]]`: the text, or filled for a report.
struct TemplateShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show",
                                                    abstract: "Show a template, or its text filled for a report (--report).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Template name.") var name: String
    @Option(help: "Fill it for this report (tracking id).") var report: String?
    @Option(help: "The action it is filled for (default: its first).") var action: String?
    @Option(help: "A route's target agency, for {instansi}.") var to: String?

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        let template = try ctx.writer.template(named: name, for: ctx.user)
        guard let report else {
            if ctx.json { return try Output.encode(TemplateJSON(template)) }
            return Output.line(TemplateFile.write([template]).split(separator: "\n").drop { $0.hasPrefix("#") || $0.isEmpty }
                .joined(separator: "\n"))
        }
        let chosen = try action.map { try ReplyTemplate.actions(from: $0) }?.first ?? template.actions.first ?? .hold
        let text = try ctx.writer.fillTemplate(name, action: chosen, report: report, agency: to, by: ctx.user, at: ctx.now)
        if ctx.json { return try Output.encode(["name": template.name, "report": report, "text": text]) }
        Output.line(Sanitizer.line(text))
    }
}

/// `lapor template add NAME --text TEXT [--actions a,b] [--agency CODE] [--lang id|en]` (supervisor); `--lang` is
/// the template's language.
struct TemplateAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a template (supervisor only; audited).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "One word: a-z, 0-9, - or _.") var name: String
    @Option(help: "The text, with placeholders such as {tracking_id} {judul} {instansi} {pelapor} {batas}.") var text: String
    @Option(help: "Actions it fits, comma-separated (default: every action with a note).") var actions: String = ""
    @Option(help: "Only this agency's liaisons (and the desk) see it.") var agency: String?

    /// The common `--lang` names the template's language too (default id): one flag, as the issue spells it.
    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        guard let language = Language(rawValue: common.lang ?? "id") else { throw LaporError.invalidArgument("--lang must be id or en.") }
        let template = ReplyTemplate(name: name, language: language, actions: try ReplyTemplate.actions(from: actions),
                                     agencyCode: agency, text: text)
        let saved = try ctx.writer.saveTemplate(template, replacing: false, by: ctx.user, at: ctx.now)
        if ctx.json { return try Output.encode(TemplateJSON(saved)) }
        Output.line("✓ \(saved.name)")
    }
}

/// `lapor template edit NAME [--text T] [--actions a,b] [--agency CODE|--shared] [--lang id|en]` (supervisor); a
/// `--lang` given changes the template's language.
struct TemplateEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a template (supervisor only; audited).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Template name.") var name: String
    @Option(help: "New text.") var text: String?
    @Option(help: "New actions, comma-separated (an empty string: every action).") var actions: String?
    @Option(help: "Make it this agency's own.") var agency: String?
    @Flag(help: "Make it shared by every agency.") var shared = false

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        var template = try ctx.writer.template(named: name, for: ctx.user)
        if let text { template.text = text }
        if let actions { template.actions = try ReplyTemplate.actions(from: actions) }
        if let agency { template.agencyCode = agency }
        if shared { template.agencyCode = nil }
        if let lang = common.lang {
            guard let language = Language(rawValue: lang) else { throw LaporError.invalidArgument("--lang must be id or en.") }
            template.language = language
        }
        let saved = try ctx.writer.saveTemplate(template, replacing: true, by: ctx.user, at: ctx.now)
        if ctx.json { return try Output.encode(TemplateJSON(saved)) }
        Output.line("✓ \(saved.name)")
    }
}

/// `lapor template remove NAME` (supervisor).
struct TemplateRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a template (supervisor only; audited).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Template name.") var name: String

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        try ctx.writer.removeTemplate(name, by: ctx.user, at: ctx.now)
        if ctx.json { return try Output.encode(["removed": name]) }
        Output.line("✓ \(name)")
    }
}

/// `lapor template import FILE` (supervisor): the file `export` writes, edited by hand.
struct TemplateImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Add and update templates from a file like export writes (supervisor only; all or nothing).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "The template file.") var file: String

    struct Summary: Codable {
        var added: Int
        var updated: Int
        var unchanged: Int
    }

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        guard FileManager.default.fileExists(atPath: file) else { throw LaporError.inputMissing(path: file) }
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            throw LaporError.inputUnreadable(path: file, reason: error.localizedDescription)
        }
        guard !bytes.contains(0) else { throw LaporError.inputUnreadable(path: file, reason: "binary data, not a template file") }
        var fellBack = false
        let text = TextDecoding.decode(bytes[...], fellBack: &fellBack)
        let templates: [ReplyTemplate]
        do {
            templates = try TemplateFile.parse(text)
        } catch let error as LaporError {
            throw LaporError.inputUnreadable(path: file, reason: error.message(.en))
        }
        let counts = try ctx.writer.importTemplates(templates, by: ctx.user, at: ctx.now)
        let summary = Summary(added: counts.added, updated: counts.updated, unchanged: counts.unchanged)
        if ctx.json { return try Output.encode(summary) }
        Output.line(ctx.language == .en
            ? "✓ templates: \(summary.added) added, \(summary.updated) updated, \(summary.unchanged) unchanged"
            : "✓ templat: \(summary.added) ditambah, \(summary.updated) diubah, \(summary.unchanged) tetap")
    }
}

/// `lapor template export [-o FILE]`: every template you may see, in the editable file format.
struct TemplateExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write the templates as an editable file.")
    @OptionGroup var common: CommonOptions
    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        let text = TemplateFile.write(try ctx.writer.templates(for: ctx.user, action: nil))
        guard let output else { return FileHandle.standardOutput.write(Data(text.utf8)) }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw LaporError.invalidArgument("Cannot write \(output): \(error.localizedDescription)")
        }
    }
}
