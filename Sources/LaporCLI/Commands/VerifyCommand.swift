import ArgumentParser
import LaporCore

/// `lapor verify`: Verify reports (new → verified).
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Verify reports (new → verified).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id) of each report.") var ids: [String]

    func run() throws {
        try LifecycleRunner.run(.verify, ids: ids, common: common)
    }
}
