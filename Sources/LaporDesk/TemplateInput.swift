import LaporCore

/// The reply-template picker over a note prompt: Ctrl-T lists the templates that fit the action
/// and the report, Ctrl-R takes the one last used for the action. The chosen text goes into the
/// prompt filled for the report (or unfilled for several reports, each filled when sent).
enum TemplateInput {
    static func open(_ action: LifecycleAction, last: Bool, _ m: inout DeskModel) -> [DeskEffect] {
        var picker = TemplatePicker(action: action)
        if last {
            guard let name = m.lastTemplate[action] else {
                m.message = DeskText.t(m.language, "Belum ada templat terakhir untuk aksi ini; Ctrl-T memilih.",
                                       "No template used for this action yet; Ctrl-T chooses one.")
                m.messageIsError = true
                return []
            }
            picker.acceptOnLoad = name
        }
        let several = m.applyToTagged && m.tagged.count > 1
        guard let id = m.applyToTagged ? m.tagged.min() : m.cursorRow?.id else { return [] }
        m.templatePicker = picker
        return [.loadTemplates(action: action, id: id, agency: m.prompt?.agency, filled: !several)]
    }

    /// Orders the list: the last used first, then the desk's language, then by name.
    static func loaded(_ choices: [TemplateChoice], perReport: Bool = false, _ m: inout DeskModel) -> [DeskEffect] {
        guard var picker = m.templatePicker, picker.loading else { return [] }
        picker.perReport = perReport
        let last = m.lastTemplate[picker.action]
        picker.entries = choices.sorted { a, b in
            let ka = (a.name == last ? 0 : 1, a.language == m.language ? 0 : 1, a.name)
            let kb = (b.name == last ? 0 : 1, b.language == m.language ? 0 : 1, b.name)
            return ka < kb
        }
        picker.loading = false
        m.templatePicker = picker
        guard let wanted = picker.acceptOnLoad else { return [] }
        if let i = picker.visible.firstIndex(where: { $0.name == wanted }) {
            m.templatePicker?.selected = i
        } else if !wanted.isEmpty {
            // The last template is gone (removed, or not for this report): the list stays open.
            m.templatePicker?.acceptOnLoad = nil
            return []
        }
        return key(.enter, &m)
    }

    static func key(_ key: Key, _ m: inout DeskModel) -> [DeskEffect] {
        guard var picker = m.templatePicker else { return [] }
        if picker.navigate(key) {
            m.templatePicker = picker
            return []
        }
        switch key {
        case .esc:
            m.templatePicker = nil
            return []
        case .enter where picker.loading:
            picker.acceptOnLoad = picker.acceptOnLoad ?? ""
        case .enter:
            let visible = picker.visible
            m.templatePicker = nil
            guard picker.selected < visible.count else {
                m.message = DeskText.t(m.language, "Tidak ada templat yang cocok.", "No template matches."); m.messageIsError = true
                return []
            }
            let choice = visible[picker.selected]
            m.lastTemplate[picker.action] = choice.name
            DeskInput.insert(choice.text, &m)
            if picker.perReport || (m.applyToTagged && m.tagged.count > 1) { m.prompt?.fillLanguage = choice.language }
            return []
        default:
            break
        }
        m.templatePicker = picker
        return []
    }
}
