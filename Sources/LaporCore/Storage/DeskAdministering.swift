import Foundation

/// The supervisor's side of a desk on either engine: people, agencies, the SLA and incident
/// policies, holiday calendars, routing rules and reply templates. Every change is decided by
/// ``AdminFlow`` and audited; reads are each engine's own.
public protocol DeskAdministering: AnyObject {
    /// Makes `login` the first supervisor of a desk that has no people yet.
    func initialize(login: String, at now: Date) throws -> User
    func addUser(login: String, name: String, role: Role, agency agencyRef: String?, by actor: User,
                 at now: Date) throws -> User
    /// Every user, people first, by login.
    func users() throws -> [User]
    func addAgency(_ agency: Agency, by actor: User, at now: Date) throws -> Agency
    func mergeAgency(_ fromRef: String, into intoRef: String, by actor: User, at now: Date) throws -> AgencyMerge
    func policy() throws -> SLAPolicy
    func setPolicy(_ change: PolicyChange, by actor: User, at now: Date) throws -> SLAPolicy
    func incidentPolicy() throws -> IncidentPolicy
    func setIncidentPolicy(_ policy: IncidentPolicy, by actor: User, at now: Date) throws -> IncidentPolicy
    func calendarEntries(calendar: String?) throws -> [CalendarEntry]
    func importCalendar(_ entries: [CalendarEntry], by actor: User, at now: Date) throws -> (added: Int, changed: Int)
    func removeHoliday(_ day: Trend.Day, calendar: String, by actor: User, at now: Date) throws -> Bool
    func replaceRules(_ rules: [RoutingRule], by actor: User, at now: Date) throws
    func saveTemplate(_ template: ReplyTemplate, replacing: Bool, by actor: User, at now: Date) throws -> ReplyTemplate
    func removeTemplate(_ name: String, by actor: User, at now: Date) throws
    func importTemplates(_ templates: [ReplyTemplate], by actor: User, at now: Date) throws
        -> (added: Int, updated: Int, unchanged: Int)
    /// A template filled for one report, for `action`; `agency` names a route's target.
    func fillTemplate(_ name: String, action: LifecycleAction, report ref: String, agency agencyRef: String?,
                      by user: User, at now: Date) throws -> String
}

extension LaporStore: DeskAdministering {}
