import ArgumentParser
import LaporCore

/// `lapor desk` (and plain `lapor`): the terminal desk.
struct DeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "desk", abstract: "The terminal desk (TUI).")
    @OptionGroup var common: CommonOptions

    func run() throws {
        throw LaporError.invalidArgument("The desk is being built; use the commands listed by 'lapor --help'.")
    }
}
