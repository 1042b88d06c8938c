import Foundation
import Testing
import LaporTestSupport
@testable import LaporCLI
import LaporCore

/// Every role × every legal (state, action) through the `lapor` verbs: the command succeeds
/// exactly when domain.md's role table (``Permissions``) allows it, and is refused with exit 77
/// otherwise, changing nothing. The core has the same matrix in its own tests; this proves the
/// CLI adds no path around it.
@Suite(.serialized) struct RoleMatrixCommandTests {
    static let now = DeskZone.jakarta.date(year: 2026, month: 11, day: 23, hour: 9)!
    static let verbs: [LifecycleAction: String] = [
        .verify: "verify", .route: "route", .hold: "hold", .release: "release", .archive: "archive", .followUp: "follow-up",
        .returnReport: "return", .respond: "respond", .dispute: "dispute", .resolve: "resolve", .reopen: "reopen",
    ]

    /// Actions (as whom) that bring a new report routed to DLH into `state`.
    static func path(to state: ReportState) -> [(LifecycleAction, String, String?)] {
        let routed: [(LifecycleAction, String, String?)] = [(.route, "kabid", "DLH")]
        let inProgress = routed + [(.followUp, "pd.dlh", nil)]
        switch state {
        case .new: return []
        case .onHold: return [(.hold, "kabid", nil)]
        case .verified: return [(.verify, "kabid", nil)]
        case .dispositioned: return routed
        case .inProgress: return inProgress
        case .awaitingReporter: return inProgress + [(.respond, "pd.dlh", nil)]
        case .resolved: return inProgress + [(.resolve, "kabid", nil)]
        case .archived: return [(.archive, "kabid", nil)]
        case .objected: return []  // requests only; complaints never reach it
        }
    }

    @Test func eachRoleCanDoExactlyWhatTheTableSaysThroughTheCLI() throws {
        let db = TestDesk.location("roles")
        defer { TestDesk.remove(db) }
        let iso = DeskZone.jakarta.iso(Self.now)
        #expect(Capture.stdout { LaporCLI.run(["--db", db, "--as", "kabid", "--now", iso, "demo", "--seed", "1", "--days", "3"]) }.0 == 0)
        let store = try TestDesk.open(db)
        let logins = ["kabid": Role.supervisor, "op.sari": .operator, "pd.dlh": .agency, "pimpinan": .viewer]
        var users: [String: User] = [:]
        for login in logins.keys { users[login] = try store.user(login: login) }
        var checked = 0, serial = 0
        for state in ReportState.allCases {
            for action in Lifecycle.actions(from: state) where action != .autoClose {
                for (login, role) in logins.sorted(by: { $0.key < $1.key }) {
                    serial += 1
                    let tid = "ROLE\(serial)"
                    _ = try store.receive(Report(trackingID: tid, submittedAt: Self.now.addingTimeInterval(-3_600), title: "Uji peran",
                                                 body: "Isi", category: "Kebersihan"), by: users["kabid"]!, at: Self.now)
                    for (step, by, agency) in Self.path(to: state) {
                        _ = try store.perform(step, on: tid, by: users[by]!, at: Self.now, note: "jalan", agency: agency)
                    }
                    #expect(try store.report(tid, for: users["kabid"]!).state == state)
                    var arguments = ["--db", db, "--as", login, "--now", iso, Self.verbs[action]!, tid]
                    if action == .route { arguments += ["--to", "PUPR"] + (state == .dispositioned ? ["--reroute"] : []) }
                    if [.hold, .release, .followUp, .respond, .dispute, .resolve, .reopen].contains(action) { arguments += ["--note", "uji"] }
                    if [.archive, .returnReport].contains(action) { arguments += ["--reason", "uji"] }
                    let before = try store.audit(tid, for: users["kabid"]!).count
                    let code = Capture.stdout { LaporCLI.run(arguments) }.0
                    let allowed = Permissions.allows(role, action, from: state)
                    #expect(code == (allowed ? 0 : 77), "\(login) (\(role)) \(action) from \(state): exit \(code)")
                    #expect(try store.audit(tid, for: users["kabid"]!).count == before + (allowed ? 1 : 0), "\(login) \(action) from \(state)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 4 * 14)
    }
}
