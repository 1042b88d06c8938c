import Testing
@testable import LaporCore

/// domain.md's role table as a matrix: which role may take which action from which state.
@Suite struct PermissionsTests {
    @Test func viewerMayDoNothing() {
        for action in LifecycleAction.allCases {
            for state in ReportState.allCases { #expect(!Permissions.allows(.viewer, action, from: state)) }
        }
    }

    @Test func operatorTriagesButDoesNotFollowUpOrReopen() {
        for action: LifecycleAction in [.verify, .route, .hold, .release, .dispute, .resolve] {
            #expect(Permissions.allows(.operator, action, from: .new), "\(action)")
        }
        for action: LifecycleAction in [.followUp, .returnReport, .respond, .reopen, .autoClose] {
            #expect(!Permissions.allows(.operator, action, from: .dispositioned), "\(action)")
        }
        #expect(Permissions.allows(.operator, .archive, from: .new))
        #expect(Permissions.allows(.operator, .archive, from: .onHold))
        for state: ReportState in [.verified, .dispositioned, .inProgress, .awaitingReporter] {
            #expect(!Permissions.allows(.operator, .archive, from: state), "operator archive from \(state)")
        }
    }

    @Test func supervisorAddsReopenAndArchiveFromAnyOpenState() {
        #expect(Permissions.allows(.supervisor, .reopen, from: .resolved))
        for state in ReportState.allCases where state.isOpen {
            #expect(Permissions.allows(.supervisor, .archive, from: state))
        }
        #expect(!Permissions.allows(.supervisor, .followUp, from: .dispositioned))
        #expect(Permissions.mayAdminister(.supervisor) && Permissions.mayReveal(.supervisor))
        for role: Role in [.operator, .agency, .viewer, .system] {
            #expect(!Permissions.mayAdminister(role) && !Permissions.mayReveal(role))
        }
    }

    @Test func agencyRecordsFollowUpReturnAndResponse() {
        for action: LifecycleAction in [.followUp, .returnReport, .respond, .resolve] {
            #expect(Permissions.allows(.agency, action, from: .dispositioned), "\(action)")
        }
        for action: LifecycleAction in [.verify, .route, .hold, .archive, .reopen] {
            #expect(!Permissions.allows(.agency, action, from: .new), "\(action)")
        }
    }

    @Test func systemOnlyAutoCloses() {
        #expect(Permissions.allows(.system, .autoClose, from: .awaitingReporter))
        #expect(LifecycleAction.allCases.filter { Permissions.allows(.system, $0, from: .awaitingReporter) } == [.autoClose])
    }

    @Test func agencyVisibilityIsItsOwnAgencyOnly() {
        let liaison = User(login: "pd.dlh", role: .agency, agencyID: 2)
        #expect(Visibility(user: liaison) == .agency(2))
        #expect(Visibility(user: liaison).allows(agencyID: 2))
        #expect(!Visibility(user: liaison).allows(agencyID: 3))
        #expect(!Visibility(user: liaison).allows(agencyID: nil))
        #expect(Visibility(user: User(login: "op", role: .operator)).allows(agencyID: nil))
    }

    /// Information requests: the PPID (operators, supervisors) and a PPID Pembantu (the liaison) decide
    /// and extend; objections are recorded and answered by the desk, never by the liaison; viewers nothing.
    @Test func requestStepsByRole() {
        for role: Role in [.operator, .supervisor, .agency] {
            #expect(Permissions.allows(role, .decide, from: .inProgress), "\(role) decide")
            #expect(Permissions.allows(role, .extend, from: .dispositioned), "\(role) extend")
        }
        for role: Role in [.operator, .supervisor] {
            #expect(Permissions.allows(role, .object, from: .resolved), "\(role) object")
            #expect(Permissions.allows(role, .respond, from: .objected), "\(role) answers the objection")
        }
        #expect(!Permissions.allows(.agency, .object, from: .resolved))
        #expect(!Permissions.allows(.agency, .respond, from: .objected))
        #expect(!Permissions.allows(.operator, .respond, from: .inProgress))
        for action: LifecycleAction in [.decide, .extend, .object] {
            #expect(!Permissions.allows(.viewer, action, from: .new))
            #expect(!Permissions.allows(.system, action, from: .new))
        }
    }
}
