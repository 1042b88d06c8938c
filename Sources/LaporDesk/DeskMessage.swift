import Foundation
import LaporCore

/// What happens to the desk: a key, a resize, data arriving, the clock ticking.
public enum DeskMessage: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case tick(Date)
    /// Another process (or this one) changed the database.
    case databaseChanged
    case windowLoaded(WindowResult)
    case detailLoaded(ReportDetail)
    case pickerLoaded(AgencyPicker)
    /// Templates for the open note prompt; `perReport`: unfilled, to be filled for each report reached.
    case templatesLoaded([TemplateChoice], perReport: Bool)
    case emergingLoaded([EmergingBurst])
    case actionsFinished(ActionOutcome)
    case searchFound(index: Int?, filter: String)
    case boardLoaded([BoardRow])
    case trendLoaded(TrendPanel)
    case slaLoaded([SLAGroup], [BouncedLine])
    case taggedFound([Int64])
    /// Exact counts for a limit, after the window showed quick ones.
    case countsLoaded(WindowCounts)
    case failed(String)
    /// A line for the status bar from outside the desk (the demo loading in the background).
    case note(String)
}

/// Work the desk asks for, as data: the runtime performs it against LaporCore and answers with messages.
public enum DeskEffect: Sendable, Equatable {
    case loadWindow(WindowRequest)
    case loadDetail(id: Int64)
    case loadPicker(id: Int64)
    /// The templates fitting `action`, filled for report `id` (raw when `filled` is false).
    case loadTemplates(action: LifecycleAction, id: Int64, agency: String?, filled: Bool)
    /// Train the suggestion model ahead of the first route.
    case warmUp
    case perform(ActionRequest)
    /// Put `ids` (nil: the reports linked to `into` by similarity) under `into` as one incident.
    case group(ids: [Int64]?, into: Int64)
    /// Look for bursts arriving now.
    case checkEmerging
    case undo(auditIDs: [Int64])
    case search(filter: String, from: Int, forward: Bool, limit: String, showMembers: Bool = false)
    case loadBoard
    case loadTrend(Trend.Bucket, rangeDays: Int?)
    case loadSLA
    case tagMatching(filter: String, limit: String, showMembers: Bool = false)
    /// Count a limit's reports and overdue reports up to the runtime's full cap.
    case countWindow(limit: String, tagged: Set<Int64>, showMembers: Bool = false)
    case quit
}

public struct WindowRequest: Sendable, Equatable {
    public var limit: String
    public var tagged: Set<Int64>
    /// Show incident members (else only primaries and reports outside incidents).
    public var showMembers = false
    /// Absolute index of the first row wanted.
    public var start: Int
    public var count: Int
    /// Keep the cursor on this report if it is still in the result.
    public var keepID: Int64?
    public var cursor: Int
    /// Count the limit again (it changed, or the data did); scrolling reuses the counts it has.
    public var recount = true
}

public struct WindowResult: Sendable, Equatable {
    public var start: Int
    public var rows: [QueueRow]
    public var total: Int
    public var cursor: Int
    public var limit: String
    /// The total stopped at the quick cap: there are at least this many.
    public var totalIsCapped = false
    /// Whether the total was counted (quickly) for this result; false when scrolling. A counted
    /// result is followed by exact counts, overdue included, with `.countsLoaded`.
    public var counted = true
}

/// A limit's counts: reports and overdue reports, each possibly stopped at a cap.
public struct WindowCounts: Sendable, Equatable {
    public var limit: String
    public var total: Int
    public var totalIsCapped: Bool
    public var overdue: Int
    public var overdueIsCapped: Bool
}

public struct ActionRequest: Sendable, Equatable {
    public var action: LifecycleAction
    /// (report id, version seen) for each target.
    public var targets: [(Int64, Int)]
    public var note: String
    public var agency: String?
    /// Fill the note's placeholders for each target, in this language (a template for several reports).
    public var fillLanguage: Language?
    /// An information request's decision, or an objection's outcome.
    public var detail: ActionDetail = .none

    public init(action: LifecycleAction, targets: [(Int64, Int)], note: String, agency: String? = nil, fillLanguage: Language? = nil,
                detail: ActionDetail = .none) {
        self.action = action; self.targets = targets; self.note = note; self.agency = agency; self.fillLanguage = fillLanguage
        self.detail = detail
    }

    public static func == (a: ActionRequest, b: ActionRequest) -> Bool {
        a.action == b.action && a.note == b.note && a.agency == b.agency && a.fillLanguage == b.fillLanguage && a.detail == b.detail
            && a.targets.map(\.0) == b.targets.map(\.0) && a.targets.map(\.1) == b.targets.map(\.1)
    }
}

public struct ActionOutcome: Sendable, Equatable {
    public var done: Int
    public var failures: [String]
    public var auditIDs: [Int64]
    public var summary: String
    public var isUndo: Bool
}
