import Foundation
import LaporCore

/// Everything the desk shows, as a plain value: the update function changes it, render draws it.
public struct DeskModel: Sendable {
    public enum View: Int, Sendable, CaseIterable { case queue = 1, board, trend, sla }

    public var width: Int
    public var height: Int
    public var user: User
    public var language: Language
    public var now: Date
    public var zone: DeskZone
    public var view: View = .queue
    /// Showing one report full screen (the queue stays underneath).
    public var detailOpen = false
    public var detailScroll = 0
    public var helpOpen = false

    /// The active limit (filter language); the queue opens on the unverified reports, oldest first.
    public var limit = "~s new"
    public var lastSearch = ""
    /// Where the pending search started and its direction, to say when it wrapped.
    public var searchFrom = 0
    public var searchForward = true
    /// A limit the filter parser refused: `l` opens with it for correction, while the old limit stays.
    public var refusedLimit: String?
    /// Rows of the window onto the database; `windowStart` is the absolute index of `rows[0]`.
    public var rows: [QueueRow] = []
    public var windowStart = 0
    public var total = 0
    /// The total is a lower bound (counting stopped at the cap).
    public var totalIsCapped = false
    public var overdueIsCapped = false
    /// A new limit's overdue count is still being counted (shown as "…").
    public var overdueIsPending = false
    public var overdue = 0
    public var cursor = 0
    /// Absolute index of the first visible row.
    public var top = 0
    /// The report under the cursor, so a refresh keeps the cursor on the same report.
    public var cursorID: Int64?
    public var tagged: Set<Int64> = []
    /// After `;`, the next action applies to every tagged report.
    public var applyToTagged = false
    public var detail: ReportDetail?
    public var prompt: Prompt?
    public var picker: AgencyPicker?
    /// Reply templates offered over a note prompt (Ctrl-T).
    public var templatePicker: TemplatePicker?
    /// Members of incidents are hidden behind their primary unless this is on (`i`).
    public var showMembers = false
    /// A burst of similar reports arriving now (the line at the top; `E` opens it).
    public var emerging: [EmergingBurst] = []
    /// The template last used for each action this session: Ctrl-R inserts it, the picker lists it first.
    public var lastTemplate: [LifecycleAction: String] = [:]
    public var message: String?
    public var messageIsError = false
    /// Audit ids of this session's last action (several when applied to tagged reports), for undo.
    public var undoStack: [[Int64]] = []
    public var loading = false
    public var quitting = false
    public var confirmQuit = false
    /// The selected line of the board or SLA view.
    public var viewCursor = 0
    public var board: [BoardRow] = []
    public var trend: TrendPanel?
    public var slaPanel: [SLAGroup] = []
    public var bounced: [BouncedLine] = []

    public init(width: Int, height: Int, user: User, language: Language, now: Date, zone: DeskZone) {
        self.width = width; self.height = height; self.user = user; self.language = language; self.now = now; self.zone = zone
    }

    /// Rows the list area holds at this size.
    public var listHeight: Int { max(1, height - 4) }

    public var cursorRow: QueueRow? {
        let i = cursor - windowStart
        return i >= 0 && i < rows.count ? rows[i] : nil
    }
}

/// One line of the queue.
public struct QueueRow: Sendable, Equatable {
    public var id: Int64
    public var trackingID: String
    public var submittedAt: Date
    public var ageWorkingDays: Int
    public var sla: ClockReading.Status?
    public var state: ReportState
    public var category: String
    /// The routed agency's code, or the suggested one (shown dimmed) while unrouted.
    public var agency: String
    public var agencyIsSuggestion: Bool
    public var returned: Bool
    public var title: String
    public var version: Int
    /// On an incident's primary: how many other reports it holds.
    public var members = 0
    /// An information request (UU 14/2008), marked in the queue.
    public var isRequest = false

    public init(id: Int64, trackingID: String, submittedAt: Date, ageWorkingDays: Int, sla: ClockReading.Status?, state: ReportState,
                category: String, agency: String, agencyIsSuggestion: Bool, returned: Bool, title: String, version: Int,
                members: Int = 0) {
        self.id = id; self.trackingID = trackingID; self.submittedAt = submittedAt; self.ageWorkingDays = ageWorkingDays; self.sla = sla
        self.state = state; self.category = category; self.agency = agency; self.agencyIsSuggestion = agencyIsSuggestion
        self.returned = returned; self.title = title; self.version = version; self.members = members
    }
}

/// Everything the detail pane shows about one report (identity already masked unless revealed).
public struct ReportDetail: Sendable, Equatable {
    public var report: Report
    public var agency: String?
    public var reporter: String?
    public var contact: String?
    public var chain: [RoutingStep]
    public var clocks: [ClockReading]
    public var history: [AuditEntry]
    public var suggestions: [Suggestion]
    /// What the export it came from said in its own words (LAPOR!'s labels, the original text).
    public var origin: ReportOrigin?
    /// Reports likely about the same incident (Serupa), best first.
    public var similar: [SimilarLine] = []
    /// The incident this report is in.
    public var incident: IncidentSummary?
    /// An information request's register row and objection window.
    public var request: RequestStatus?

