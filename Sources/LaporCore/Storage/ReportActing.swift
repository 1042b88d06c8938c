import Foundation

/// What the lifecycle commands need beside reading, answered by both engines: one action on a
/// report (and an incident's members) in one transaction, and the reply templates it may fill.
public protocol ReportActing: ReportReading {
    /// The action decided by ``ActionFlow``; `expectedVersion` refuses it if someone else changed
    /// the report since it was read (``LaporError/staleReport(trackingID:)``).
    func act(_ action: LifecycleAction, on ref: String, by user: User, at now: Date, note: String,
             agency agencyRef: String?, expectedVersion: Int?, fill: Language?,
             detail: ActionDetail) throws -> ActionResult
    /// The reply template `name` as `user` may use it.
    func template(named name: String, for user: User) throws -> ReplyTemplate
    /// Auto-closes reports whose auto-close countdown ran out and escalates reports that bounced at
    /// least the policy's threshold (once per bounce count), each as one audit record by `sistem`.
    func applyDueActions(now: Date) throws -> AutomationResult
}

extension LaporStore: ReportActing {}
