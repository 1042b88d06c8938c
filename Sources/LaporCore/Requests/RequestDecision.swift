/// How a PPID decided an information request (UU 14/2008 Pasal 22 ayat 7).
public enum RequestDecision: String, Sendable, CaseIterable, Codable {
    case granted
    case partial
    case refused

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.granted, .id): "Dikabulkan"
        case (.granted, .en): "Granted"
        case (.partial, .id): "Dikabulkan sebagian"
        case (.partial, .en): "Partly granted"
        case (.refused, .id): "Ditolak"
        case (.refused, .en): "Refused"
        }
    }

    /// An id or a label word in either language: `granted`, `dikabulkan`, `sebagian`, `ditolak`.
    public static func parse(_ text: String) -> RequestDecision? {
        let t = text.lowercased().trimmingCharacters(in: .whitespaces)
        if let exact = RequestDecision(rawValue: t) { return exact }
        if t.hasPrefix("partly") || t.contains("sebagian") { return .partial }
        if t.hasPrefix("dikabul") || t.hasPrefix("diberi") { return .granted }
        if t.hasPrefix("ditolak") || t.hasPrefix("tolak") { return .refused }
        return nil
    }
}

/// The ground of a refusal (or of the part withheld): an exemption under Pasal 17 (with its letter,
/// a–j, when given), or information the body does not hold or has not yet documented (Pasal 22 ayat 7).
public enum RefusalGround: Sendable, Equatable, Hashable, Codable {
    case exempt(letter: Character?)
    case notHeld
    case notDocumented

    /// The stored id: `pasal17`, `pasal17:b`, `not_held`, `not_documented`.
    public var id: String {
        switch self {
        case .exempt(let letter): letter.map { "pasal17:\($0)" } ?? "pasal17"
        case .notHeld: "not_held"
        case .notDocumented: "not_documented"
        }
    }

    /// The ground as the annual report counts it (an exemption's letter aside).
    public var kind: String {
        if case .exempt = self { return "pasal17" }
        return id
    }

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.exempt(let l), .id): "Dikecualikan (Pasal 17" + (l.map { " huruf \($0)" } ?? "") + ")"
        case (.exempt(let l), .en): "Exempt (Article 17" + (l.map { "(\($0))" } ?? "") + ")"
        case (.notHeld, .id): "Tidak dikuasai"
        case (.notHeld, .en): "Not held"
        case (.notDocumented, .id): "Belum didokumentasikan"
        case (.notDocumented, .en): "Not yet documented"
        }
    }

    /// `pasal17`, `pasal17:b`, `17b`, `not_held`, `tidak_dikuasai`, `not_documented`, `belum_didokumentasikan`.
    public static func parse(_ text: String) -> RefusalGround? {
        let t = text.lowercased().filter { !$0.isWhitespace && $0 != "_" && $0 != "-" }
        for prefix in ["pasal17", "17", "exempt", "dikecualikan"] where t.hasPrefix(prefix) {
            var rest = t.dropFirst(prefix.count)
            if rest.hasPrefix(":") { rest = rest.dropFirst() }
            if rest.hasPrefix("huruf") { rest = rest.dropFirst(5) }
            if rest.isEmpty { return .exempt(letter: nil) }
            guard rest.count == 1, let letter = rest.first, ("a"..."j").contains(letter) else { return nil }
            return .exempt(letter: letter)
        }
        if t.hasPrefix("notheld") || t.hasPrefix("tidakdikuasai") { return .notHeld }
        if t.hasPrefix("notdocumented") || t.hasPrefix("notyetdocumented") || t.hasPrefix("belumdidokumentasikan") {
            return .notDocumented
        }
        return nil
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(id)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let ground = RefusalGround.parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown ground \(text)"))
        }
        self = ground
    }
}

/// The superior's answer to an objection: the objection upheld (the requester gets what was asked) or rejected.
public enum ObjectionOutcome: String, Sendable, CaseIterable, Codable {
    case accepted
    case rejected

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.accepted, .id): "Diterima"
        case (.accepted, .en): "Upheld"
        case (.rejected, .id): "Ditolak"
        case (.rejected, .en): "Rejected"
        }
    }

    public static func parse(_ text: String) -> ObjectionOutcome? {
        let t = text.lowercased().trimmingCharacters(in: .whitespaces)
        if let exact = ObjectionOutcome(rawValue: t) { return exact }
        if t.hasPrefix("uphe") || t.hasPrefix("diterima") || t.hasPrefix("dikabul") { return .accepted }
        if t.hasPrefix("reject") || t.hasPrefix("ditolak") { return .rejected }
        return nil
    }
}
