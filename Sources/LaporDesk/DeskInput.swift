import LaporCore

/// Typing at the bottom line: limits, searches, notes and reasons, `:` commands, and the route picker.
enum DeskInput {
    static func prompt(_ key: Key, _ m: inout DeskModel) -> [DeskEffect] {
        guard var prompt = m.prompt else { return [] }
        var chars = Array(prompt.text)
        var caret = prompt.caretIndex
        switch key {
        case .esc:
            m.prompt = nil
            return []
        case .enter:
            m.prompt = nil
            return submit(prompt, &m)
        case .ctrl("t"), .ctrl("r"):
            guard case .note(let action) = prompt.kind else { return [] }
            return TemplateInput.open(action, last: key == .ctrl("r"), &m)
        case .char(let c):
            if case .note(.archive) = prompt.kind, prompt.text.isEmpty, let reason = DeskText.archiveReason(c, m.language) {
                m.prompt = nil
                return DeskActions.perform(.archive, note: reason, &m)
            }
            chars.insert(c, at: caret)
            caret += 1
        case .backspace, .delete:
            guard caret > 0 else { return [] }
            chars.remove(at: caret - 1)
            caret -= 1
        case .ctrl("w"):
            // The word before the caret, and the spaces after it.
            var start = caret
            while start > 0 && chars[start - 1] == " " { start -= 1 }
            while start > 0 && chars[start - 1] != " " { start -= 1 }
            chars.removeSubrange(start..<caret)
            caret = start
        case .ctrl("u"):
            chars = []
            caret = 0
        case .left: caret = max(0, caret - 1)
        case .right: caret = min(chars.count, caret + 1)
        case .home, .ctrl("a"): caret = 0
        case .end, .ctrl("e"): caret = chars.count
        default:
            return []
        }
        prompt.text = String(chars)
        prompt.caret = caret == chars.count ? nil : caret
        m.prompt = prompt
        return []
    }

    /// Puts `text` at the caret of the open prompt (a chosen template), leaving it editable.
    static func insert(_ text: String, _ m: inout DeskModel) {
        guard var prompt = m.prompt else { return }
        var chars = Array(prompt.text)
        let caret = prompt.caretIndex
        let before = caret > 0 && chars[caret - 1] != " " ? " " : ""
        chars.insert(contentsOf: Array(before + text), at: caret)
        let end = caret + before.count + text.count
        prompt.text = String(chars)
        prompt.caret = end == chars.count ? nil : end
        m.prompt = prompt
    }

    static func submit(_ prompt: Prompt, _ m: inout DeskModel) -> [DeskEffect] {
        let text = prompt.text.trimmingCharacters(in: .whitespaces)
        switch prompt.kind {
        case .limit:
            // Checked before anything changes: a refused limit leaves the old one and the screen as they were.
            let text = text.trimmingCharacters(in: .whitespaces)
            do {
                _ = try FilterParser.parse(text)
            } catch {
                m.refusedLimit = text
                m.message = error.text(m.language) + DeskText.t(m.language, " — l untuk memperbaiki", " — l to correct it")
                m.messageIsError = true
                return []
            }
            m.limit = text
            return DeskUpdate.reloadFromTop(&m)
        case .search:
            guard !text.isEmpty else { return [] }
            m.lastSearch = text
            m.searchFrom = m.cursor
            m.searchForward = true
            return [.search(filter: text, from: m.cursor, forward: true, limit: m.limit, showMembers: m.showMembers)]
        case .tagPattern:
            guard !text.isEmpty else { return [] }
            return [.tagMatching(filter: text, limit: m.limit, showMembers: m.showMembers)]
        case .note(let action):
            return DeskActions.perform(action, note: text, agency: prompt.agency, fillLanguage: prompt.fillLanguage, &m)
        case .command:
            return command(text, &m)
        }
    }

    /// `:verify`, `:route PUPR`, `:hold …`, `:archive …`, `:follow-up …`, `:return …`, `:respond …`,
    /// `:resolve`, `:reopen`, `:limit …`, `:quit`; for information requests `:decide`, `:extend …`, `:object …`.
    static func command(_ line: String, _ m: inout DeskModel) -> [DeskEffect] {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard let verb = parts.first?.lowercased() else { return [] }
        let rest = parts.count > 1 ? parts[1] : ""
        switch verb {
        case "q", "quit", "keluar":
            m.quitting = true
            return [.quit]
        case "limit", "l":
            return submit(Prompt(kind: .limit, text: rest), &m)
        case "route", "disposisi":
            guard !rest.isEmpty else { return [.loadPicker(id: m.cursorRow?.id ?? 0)] }
            return DeskActions.perform(.route, note: "", agency: rest, &m)
        case "follow-up", "followup":
            return DeskActions.perform(.followUp, note: rest, &m)
        case "return":
            return DeskActions.perform(.returnReport, note: rest, &m)
        case "decide", "putuskan":
            return RequestCommands.decide(rest, &m)
        case "respond" where m.cursorRow?.state == .objected:
            return RequestCommands.answerObjection(rest, &m)
        default:
            if let action = LifecycleAction(rawValue: verb.replacingOccurrences(of: "-", with: "_")), action != .autoClose {
                return DeskActions.perform(action, note: rest, &m)
            }
            m.message = DeskText.t(m.language, "Perintah tidak dikenal: \(verb) (lihat ?)", "Unknown command: \(verb) (see ?)")
            m.messageIsError = true
            return []
        }
    }

    static func picker(_ key: Key, _ m: inout DeskModel) -> [DeskEffect] {
        guard var picker = m.picker else { return [] }
        if picker.navigate(key) {
            m.picker = picker
            return []
        }
        switch key {
        case .esc:
            m.picker = nil
            return []
        case .ctrl("t") where !picker.loading:
            // A note for the agency chosen, from a template: the route happens when the note is sent.
            let visible = picker.visible
            guard picker.selected < visible.count else { return [] }
            m.picker = nil
            m.prompt = Prompt(kind: .note(.route), agency: visible[picker.selected].code)
            return TemplateInput.open(.route, last: false, &m)
        case .enter where picker.loading:
            picker.acceptOnLoad = true
        case .enter:
            let visible = picker.visible
            m.picker = nil
            guard picker.selected < visible.count else { return [] }
            return DeskActions.perform(.route, note: "", agency: visible[picker.selected].code, &m)
        default:
            break
        }
        m.picker = picker
        return []
    }
}
