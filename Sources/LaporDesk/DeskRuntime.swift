import Foundation
import LaporCore

/// Performs the desk's effects against LaporCore and answers with messages. Shared by the
/// headless driver and the terminal shell, so both run the same code against the same core calls.
public final class DeskRuntime: @unchecked Sendable {
    /// Counts on a key press stop here; the status line then shows "50.000+".
    static let countCap = 50_000
    /// What a window counts before its first frame; below this the count is already exact.
    static let defaultQuickCountCap = 2_000
    public var quickCountCap = DeskRuntime.defaultQuickCountCap
    public let store: any DeskBackend
    public let user: User
    public let language: Language
    /// The desk's clock: pinned by `--now`, else the wall clock.
    public let clock: @Sendable () -> Date
    private let engine: SLAClocks
    private let codes: [Int64: String]
    private let agencies: [Agency]
    private let rulesOnly: Suggester
    private var fullSuggester: Suggester?
    private let lock = NSLock()
    private var keptSearch: (filter: String, marker: Int64, hits: [Int64])?
    /// Rules-only suggestions of unrouted rows by report id, with the version they were made for.
    /// The window is read again after every action and page turn, and the rules hold for the
    /// runtime's life, so a row already suggested costs nothing (60 rows were 3-4 ms a window).
    private var suggestions: [Int64: (version: Int, code: String?)] = [:]
    private let suggestionLock = NSLock()

    /// A line for the status bar from work going on beside the desk (the demo loading), polled
    /// with the database; nil when there is nothing to say.
    public var backgroundNote: (@Sendable () -> String?)?
    /// `LAPOR_TRACE=1`: each effect's time on stderr, to find which part of a slow key is slow.
    static let trace = ProcessInfo.processInfo.environment["LAPOR_TRACE"] == "1"

