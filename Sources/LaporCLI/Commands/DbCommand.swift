import ArgumentParser

/// `lapor db`: moving a desk between stores and checking one.
struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Copy a desk between stores; check a store.",
        subcommands: [DbCopyCommand.self, DbCheckCommand.self])
}
