import ArgumentParser
import Foundation
import LaporCore

/// `lapor group`: incidents, many reports about one thing handled once.
struct GroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "group", abstract: "Group reports into one incident (ID... --into PRIMARY), or propose groups (suggest).",
        subcommands: [GroupIntoCommand.self, GroupSuggestCommand.self], defaultSubcommand: GroupIntoCommand.self)
}

/// `lapor group ID... --into PRIMARY` (operators and supervisors; audited).
struct GroupIntoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "into",
                                                    abstract: "Put reports under PRIMARY as one incident (operators, supervisors).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking ids of the reports to put in the incident.") var ids: [String]
    @Option(help: "The primary report: actions on it reach every open member.") var into: String

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        let summary = try ctx.writer.group(ids, into: into, by: ctx.user, at: ctx.now)
        if ctx.json { return try Output.encode(["primary": summary.primary, "members": String(summary.members)]) }
        Output.line(ctx.language == .id
            ? "✓ insiden \(summary.primary): \(summary.members) laporan lain; aksi pada \(summary.primary) berlaku untuk semuanya"
            : "✓ incident \(summary.primary): \(summary.members) other reports; actions on \(summary.primary) reach them all")
    }
}

/// `lapor group suggest [--where EXPR] [--emerging] [--json]`: proposed incidents.
struct GroupSuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest", abstract: "Propose incidents among the filtered reports (default: open ones), or bursts arriving now.")
    @OptionGroup var common: CommonOptions
    @Option(name: .customLong("where"), help: "Filter expression (docs/filters.md).") var filter: String?
    @Flag(help: "Only bursts: at least the policy's count of similar reports within its hours, up to now.") var emerging = false

    /// The contract: `{"groups": [{"members": [...], "score": x, "reason": "..."}]}`.
    struct Document: Codable {
        struct Group: Codable {
            var members: [String]
            var score: Double
            var reason: String
        }
        var groups: [Group]
    }

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        let groups: [ProposedGroup]
        if emerging {
            if filter != nil { throw LaporError.invalidArgument("--emerging looks at the reports of the last hours; drop --where.") }
            groups = try ctx.reader.emergingGroups(now: ctx.now, for: ctx.user, language: ctx.language)
        } else {
            groups = try ctx.reader.proposedGroups(try ctx.filter(filter), for: ctx.user, language: ctx.language)
        }
        let document = Document(groups: groups.map { .init(members: $0.trackingIDs, score: $0.score, reason: $0.reason) })
        if ctx.json { return try Output.encode(document) }
        guard !groups.isEmpty else {
            return Output.line(ctx.language == .id ? "Tidak ada usulan insiden." : "No incidents to propose.")
        }
        for g in groups {
            Output.line("\(g.trackingIDs[0]) ← " + g.trackingIDs.dropFirst().joined(separator: " "))
            Output.line("   " + String(format: "%.2f", g.score) + "  " + g.reason)
            Output.line("   lapor group \(g.trackingIDs.dropFirst().joined(separator: " ")) --into \(g.trackingIDs[0])")
        }
    }
}

/// `lapor ungroup ID...`: take reports out of their incident (the primary: dissolve it).
struct UngroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ungroup", abstract: "Take reports out of their incident; the primary dissolves it (operators, supervisors).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking ids.") var ids: [String]

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        let out = try ctx.writer.ungroup(ids, by: ctx.user, at: ctx.now)
        if ctx.json { return try Output.encode(["ungrouped": out]) }
        Output.line("✓ " + (ctx.language == .id ? "dikeluarkan dari insiden: " : "out of their incident: ") + out.joined(separator: " "))
    }
}
