import ArgumentParser
import LaporCore

/// `lapor policy [--set CLOCK=LIMIT] [--due-soon P] [--escalate-after N]`: view and change the SLA limits.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "policy", abstract: "View or change SLA limits (e.g. --set follow_up=48h).")
    @OptionGroup var common: CommonOptions
    @Option(help: "CLOCK=LIMIT, e.g. verification=3wd, resolution=60d, follow_up=48h (repeatable).") var set: [String] = []
    @Option(help: "Due-soon warning at this percentage of a limit.") var dueSoon: Int?
    @Option(help: "Escalate reports after this many bounces.") var escalateAfter: Int?
    @Option(help: "The desk's time zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT).") var zone: String?
    @Option(help: "Similar reports: days either side (default 3).") var similarDays: Int?
    @Option(help: "Emerging incident: N reports within H hours, as N/Hh (default 5/6h).") var emerging: String?

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        var changes: [PolicyChange] = []
        for item in set {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let clock = SLAClock(rawValue: parts[0]), let limit = SLALimit(parts[1]) else {
                throw LaporError.invalidArgument("--set takes CLOCK=LIMIT with CLOCK one of \(SLAClock.allCases.map(\.rawValue).joined(separator: ", ")) and LIMIT like 3wd, 60d or 48h, not '\(item)'.")
            }
            changes.append(.limit(clock, limit))
        }
        if let dueSoon {
            guard (1...99).contains(dueSoon) else { throw LaporError.invalidArgument("--due-soon takes 1 to 99.") }
            changes.append(.dueSoonPercent(dueSoon))
        }
        if let escalateAfter {
            guard escalateAfter >= 1 else { throw LaporError.invalidArgument("--escalate-after takes 1 or more.") }
            changes.append(.escalateAfterBounces(escalateAfter))
        }
        if let zone { changes.append(.timeZone(zone)) }
        if similarDays != nil || emerging != nil {
            var incidents = try ctx.writer.incidentPolicy()
            if let similarDays { incidents.windowDays = similarDays }
            if let emerging {
                let parts = emerging.lowercased().split(separator: "/")
                guard parts.count == 2, let n = Int(parts[0]), let h = Int(parts[1].hasSuffix("h") ? parts[1].dropLast() : parts[1]) else {
                    throw LaporError.invalidArgument("--emerging takes N/Hh, e.g. 5/6h (5 similar reports within 6 hours), not '\(emerging)'.")
                }
                incidents.emergingCount = n
                incidents.emergingHours = h
            }
            try ctx.writer.setIncidentPolicy(incidents, by: ctx.user, at: ctx.now)
        }
        let incidents = try ctx.writer.incidentPolicy()
        var policy = try ctx.writer.policy()
        let before = policy
        for change in changes { policy = try ctx.writer.setPolicy(change, by: ctx.user, at: ctx.now) }
        if !ctx.json {
            for clock in SLAClock.allCases where before.limit(clock) != policy.limit(clock) {
                Output.line("✓ \(clock.rawValue): \(before.limit(clock).text(ctx.language)) → \(policy.limit(clock).text(ctx.language))")
            }
            if before.dueSoonPercent != policy.dueSoonPercent {
                Output.line("✓ due_soon_percent: \(before.dueSoonPercent) % → \(policy.dueSoonPercent) %")
            }
            if before.escalateAfterBounces != policy.escalateAfterBounces {
                Output.line("✓ escalate_after_bounces: \(before.escalateAfterBounces) → \(policy.escalateAfterBounces)")
            }
            if !changes.isEmpty {
                Output.line(ctx.language == .id ? "Tenggat laporan terbuka dihitung ulang.\n" : "Open deadlines recomputed.\n")
            }
        }
        if ctx.json {
            var limits: [String: String] = [:]
            for clock in SLAClock.allCases { limits[clock.rawValue] = policy.limit(clock).description }
            try Output.json(["limits": limits, "due_soon_percent": policy.dueSoonPercent, "escalate_after_bounces": policy.escalateAfterBounces,
                             "similar_days": incidents.windowDays, "emerging_count": incidents.emergingCount,
                             "emerging_hours": incidents.emergingHours])
            return
        }
        for clock in SLAClock.allCases {
            Output.line("\(DisplayWidth.pad(clock.rawValue, to: 14)) \(DisplayWidth.pad(policy.limit(clock).description, to: 6)) \(policy.limit(clock).text(ctx.language))")
        }
        Output.line("due_soon_percent \(policy.dueSoonPercent) %")
        Output.line("escalate_after_bounces \(policy.escalateAfterBounces)")
        Output.line("similar_days ±\(incidents.windowDays)")
        Output.line("emerging \(incidents.emergingCount)/\(incidents.emergingHours)h")
    }
}