    public init(report: Report, agency: String?, reporter: String?, contact: String?, chain: [RoutingStep],
                clocks: [ClockReading], history: [AuditEntry], suggestions: [Suggestion], origin: ReportOrigin? = nil,
                similar: [SimilarLine] = [], incident: IncidentSummary? = nil, request: RequestStatus? = nil) {
        self.report = report; self.agency = agency; self.reporter = reporter; self.contact = contact; self.chain = chain
        self.clocks = clocks; self.history = history; self.suggestions = suggestions; self.origin = origin
        self.similar = similar; self.incident = incident; self.request = request
    }
}

/// One similar report in the detail pane.
public struct SimilarLine: Sendable, Equatable {
    public var id: Int64
    public var trackingID: String
    public var score: Double
    public var linked: Bool
    public var reason: String
    public var state: ReportState

    public init(id: Int64, trackingID: String, score: Double, linked: Bool, reason: String, state: ReportState) {
        self.id = id; self.trackingID = trackingID; self.score = score; self.linked = linked; self.reason = reason; self.state = state
    }
}

/// A burst of similar reports arriving now.
public struct EmergingBurst: Sendable, Equatable {
    public var ids: [Int64]
    public var reason: String

    public init(ids: [Int64], reason: String) { self.ids = ids; self.reason = reason }
}

/// A line of text being typed at the bottom of the screen.
public struct Prompt: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case limit, search, command, tagPattern
        /// A note or reason for a lifecycle action.
        case note(LifecycleAction)
    }
    public var kind: Kind
    public var text = ""
    /// Where typing goes, in characters; nil is the end.
    public var caret: Int?
    /// A route note's target agency (the route picker's Ctrl-T).
    public var agency: String?
    /// Set when a template was inserted unfilled (for several reports): each report's note is the
    /// text filled for that report, in this language.
    public var fillLanguage: Language?

    /// The caret as an index into the text's characters.
    public var caretIndex: Int { min(caret ?? text.count, text.count) }
}

/// The reply templates that fit a note prompt's action and report, filtered by typing.
public struct TemplatePicker: Sendable, Equatable {
    public var action: LifecycleAction
    public var entries: [TemplateChoice] = []
    public var filter = ""
    public var selected = 0
    public var loading = true
    /// Enter pressed (or Ctrl-R's template named) before the list arrived.
    public var acceptOnLoad: String?
    /// The texts are unfilled: each report the action reaches fills its own (several reports, an incident).
    public var perReport = false

    public init(action: LifecycleAction) { self.action = action }

    public var visible: [TemplateChoice] {
        guard !filter.isEmpty else { return entries }
        let needle = Agency.fold(filter)
        return entries.filter { Agency.fold($0.name).contains(needle) || Agency.fold($0.text).contains(needle) }
    }
}

/// One template in the picker, with the text it inserts (filled for the report, or raw for several).
public struct TemplateChoice: Sendable, Equatable {
    public var name: String
    public var language: Language
    public var text: String

    public init(name: String, language: Language, text: String) {
        self.name = name; self.language = language; self.text = text
    }
}

/// The route picker: agencies ordered by suggestion, filtered by typing.
public struct AgencyPicker: Sendable, Equatable {
    public var agencies: [PickerEntry]
    public var filter = ""
    public var selected = 0
    /// Open while the suggestions load; keys typed meanwhile still count.
    public var loading = false
    /// Enter pressed before the list arrived: accept the best match when it does.
    public var acceptOnLoad = false

    public init(agencies: [PickerEntry], loading: Bool = false) {
        self.agencies = agencies
        self.loading = loading
    }

    public var visible: [PickerEntry] {
        guard !filter.isEmpty else { return agencies }
        let needle = Agency.fold(filter)
        return agencies.filter { Agency.fold($0.code).contains(needle) || Agency.fold($0.name).contains(needle) }
    }
}

public struct PickerEntry: Sendable, Equatable {
    public var code: String
    public var name: String
    /// Why it is suggested (empty for agencies without a suggestion).
    public var reason: String
    public var score: Double
}

/// One agency's line on the disposition board.
public struct BoardRow: Sendable, Equatable {
    public var code: String
    public var counts: [ReportState: Int]
    public var overdue: Int
    public var bounces: Int
    /// Open incidents among the agency's reports (each counted once, however many reports).
    public var incidents = 0
}

/// The trend view's data: buckets and a two-period comparison.
public struct TrendPanel: Sendable, Equatable {
    public var bucket: Trend.Bucket
    /// Days shown (nil = everything since the first report).
    public var rangeDays: Int?
    public var channels: [String] = []
    public var categories: [String] = []
    public var starts: [String]
    public var counts: [Int]
    public var firstPerDay: Double
    public var lastPerDay: Double
    public var firstLabel: String
    public var lastLabel: String
}

/// Overdue and due-soon counts for one clock and agency.
public struct SLAGroup: Sendable, Equatable {
    public var clock: String
    public var agency: String
    public var overdue: Int
    public var dueSoon: Int
}

/// A report that bounced between agencies, with its routing chain.
public struct BouncedLine: Sendable, Equatable {
    public var trackingID: String
    public var bounces: Int
    public var chain: String
    public var title: String
}
