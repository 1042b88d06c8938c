import LaporCore

/// Action keys of the queue and detail: each becomes a core call through an effect, the same
/// call the CLI makes, so roles, transitions and the audit trail are identical.
enum DeskActions {
    static func key(_ key: Key, _ m: inout DeskModel) -> [DeskEffect] {
        switch key {
        case .char("v"): return perform(.verify, note: "", &m)
        case .char("c"): return perform(.resolve, note: "", &m)
        case .char("r"):
            // Suggestions for what is being routed: the first tagged report after `;`, else the cursor's.
            guard let id = m.applyToTagged ? m.tagged.min() : m.cursorRow?.id else { return [] }
            m.picker = AgencyPicker(agencies: [], loading: true)
            return [.loadPicker(id: id)]
        case .char("h"): return ask(.hold, &m)
        case .char("a"): return ask(.archive, &m)
        case .char("f"): return ask(.followUp, &m)
        case .char("b"): return ask(.returnReport, &m)
        case .char("u"):
            guard let last = m.undoStack.last else {
                m.message = DeskText.t(m.language, "Tidak ada aksi untuk dibatalkan.", "Nothing to undo."); m.messageIsError = true
                return []
            }
            return [.undo(auditIDs: last)]
        case .char("t"):
            guard let row = m.cursorRow else { return [] }
            if m.tagged.contains(row.id) { m.tagged.remove(row.id) } else { m.tagged.insert(row.id) }
            return DeskUpdate.move(to: m.cursor + 1, &m)
        case .char("T"):
            m.prompt = Prompt(kind: .tagPattern)
            return []
        case .char(";"):
            guard !m.tagged.isEmpty else {
                m.message = DeskText.t(m.language, "Belum ada yang ditandai (t / T).", "Nothing is tagged (t / T)."); m.messageIsError = true
                return []
            }
            m.applyToTagged = true
            m.message = DeskText.t(m.language, "; aksi berikut untuk \(m.tagged.count) laporan bertanda", "; next action applies to \(m.tagged.count) tagged reports")
            return []
        case .char("l"):
            // A trailing space, so typing adds a term instead of extending the last word.
            m.prompt = Prompt(kind: .limit, text: m.refusedLimit ?? (m.limit.isEmpty ? "" : m.limit + " "))
            m.refusedLimit = nil
            return []
        case .char("/"):
            m.prompt = Prompt(kind: .search)
            return []
        case .char("n"), .char("N"):
            guard !m.lastSearch.isEmpty else { return [] }
            m.searchFrom = m.cursor
            m.searchForward = key == .char("n")
            return [.search(filter: m.lastSearch, from: m.cursor, forward: key == .char("n"), limit: m.limit, showMembers: m.showMembers)]
        case .char(":"):
            m.prompt = Prompt(kind: .command)
            return []
        case .char("M"):
            // Group under the report at the cursor: the tagged reports, else the similar ones it links to.
            guard let row = m.cursorRow else { return [] }
            let ids = m.tagged.subtracting([row.id])
            m.tagged.removeAll()
            m.applyToTagged = false
            // The queue then shows the incident, its primary (the report at the cursor) among them.
            m.limit = "~g \(row.trackingID)"
            m.cursor = 0; m.top = 0; m.rows = []; m.windowStart = 0
            return [.group(ids: ids.isEmpty ? nil : ids.sorted(), into: row.id)]
        case .char("i"):
            m.showMembers.toggle()
            m.message = m.showMembers
                ? DeskText.t(m.language, "Anggota insiden ditampilkan (i menyembunyikan)", "Incident members shown (i hides them)")
                : DeskText.t(m.language, "Anggota insiden disembunyikan di balik laporan utama", "Incident members hidden behind their primary")
            return DeskUpdate.reloadFromTop(&m)
        case .char("E"):
            // The emerging burst as a limit: its reports tagged, the queue limited to the tagged.
            guard let burst = m.emerging.first else {
                m.message = DeskText.t(m.language, "Tidak ada lonjakan laporan serupa saat ini.", "No burst of similar reports now.")
                return []
            }
            m.tagged.formUnion(burst.ids)
            m.showMembers = true
            m.limit = "~t"
            m.message = burst.reason
            return DeskUpdate.reloadFromTop(&m)
        default:
            return []
        }
    }

    static func ask(_ action: LifecycleAction, _ m: inout DeskModel) -> [DeskEffect] {
        guard m.cursorRow != nil || m.applyToTagged else { return [] }
        m.prompt = Prompt(kind: .note(action))
        return []
    }

    /// The reports the next action applies to: every tagged one after `;`, else the cursor's.
    static func targets(_ m: DeskModel) -> [(Int64, Int)] {
        if m.applyToTagged {
            let versions = Dictionary(uniqueKeysWithValues: m.rows.map { ($0.id, $0.version) })
            // A version of 0 means "not on screen": the core then checks only the transition.
            return m.tagged.sorted().map { ($0, versions[$0] ?? 0) }
        }
        guard let row = m.cursorRow else { return [] }
        return [(row.id, row.version)]
    }

    static func perform(_ action: LifecycleAction, note: String, agency: String? = nil, fillLanguage: Language? = nil,
                        detail: ActionDetail = .none, _ m: inout DeskModel) -> [DeskEffect] {
        let targets = targets(m)
        guard !targets.isEmpty else { return [] }
        if m.applyToTagged { m.tagged.removeAll() }
        m.applyToTagged = false
        m.message = DeskText.t(m.language, "…", "…")
        return [.perform(ActionRequest(action: action, targets: targets, note: note, agency: agency, fillLanguage: fillLanguage,
                                       detail: detail))]
    }
}
