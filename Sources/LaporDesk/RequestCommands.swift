import LaporCore

/// The desk's `:` commands for information requests, which carry more than a note:
/// `:decide granted|partial|refused [GROUND] NOTE` and, on an objection, `:respond accepted|rejected NOTE`.
/// (`:extend NOTE` and `:object NOTE` are plain lifecycle commands.)
enum RequestCommands {
    static func decide(_ text: String, _ m: inout DeskModel) -> [DeskEffect] {
        guard let (decision, rest) = leading(text, RequestDecision.parse) else {
            return refuse(m.language, "Pakai: :decide granted|partial|refused [pasal17:x|not_held|not_documented] catatan",
                          "Use: :decide granted|partial|refused [pasal17:x|not_held|not_documented] note", &m)
        }
        let grounded = decision == .granted ? nil : leading(rest, RefusalGround.parse)
        return DeskActions.perform(.decide, note: grounded?.1 ?? rest,
                                   detail: ActionDetail(decision: decision, ground: grounded?.0), &m)
    }

    static func answerObjection(_ text: String, _ m: inout DeskModel) -> [DeskEffect] {
        guard let (outcome, note) = leading(text, ObjectionOutcome.parse) else {
            return refuse(m.language, "Jawaban keberatan: :respond accepted|rejected catatan",
                          "An objection's answer: :respond accepted|rejected note", &m)
        }
        return DeskActions.perform(.respond, note: note, detail: ActionDetail(outcome: outcome), &m)
    }

    /// The first word read by `parse`, and the words after it; nil when the first word is not one.
    private static func leading<T>(_ text: String, _ parse: (String) -> T?) -> (T, String)? {
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first, let value = parse(first) else { return nil }
        words.removeFirst()
        return (value, words.joined(separator: " "))
    }

    private static func refuse(_ l: Language, _ id: String, _ en: String, _ m: inout DeskModel) -> [DeskEffect] {
        m.message = DeskText.t(l, id, en)
        m.messageIsError = true
        return []
    }
}
