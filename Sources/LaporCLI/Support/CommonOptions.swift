import ArgumentParser

/// Options every command accepts, before or after the command name (see ``LaporCLI/normalise(_:)``).
public struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Database file (default: $LAPOR_DB, else ~/.local/share/lapor/lapor.sqlite).")
    public var db: String?

    @Option(name: .customLong("as"), help: "Act as this desk user (default: the OS login name).")
    public var actAs: String?

    @Option(name: .long, help: "Pretend the current time is this ISO 8601 instant (also $LAPOR_NOW).")
    public var now: String?

    @Option(name: .long, help: "Interface language: id or en (default from the locale).")
    public var lang: String?

    @Flag(name: .long, help: "Machine output: one JSON document on stdout.")
    public var json = false

    public init() {}

    /// Options that take a value, for moving them after the command name.
    static let valued: Set<String> = ["--db", "--as", "--now", "--lang"]
    static let flags: Set<String> = ["--json"]
}
