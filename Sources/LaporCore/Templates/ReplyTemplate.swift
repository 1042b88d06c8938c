/// A saved reply: the same courteous sentence an operator or liaison would otherwise type for
/// every report of a kind, with placeholders filled in for each report (`TemplateText`).
public struct ReplyTemplate: Sendable, Equatable, Codable {
    /// One word: lowercase letters, digits, `-` and `_` (what people type after `--template`).
    public var name: String
    public var language: Language
    /// The actions whose note or reason it fits; empty fits every action that takes a note.
    public var actions: [LifecycleAction]
    /// An agency's own template (only that agency's liaisons and the desk see it); nil is shared.
    public var agencyCode: String?
    /// One paragraph: runs of whitespace are folded to one space when it is saved.
    public var text: String

    public init(name: String, language: Language = .id, actions: [LifecycleAction] = [], agencyCode: String? = nil, text: String) {
        self.name = name
        self.language = language
        self.actions = actions
        self.agencyCode = agencyCode
        self.text = text
    }

    /// The actions a template may be written for: those that carry a note or a reason.
    public static let noteActions: [LifecycleAction] = [.route, .hold, .release, .archive, .followUp, .returnReport, .respond,
                                                         .dispute, .resolve, .reopen]

    /// Whether it fits `action` (empty `actions` fits all).
    public func fits(_ action: LifecycleAction) -> Bool {
        actions.isEmpty || actions.contains(action)
    }

    /// Checks the name, the actions and every placeholder; returns the template with its text
    /// folded to one paragraph, or throws naming what is wrong (and where, for a placeholder).
    public func validated() throws -> ReplyTemplate {
        var copy = self
        copy.name = name.trimmingCharacters(in: .whitespaces)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_")
        guard !copy.name.isEmpty, copy.name.count <= 40, copy.name.allSatisfy({ allowed.contains($0) }) else {
            throw LaporError.invalidArgument("Template name '\(name)' must be one word of a-z, 0-9, - or _ (at most 40).")
        }
        if let bad = actions.first(where: { !Self.noteActions.contains($0) }) {
            throw LaporError.invalidArgument("Template \(copy.name): \(bad.rawValue) takes no note, so no template fits it.")
        }
        copy.text = TemplateText.folded(text)
        guard !copy.text.isEmpty else { throw LaporError.invalidArgument("Template \(copy.name) has no text.") }
        guard !copy.text.hasPrefix("==") else {
            throw LaporError.invalidArgument("Template \(copy.name): the text may not begin with == (it marks a template in files).")
        }
        try TemplateText.validate(copy.text, template: copy.name)
        copy.actions = Self.noteActions.filter { actions.contains($0) }
        return copy
    }

    /// Parses `hold,follow-up,return` (the CLI's and the file's spelling) into actions.
    public static func actions(from list: String) throws -> [LifecycleAction] {
        try list.split(separator: ",").map { raw in
            let word = raw.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
            guard let action = LifecycleAction(rawValue: word) else {
                let known = noteActions.map { $0.rawValue.replacingOccurrences(of: "_", with: "-") }.joined(separator: ", ")
                throw LaporError.invalidArgument("Unknown action '\(raw)' for a template; use: \(known).")
            }
            return action
        }
    }

    /// `hold,follow-up` as people write it.
    public var actionList: String {
        actions.map { $0.rawValue.replacingOccurrences(of: "_", with: "-") }.joined(separator: ",")
    }
}

extension ReplyTemplate {
    /// The template `name` as `user` may use it: an agency's own template is seen by that agency's
    /// liaisons and by the desk, not by other agencies (who are told it does not exist).
    public static func pick(_ name: String, among stored: [(template: ReplyTemplate, agencyID: Int64?)],
                            for user: User) throws -> ReplyTemplate {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let found = stored.first(where: { $0.template.name == wanted }) else {
            throw LaporError.templateNotFound(name)
        }
        guard visible(found.agencyID, to: user) else { throw LaporError.templateNotFound(name) }
        return found.template
    }

    /// The templates `user` may use, by name; with `action`, only those that fit it.
    public static func usable(_ stored: [(template: ReplyTemplate, agencyID: Int64?)], for user: User,
                              action: LifecycleAction?) -> [ReplyTemplate] {
        stored.filter { visible($0.agencyID, to: user) && (action.map($0.template.fits) ?? true) }.map(\.template)
    }

    /// Shared templates are seen by everyone; an agency's own by the desk and that agency's liaisons.
    static func visible(_ agencyID: Int64?, to user: User) -> Bool {
        guard let agencyID, user.role == .agency else { return true }
        return user.agencyID == agencyID
    }
}
