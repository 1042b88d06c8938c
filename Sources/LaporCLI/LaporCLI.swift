import ArgumentParser
import Foundation
import LaporCore

/// The `lapor` executable's entry point: argument normalisation, dispatch, and exit codes of cli.md.
public enum LaporCLI {
    /// The desk's version (`lapor --version`).
    public static let version = "0.3.0"

    /// Runs the command line and exits with the contract's code.
    public static func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        exit(run(arguments))
    }

    /// Runs and returns the exit code (tests call this).
    public static func run(_ arguments: [String]) -> Int32 {
        let normalised = normalise(arguments)
        if normalised.first == "--version" {
            Output.line("lapor \(version)")
            return 0
        }
        if let unknown = UnknownCommand.check(normalised) {
            Output.error(unknown)
            return 2
        }
        do {
            var command = try RootCommand.parseAsRoot(normalised)
            try command.run()
            return 0
        } catch let error as LaporError {
            Output.error(error.message(Language.resolve(flag: languageFlag(arguments), environment: ProcessInfo.processInfo.environment)))
            return error.exitCode
        } catch let error as SilentExit {
            return error.code
        } catch let error as ExitCode {
            return error.rawValue
        } catch {
            let code = RootCommand.exitCode(for: error)
            let message = RootCommand.fullMessage(for: error)
            if code == .success {
                Output.line(message)
                return 0
            }
            Output.error(message)
            // ArgumentParser reports usage errors as 64; the contract says 2.
            return code == .validationFailure ? 2 : code.rawValue
        }
    }

    /// Moves common options given before the command name to after it, so `lapor --db X list`
    /// and `lapor list --db X` mean the same.
    static func normalise(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            let name = token.split(separator: "=", maxSplits: 1).first.map(String.init) ?? token
            if CommonOptions.valued.contains(name) {
                leading.append(token)
                if !token.contains("="), index + 1 < arguments.count { leading.append(arguments[index + 1]); index += 1 }
            } else if CommonOptions.flags.contains(token) {
                leading.append(token)
            } else {
                break
            }
            index += 1
        }
        let rest = Array(arguments[index...])
        if let terminator = rest.firstIndex(of: "--") {
            return Array(rest[..<terminator]) + leading + Array(rest[terminator...])
        }
        return rest + leading
    }

    private static func languageFlag(_ arguments: [String]) -> String? {
        if let i = arguments.firstIndex(of: "--lang"), i + 1 < arguments.count { return arguments[i + 1] }
        return arguments.first { $0.hasPrefix("--lang=") }.map { String($0.dropFirst(7)) }
    }
}

/// `lapor`: the root command; with no subcommand it opens the desk.
struct RootCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lapor",
        abstract: "Lapor Desk: a keyboard-driven desk for SP4N LAPOR!-style complaint handling.",
        subcommands: [
            DeskCommand.self, InitCommand.self, DemoCommand.self, ListCommand.self, ShowCommand.self,
            VerifyCommand.self, RouteCommand.self, HoldCommand.self, ReleaseCommand.self, ArchiveCommand.self,
            FollowUpCommand.self, ReturnCommand.self, RespondCommand.self, DisputeCommand.self, ResolveCommand.self,
            DecideCommand.self, ExtendCommand.self, ObjectCommand.self, PPIDCommand.self,
            ReopenCommand.self, SLACommand.self, SuggestCommand.self, RulesCommand.self, CalendarCommand.self,
            PolicyCommand.self, ImportCommand.self, ExportCommand.self, SampleExportCommand.self, UserCommand.self,
            AgencyCommand.self, TemplateCommand.self, SimilarCommand.self, GroupCommand.self, UngroupCommand.self,
            AuditCommand.self, StatsCommand.self, DbCommand.self,
        ],
        defaultSubcommand: DeskCommand.self
    )
}
