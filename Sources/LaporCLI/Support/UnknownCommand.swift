import ArgumentParser

/// The desk is the default command, so without this check `lapor lst` would start the desk with a
/// confusing usage error. A first word that names no command is refused with the closest name.
enum UnknownCommand {
    static var names: [String] {
        RootCommand.configuration.subcommands.map { $0.configuration.commandName ?? "" } + ["help"]
    }

    /// The message for an unknown first word, or nil when the arguments start with a command or an option.
    static func check(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !names.contains(first) else { return nil }
        let closest = names.min { distance($0, first) < distance($1, first) }
        let hint = closest.map { distance($0, first) <= max(2, first.count / 2) ? " Did you mean '\($0)'?" : "" } ?? ""
        return "Unknown command '\(first)'.\(hint) 'lapor --help' lists the commands."
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
