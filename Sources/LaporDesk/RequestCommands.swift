import LaporCore

/// The desk's `:` commands for information requests, which carry more than a note:
/// `:decide granted|partial|refused [GROUND] NOTE` and, on an objection, `:respond accepted|rejected NOTE`.
/// (`:extend NOTE` and `:object NOTE` are plain lifecycle commands.)
enum RequestCommands {
    static func decide(_ text: String, _ m: inout DeskModel) -> [DeskEffect] {
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first, let decision = RequestDecision.parse(first) else {
            return refuse(m.language, "Pakai: :decide granted|partial|refused [pasal17:x|not_held|not_documented] catatan",
                          "Use: :decide granted|partial|refused [pasal17:x|not_held|not_documented] note", &m)
        }
        words.removeFirst()
        var ground: RefusalGround?
        if decision != .granted, let next = words.first, let parsed = RefusalGround.parse(next) {
            ground = parsed
            words.removeFirst()
        }
        return DeskActions.perform(.decide, note: words.joined(separator: " "),
                                   detail: ActionDetail(decision: decision, ground: ground), &m)
    }

    static func answerObjection(_ text: String, _ m: inout DeskModel) -> [DeskEffect] {
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first, let outcome = ObjectionOutcome.parse(first) else {
            return refuse(m.language, "Jawaban keberatan: :respond accepted|rejected catatan",
                          "An objection's answer: :respond accepted|rejected note", &m)
        }
        words.removeFirst()
        return DeskActions.perform(.respond, note: words.joined(separator: " "), detail: ActionDetail(outcome: outcome), &m)
    }

    private static func refuse(_ l: Language, _ id: String, _ en: String, _ m: inout DeskModel) -> [DeskEffect] {
        m.message = DeskText.t(l, id, en)
        m.messageIsError = true
        return []
    }
}
