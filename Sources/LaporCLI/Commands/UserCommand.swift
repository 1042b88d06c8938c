import ArgumentParser
import LaporCore

/// `lapor user`: desk users and their roles.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage desk users and roles.",
                                                    subcommands: [UserAddCommand.self, UserListCommand.self])
}

/// `lapor user add LOGIN --role ROLE [--agency CODE]` (supervisor only).
struct UserAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a desk user (supervisor only).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Login name (the OS login, or what they pass to --as).") var login: String
    @Option(help: "operator, supervisor, agency or viewer.") var role: String
    @Option(help: "The agency an agency user speaks for.") var agency: String?
    @Option(help: "Full name.") var name: String = ""

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        guard let parsed = Role(rawValue: role), Role.assignable.contains(parsed) else {
            throw LaporError.invalidArgument("--role takes operator, supervisor, agency or viewer, not '\(role)'.")
        }
        let user = try ctx.writer.addUser(login: login, name: name, role: parsed, agency: agency, by: ctx.user, at: ctx.now)
        if ctx.json { try Output.json(["login": user.login, "role": user.role.rawValue]) }
        else { Output.line("✓ \(user.login) (\(user.role.rawValue))") }
    }
}

/// `lapor user list`.
struct UserListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List desk users.")
    @OptionGroup var common: CommonOptions

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        let codes = try ctx.agencyCodes()
        let users = try ctx.writer.users()
        if ctx.json {
            try Output.json(users.map { ["login": $0.login, "name": $0.name, "role": $0.role.rawValue,
                                         "agency": $0.agencyID.flatMap { codes[$0] } ?? NSNullValue] as [String: Any] })
            return
        }
        let l = ctx.language
        var table = Table([Strings.login.text(l), Strings.role.text(l), Strings.agency.text(l), Strings.name.text(l)], flexible: 3)
        for u in users { table.add([u.login, u.role.rawValue, u.agencyID.flatMap { codes[$0] } ?? "", u.name]) }
        Output.line(table.render(width: Output.width))
    }
}