    public init(store: any DeskBackend, user: User, language: Language, clock: @escaping @Sendable () -> Date) throws {
        self.store = store; self.user = user; self.language = language; self.clock = clock
        engine = try store.clockEngine()
        agencies = try store.agencies()
        codes = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id, $0.code) })
        rulesOnly = Suggester(rules: try store.rules(), model: RoutingModel(), language: language)
    }

    private var disconnected = false

    /// Asks the store whether the desk changed since `known`. A lost server is said once on the
    /// status line (the store keeps trying at each poll); its return is said once and reloads.
    public func pollChanges(known: Int64) -> (messages: [DeskMessage], marker: Int64?) {
        do {
            let marker = try store.changeMarker()
            var messages: [DeskMessage] = []
            if lock.withLock({ disconnected }) {
                lock.withLock { disconnected = false }
                messages.append(.note(language == .en ? "Connected again; the queue is reloaded."
                                                      : "Tersambung lagi; antrean dimuat ulang."))
            }
            if marker != known { messages.append(.databaseChanged) }
            return (messages, marker)
        } catch {
            let first = lock.withLock { () -> Bool in
                defer { disconnected = true }
                return !disconnected
            }
            guard first else { return ([], nil) }
            return ([.failed(language == .en
                ? "Disconnected from the server; retrying. An action in flight is checked before it is sent again."
                : "Terputus dari server; mencoba lagi. Tindakan yang sedang dikirim diperiksa sebelum dikirim ulang.")], nil)
        }
    }

    /// A fresh model for the opening screen.
    public func initialModel(width: Int, height: Int) -> DeskModel {
        DeskModel(width: width, height: height, user: user, language: language, now: clock(), zone: store.zone)
    }

    /// The full suggester (rules and the learned model), trained once on first use.
    func suggester() throws -> Suggester {
        lock.lock(); defer { lock.unlock() }
        if let fullSuggester { return fullSuggester }
        let built = Suggester(rules: rulesOnly.rules, model: try store.routingModel(), places: AgencyPlaces(agencies),
                              language: language)
        fullSuggester = built
        return built
    }

    /// The ids a plain full-text search matches, read once per search and kept until the next
    /// search or the next change to the database (any change writes an audit record).
    func searchHits(_ filter: String) throws -> [Int64]? {
        let marker = try store.changeMarker()
        lock.lock()
        let kept = keptSearch
        lock.unlock()
        if let kept, kept.filter == filter, kept.marker == marker { return kept.hits }
        guard let hits = try store.fullTextHits(filter) else { return nil }
        lock.lock()
        keptSearch = (filter, marker, hits)
        lock.unlock()
        return hits
    }

    func compile(_ filter: String, tagged: Set<Int64>) throws -> ReportCondition? {
        do {
            return try FilterCompiler(now: clock(), zone: store.zone, calendar: engine.deskCalendar, tagged: tagged).compile(filter)
        } catch {
            throw LaporError.invalidArgument(error.text(language))
        }
    }

    /// The queue's condition: the limit, with incident members hidden behind their primary unless
    /// they are asked for (`i`, or a limit naming incidents with `~g`/`~G`).
    func queueCondition(_ limit: String, tagged: Set<Int64>, showMembers: Bool) throws -> ReportCondition? {
        let condition = try compile(limit, tagged: tagged)
        if showMembers || limit.contains("~g") || limit.contains("~G") { return condition }
        // Without incidents the condition would only cost: counts stay index-only.
        guard try store.hasIncidents() else { return condition }
        return ReportCondition.both(condition, .notIncidentMember)
    }

    /// Runs one effect; errors come back as a `failed` message the status line shows.
    public func run(_ effect: DeskEffect) -> [DeskMessage] {
        do {
            guard Self.trace else { return try perform(effect) }
            let started = DispatchTime.now().uptimeNanoseconds
            defer {
                let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
                FileHandle.standardError.write(Data(String(format: "effect %.2f ms %@\n", ms, String(describing: effect).prefix(100).description).utf8))
            }
            return try perform(effect)
        } catch let error as LaporError {
            return [.failed(error.message(language))]
        } catch {
            return [.failed("\(error)")]
        }
    }

    private func perform(_ effect: DeskEffect) throws -> [DeskMessage] {
        let now = clock()
        switch effect {
        case .quit:
            return []
        case .warmUp:
            _ = try suggester()
            return []
        case .loadWindow(let request):
            return [.windowLoaded(try window(request, now: now))]
        case .countWindow(let limit, let tagged, let showMembers):
            return [.countsLoaded(try counts(limit, tagged: tagged, showMembers: showMembers, now: now))]
        case .loadDetail(let id):
            let report = try store.report(id: id, for: user)
            let identity = IdentityMask.visible(report, revealed: false)
            let suggestions = report.agencyID == nil ? try suggester().suggest(for: report, limit: 3) : []
            return [.detailLoaded(ReportDetail(report: report, agency: report.agencyID.flatMap { codes[$0] }, reporter: identity.name,
                                               contact: identity.contact, chain: try store.routingChain(reportID: id),
                                               clocks: try store.clockReadings(reportID: id, now: now),
                                               history: try store.audit(report.trackingID, for: user, limit: nil), suggestions: suggestions,
                                               origin: try store.origin(trackingID: report.trackingID),
                                               similar: try store.similar(to: report.trackingID, for: user, limit: 5).map { s in
                                                   SimilarLine(id: s.report.id, trackingID: s.report.trackingID, score: s.similarity.score,
                                                               linked: s.similarity.linked, reason: s.similarity.reason(language),
                                                               state: s.report.state)
                                               },
                                               incident: try store.incident(of: id),
                                               request: try store.requestStatus(reportID: id)))]
        case .loadPicker(let id):
            let report = try store.report(id: id, for: user)
            let suggestions = try suggester().suggest(for: report, limit: 5)
            var entries = suggestions.compactMap { s in
                agencies.first { $0.code == s.agencyCode }.map { PickerEntry(code: $0.code, name: $0.name, reason: s.reason, score: s.score) }
            }
            let suggested = Set(entries.map(\.code))
            entries += agencies.filter { !suggested.contains($0.code) && $0.id != report.agencyID }
                .map { PickerEntry(code: $0.code, name: $0.name, reason: "", score: 0) }
            return [.pickerLoaded(AgencyPicker(agencies: entries))]
        case .loadTemplates(let action, let id, let agency, let filled):
            // A primary's note reaches its members too: each is filled for its own report when sent.
            let primary = try store.report(id: id, for: user).incidentOf == id
            let fill = filled && !primary
            let templates = try store.templates(for: user, action: action)
            let texts = fill ? try store.fillNotes(templates.map { ($0.text, $0.language) }, reportID: id, agency: agency, by: user)
                : templates.map(\.text)
            let choices = zip(templates, texts).map { TemplateChoice(name: $0.name, language: $0.language, text: $1) }
            return [.templatesLoaded(choices, perReport: !fill)]
        case .group(let ids, let into):
            let members: [Int64]
            if let ids {
                members = ids
            } else {
                let target = try store.report(id: into, for: user)
                members = try store.similar(to: target.trackingID, for: user, limit: 200)
                    .filter { $0.similarity.linked && $0.report.state.isOpen }.map(\.report.id)
            }
            guard !members.isEmpty else {
                return [.failed(language == .id ? "Tidak ada laporan serupa untuk digabung." : "No similar reports to group.")]
            }
            let summary = try store.group(members.map(String.init), into: String(into), by: user, at: now)
            let text = language == .id ? "✓ insiden \(summary.primary): \(summary.members) laporan lain"
                : "✓ incident \(summary.primary): \(summary.members) other reports"
            return [.actionsFinished(ActionOutcome(done: members.count, failures: [], auditIDs: [], summary: text, isUndo: false))]
        case .checkEmerging:
            let bursts = try store.emergingGroups(now: now, for: user, language: language)
                .map { EmergingBurst(ids: $0.members, reason: $0.reason) }
            return [.emergingLoaded(bursts)]
        case .perform(let request):
            return [.actionsFinished(try act(request, now: now))]
        case .undo(let ids):
            var done = 0
            var failures: [String] = []
            for id in ids.reversed() {
                do { _ = try store.undo(auditID: id, by: user, at: now); done += 1 } catch let e as LaporError { failures.append(e.message(language)) }
            }
            let summary = failures.first ?? (language == .id ? "Dibatalkan: \(done) aksi." : "Undone: \(done) action(s).")
            return [.actionsFinished(ActionOutcome(done: done, failures: failures, auditIDs: [], summary: summary, isUndo: true))]
        case .search(let filter, let from, let forward, let limit, let showMembers):
            guard let matching = try compile(filter, tagged: []) else { return [.searchFound(index: nil, filter: filter)] }
            let within = try queueCondition(limit, tagged: [], showMembers: showMembers)
            // Dense words over the whole queue: walk the queue's order to the first of the
            // search's matches, kept from its first `/` for `n` and `N`.
            var walk = false
            if within == nil, Visibility(user: user) == .all, let hits = try searchHits(filter) {
                walk = hits.count * 100 >= (try store.countReports(nil, for: user, cap: Self.countCap).0)
                if walk {
                    switch try store.position(ofNextAmong: hits, after: from, forward: forward, for: user) {
                    case .found(let index): return [.searchFound(index: index, filter: filter)]
                    case .none: return [.searchFound(index: nil, filter: filter)]
                    case .gaveUp: break
                    }
                }
            }
            let index = try store.position(ofNext: matching, within: within, after: from, forward: forward, for: user, walkOrder: walk)
            return [.searchFound(index: index, filter: filter)]
        case .tagMatching(let filter, let limit, let showMembers):
            guard let matching = try compile(filter, tagged: []) else { return [.taggedFound([])] }
            let within = try queueCondition(limit, tagged: [], showMembers: showMembers)
            return [.taggedFound(try store.reportIDs(ReportCondition.both(within, matching), for: user))]
        case .loadBoard:
            let rows = try store.agencyTallies(now: now, for: user).map { BoardRow(code: $0.code, counts: $0.counts, overdue: $0.overdue, bounces: $0.bounces,
                                                                                   incidents: $0.incidents) }
            return [.boardLoaded(rows)]
        case .loadSLA:
            let groups = try store.slaGroups(now: now, for: user).map { SLAGroup(clock: $0.clock, agency: $0.agency, overdue: $0.overdue, dueSoon: $0.dueSoon) }
            let bounced = try store.bouncedReports(limit: 12, for: user).map { r in
                let chain = try store.routingChain(reportID: r.id)
                // An imported report's bounces came with the file, without a chain to show them.
                return BouncedLine(trackingID: r.trackingID, bounces: chain.isEmpty ? r.bounces : RoutingStep.bounces(chain),
                                   chain: RoutingStep.chainText(chain), title: r.title)
            }
            return [.slaLoaded(groups, bounced)]
        case .loadTrend(let bucket, let rangeDays):
            return [.trendLoaded(try trend(bucket, rangeDays: rangeDays, now: now))]
        }
    }

    func window(_ request: WindowRequest, now: Date) throws -> WindowResult {
        let condition = try queueCondition(request.limit, tagged: request.tagged, showMembers: request.showMembers)
        // A new limit is counted only up to a quick cap before its rows are drawn, so the frame
        // never waits for a long count; the exact counts follow as `.countWindow`.
        // Overdue reports of a limit can be few among many candidates (a full index range to
        // check), so the overdue count always comes with the exact counts.
        var quick: (Int, Bool)?
        if request.recount { quick = try store.countReports(condition, for: user, cap: quickCountCap) }
        let total = quick?.0 ?? 0, more = quick?.1 ?? false
        let start = quick != nil && !more ? max(0, min(request.start, max(0, total - request.count))) : max(0, request.start)
        let reports = try store.reports(ReportQuery(condition: condition, sort: .submitted, limit: request.count, offset: start), for: user)
        let today = Trend.Day(now, zone: store.zone)
        var rows = reports.map { r -> QueueRow in
            let suggestion = r.agencyID == nil ? rulesSuggestion(for: r) : nil
            return QueueRow(id: r.id, trackingID: r.trackingID, submittedAt: r.submittedAt,
                            ageWorkingDays: max(0, engine.deskCalendar.workingDays(after: Trend.Day(r.submittedAt, zone: store.zone), upTo: today)),
                            sla: r.slaStatus(at: now), state: r.state, category: r.category,
                            agency: r.agencyID.flatMap { codes[$0] } ?? suggestion ?? "", agencyIsSuggestion: r.agencyID == nil,
                            returned: r.returned, title: r.title, version: r.version)
        }
        let counts = try store.memberCounts(reports.filter { $0.incidentOf == $0.id }.map(\.id))
        for i in rows.indices { rows[i].members = counts[rows[i].id] ?? 0 }
        for (i, r) in reports.enumerated() where r.type == .permintaanInformasi { rows[i].isRequest = true }
        var cursor = request.cursor
        if let keep = request.keepID, let i = rows.firstIndex(where: { $0.id == keep }) { cursor = start + i }
        return WindowResult(start: start, rows: rows, total: total, cursor: cursor, limit: request.limit,
                            totalIsCapped: more, counted: quick != nil)
    }

    /// The rules' first agency for an unrouted report, made once per report version.
    private func rulesSuggestion(for report: Report) -> String? {
        suggestionLock.lock()
        let kept = suggestions[report.id]
        suggestionLock.unlock()
        if let kept, kept.version == report.version { return kept.code }
        let code = rulesOnly.suggest(for: report, limit: 1).first?.agencyCode
        suggestionLock.lock()
        if suggestions.count >= 20_000 { suggestions.removeAll(keepingCapacity: true) }
        suggestions[report.id] = (report.version, code)
        suggestionLock.unlock()
        return code
    }

    /// A limit's reports and overdue reports, each counted up to the full cap.
    func counts(_ limit: String, tagged: Set<Int64>, showMembers: Bool = false, now: Date) throws -> WindowCounts {
        let condition = try queueCondition(limit, tagged: tagged, showMembers: showMembers)
        let total = try store.countReports(condition, for: user, cap: Self.countCap)
        let overdueCondition = ReportCondition.both(condition, .dueBefore(Int64(now.timeIntervalSince1970)))
        let overdue = try store.countReports(overdueCondition, for: user, cap: Self.countCap)
        return WindowCounts(limit: limit, total: total.0, totalIsCapped: total.1, overdue: overdue.0, overdueIsCapped: overdue.1)
    }

    func act(_ request: ActionRequest, now: Date) throws -> ActionOutcome {
        var done = 0
        var failures: [String] = []
        var audits: [Int64] = []
        for (id, version) in request.targets {
            do {
                let result = try store.act(request.action, reportID: id, by: user, at: now, note: request.note, agency: request.agency,
                                           expectedVersion: version > 0 ? version : nil, fill: request.fillLanguage,
                                           detail: request.detail)
                // An incident's members come back in the same undo step, and each refusal is told.
                audits += result.auditIDs
                done += 1 + result.members.filter { $0.refusal == nil }.count
                failures += result.members.compactMap { m in m.refusal.map { "\(m.trackingID): " + $0.message(language) } }
            } catch let error as LaporError {
                if case .databaseBusy = error { throw error }
                failures.append(error.message(language))
            }
        }
        let verb = request.action.rawValue + (request.agency.map { " → \($0)" } ?? "")
        var summary = language == .id ? "✓ \(verb): \(done) laporan" : "✓ \(verb): \(done) report(s)"
        if let first = failures.first {
            summary = done == 0 ? first : summary + (language == .id ? "; \(failures.count) ditolak: " : "; \(failures.count) refused: ") + first
        }
        return ActionOutcome(done: done, failures: failures, auditIDs: audits, summary: summary, isUndo: false)
    }

    func trend(_ bucket: Trend.Bucket, rangeDays: Int?, now: Date) throws -> TrendPanel {
        guard let (firstReport, lastReport) = try store.reportDayRange(for: user) else {
            return TrendPanel(bucket: bucket, rangeDays: rangeDays, starts: [], counts: [], firstPerDay: 0, lastPerDay: 0, firstLabel: "", lastLabel: "")
        }
        let last = max(lastReport, Trend.Day(now, zone: store.zone))
        let first = rangeDays.map { max(firstReport, last.adding(days: 1 - $0)) } ?? firstReport
        let daily = try store.dailyCounts(from: first, to: last, for: user)
        let buckets = Trend.buckets(daily: daily, from: first, to: last, by: bucket)
        // The seed's comparison: the first year (or first half) against the last three months.
        let span = last.ordinal - first.ordinal + 1
        let aEnd = first.adding(days: min(365, span / 2) - 1)
        let bStart = last.adding(days: -min(91, span / 4) + 1)
        func perDay(_ from: Trend.Day, _ to: Trend.Day) -> Double {
            let days = to.ordinal - from.ordinal + 1
            var total = 0
            for o in from.ordinal...to.ordinal { total += daily[Trend.Day(ordinal: o)] ?? 0 }
            return days > 0 ? Double(total) / Double(days) : 0
        }
        let mix = try store.breakdown(from: first, to: last, for: user)
        let total = max(1, mix.channels.reduce(0) { $0 + $1.1 })
        func share(_ items: [(String, Int)]) -> [String] {
            items.prefix(6).map { "\($0.0) \(Int((Double($0.1) / Double(total) * 100).rounded())) %" }
        }
        return TrendPanel(bucket: bucket, rangeDays: rangeDays, channels: share(mix.channels), categories: share(mix.categories),
                          starts: buckets.map(\.start.text), counts: buckets.map(\.count),
                          firstPerDay: perDay(first, aEnd), lastPerDay: perDay(bStart, last),
                          firstLabel: "\(first.text)..\(aEnd.text)", lastLabel: "\(bStart.text)..\(last.text)")
    }
}
