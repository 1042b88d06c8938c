import Foundation

/// The two interface languages; every string a person reads comes from a table keyed by it.
public enum Language: String, Sendable, CaseIterable, Codable {
    case id
    case en

    /// `--lang` wins; else `LC_ALL`, `LC_MESSAGES`, `LANG` in that order (`id*` → Indonesian).
    public static func resolve(flag: String?, environment: [String: String]) -> Language {
        if let flag, let language = Language(rawValue: flag.lowercased()) { return language }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("id") ? .id : .en
            }
        }
        return .en
    }
}
