import Foundation
import Testing
@testable import LaporDesk
import LaporCore

/// update(model, message) → model and effects, with no database and no terminal.
@Suite struct UpdateTests {
    static let now = DeskZone.jakarta.date(year: 2026, month: 11, day: 23, hour: 9)!

    func model(rows: Int = 30, total: Int = 100) -> DeskModel {
        var m = DeskModel(width: 80, height: 24, user: User(login: "op", role: .operator), language: .en, now: Self.now, zone: .jakarta)
        m.rows = (0..<rows).map { i in
            QueueRow(id: Int64(i + 1), trackingID: "T\(i + 1)", submittedAt: Self.now, ageWorkingDays: 1, sla: .onTrack, state: .new,
                     category: "Kebersihan", agency: "DLH", agencyIsSuggestion: true, returned: false, title: "Judul \(i + 1)", version: 1)
        }
        m.total = total
        m.cursorID = 1
        return m
    }

    @Test func movingInsideTheWindowLoadsNothingAndOutsideLoadsAWindow() {
        var m = model()
        #expect(DeskUpdate.update(&m, .key(.char("j"))).isEmpty)
        #expect(m.cursor == 1 && m.cursorID == 2)
        let effects = DeskUpdate.update(&m, .key(.char("G")))
        #expect(m.cursor == 99)
        guard case .loadWindow(let request)? = effects.first else { Issue.record("no window load: \(effects)"); return }
        #expect(request.start <= 99 && request.start + request.count > 99)
        #expect(request.limit == "~s new")
    }

    @Test func aSearchHitBeyondACappedCountMovesThere() {
        var m = model(total: 50_000)
        m.totalIsCapped = true
        let effects = DeskUpdate.update(&m, .searchFound(index: 70_000, filter: "banjir"))
        #expect(m.cursor == 70_000 && m.total == 70_001 && m.totalIsCapped)
        guard case .loadWindow(let request)? = effects.first else { Issue.record("no window load: \(effects)"); return }
        #expect(request.start <= 70_000 && request.start + request.count > 70_000 && !request.recount)
        // Without a cap the count is exact and a hit cannot lie beyond it.
        var exact = model(total: 100)
        _ = DeskUpdate.update(&exact, .searchFound(index: 99, filter: "x"))
        #expect(exact.cursor == 99 && exact.total == 100)
    }

    @Test func routeOpensAPickerAndAnEarlyEnterAcceptsTheBestSuggestion() {
        var m = model()
        #expect(DeskUpdate.update(&m, .key(.char("r"))) == [.loadPicker(id: 1)])
        #expect(m.picker?.loading == true)
        #expect(DeskUpdate.update(&m, .key(.enter)).isEmpty)
        let picker = AgencyPicker(agencies: [PickerEntry(code: "DLH", name: "Dinas Lingkungan Hidup", reason: "kategori", score: 3),
                                             PickerEntry(code: "PUPR", name: "PUPR", reason: "", score: 0)])
        let effects = DeskUpdate.update(&m, .pickerLoaded(picker))
        guard case .perform(let request)? = effects.first else { Issue.record("no action: \(effects)"); return }
        #expect(request.action == .route && request.agency == "DLH" && request.targets.map(\.0) == [1])
        #expect(m.picker == nil)
    }

    @Test func typingFiltersThePicker() {
        var m = model()
        _ = DeskUpdate.update(&m, .key(.char("r")))
        _ = DeskUpdate.update(&m, .pickerLoaded(AgencyPicker(agencies: [PickerEntry(code: "DLH", name: "Lingkungan", reason: "", score: 1),
                                                                         PickerEntry(code: "PUPR", name: "Pekerjaan Umum", reason: "", score: 0)])))
        for c in "pek" { _ = DeskUpdate.update(&m, .key(.char(c))) }
        #expect(m.picker?.visible.map(\.code) == ["PUPR"])
        guard case .perform(let request)? = DeskUpdate.update(&m, .key(.enter)).first else { Issue.record("no action"); return }
        #expect(request.agency == "PUPR")
    }

    @Test func semicolonAppliesTheNextActionToEveryTaggedReport() {
        var m = model()
        _ = DeskUpdate.update(&m, .key(.char(";")))
        #expect(m.messageIsError && !m.applyToTagged)
        for _ in 0..<3 { _ = DeskUpdate.update(&m, .key(.char("t"))) }
        #expect(m.tagged == [1, 2, 3] && m.cursor == 3)
        _ = DeskUpdate.update(&m, .key(.char(";")))
        guard case .perform(let request)? = DeskUpdate.update(&m, .key(.char("v"))).first else { Issue.record("no action"); return }
        #expect(request.action == .verify && request.targets.map(\.0) == [1, 2, 3] && request.targets.map(\.1) == [1, 1, 1])
        #expect(m.tagged.isEmpty && !m.applyToTagged)
    }

    @Test func limitPromptReloadsFromTheTop() {
        var m = model()
        _ = DeskUpdate.update(&m, .key(.char("j")))
        _ = DeskUpdate.update(&m, .key(.char("l")))
        // The old limit with a trailing space: typed terms are added, not glued to "new".
        #expect(m.prompt == Prompt(kind: .limit, text: "~s new "))
        _ = DeskUpdate.update(&m, .key(.ctrl("u")))
        for c in "~c kebersihan" { _ = DeskUpdate.update(&m, .key(.char(c))) }
        let effects = DeskUpdate.update(&m, .key(.enter))
        #expect(m.limit == "~c kebersihan" && m.cursor == 0 && m.prompt == nil)
        guard case .loadWindow(let request)? = effects.first else { Issue.record("no load"); return }
        #expect(request.limit == "~c kebersihan" && request.start == 0)
        // A window for the old limit arriving late is ignored.
        _ = DeskUpdate.update(&m, .windowLoaded(WindowResult(start: 0, rows: [], total: 5, cursor: 0, limit: "~s new")))
        #expect(m.total == 100)
    }

    @Test func aRefusedLimitLeavesTheOldOneAndTheScreen() {
        var m = model()
        _ = DeskUpdate.update(&m, .key(.char("j")))
        let rows = m.rows, cursor = m.cursor
        _ = DeskUpdate.update(&m, .key(.char("l")))
        for c in "~w" { _ = DeskUpdate.update(&m, .key(.char(c))) }
        let effects = DeskUpdate.update(&m, .key(.enter))
        #expect(effects.isEmpty)
        #expect(m.limit == "~s new" && m.rows == rows && m.cursor == cursor && !m.loading && m.prompt == nil)
        #expect(m.messageIsError && (m.message ?? "").contains("column"))
        // `l` opens with the refused text to correct it.
        _ = DeskUpdate.update(&m, .key(.char("l")))
        #expect(m.prompt == Prompt(kind: .limit, text: "~s new ~w"))
    }

    @Test func searchMarksTheMatchAndSaysWhenItWrapped() {
        var m = model()
        m.rows[2].title = "Sampah menumpuk di TPS"
        m.lastSearch = "samp ~s new"
        let screen = DeskRender.render(m)
        let y = (0..<screen.height).first { screen.line($0).contains("Sampah menumpuk") }!
        let x = screen.line(y).range(of: "Sampah")!.lowerBound.utf16Offset(in: screen.line(y))
        #expect(screen[x, y].style == .match && screen[x + 5, y].style == .match)
        #expect(screen[x + 7, y].style != .match)
        #expect(SearchHighlight.words("banjir ~s new (~c air | \"rusak\") ~o") == ["banjir", "rusak"])
        // A forward search that lands before where it started went round the end.
        m.cursor = 5
        _ = DeskUpdate.update(&m, .key(.char("n")))
        _ = DeskUpdate.update(&m, .searchFound(index: 2, filter: "samp"))
        #expect(m.cursor == 2 && m.message == "Search wrapped to the top of the queue")
        _ = DeskUpdate.update(&m, .key(.char("n")))
        _ = DeskUpdate.update(&m, .searchFound(index: 2, filter: "samp"))
        #expect(m.message == "Only this report matches: samp")
    }

    @Test func trendsPutTwoYearsOfWeeksOnOneScreen() {
        var m = model()
        m.view = .trend
        let days = (0..<105).map { Trend.Day(year: 2024, month: 11, day: 25).adding(days: 7 * $0) }
        // 250 a working day for the first year, 30 for the last months: weekly 1,250 and 150.
        let counts = (0..<105).map { $0 < 52 ? 1250 : $0 < 90 ? 1250 - ($0 - 52) * 29 : 150 }
        m.trend = TrendPanel(bucket: .week, rangeDays: 730, starts: days.map(\.text), counts: counts, firstPerDay: 178.6,
                             lastPerDay: 21.4, firstLabel: "2024-11-25..2025-11-24", lastLabel: "2026-08-26..2026-11-23")
        let text = DeskRender.render(m).text
        #expect(text.contains(days.first!.text) && text.contains(days.last!.text))
        #expect(text.contains("1,250"))
        let axis = text.split(separator: "\n").first { $0.contains("└") }.map(String.init) ?? ""
        #expect(axis.contains("A") && axis.contains("B"))
        // 105 weeks in braille, two a cell: 53 cells, well inside 80 columns.
        #expect(TrendChart.layout(buckets: 105, cells: 70).columns == 105 && TrendChart.layout(buckets: 105, cells: 70).braille)
        #expect(TrendChart.layout(buckets: 24, cells: 70) .braille == false)
        #expect(TrendChart.layout(buckets: 731, cells: 70).perColumn == 6)
        #expect(TrendChart.braille(4, 0) == "⡇" && TrendChart.braille(4, 4) == "⣿" && TrendChart.braille(1, 0) == "⡀")
    }

    @Test func theBoardScrollsAndSaysWhenThereIsMore() {
        var m = model()
        m.view = .board
        m.board = (1...60).map { BoardRow(code: "AGENCY-NUMBER-\($0)", counts: [:], overdue: $0, bounces: 0) }
        var text = DeskRender.render(m).text
        #expect(text.contains("↓ 40 more") && !text.contains("above"))
        m.viewCursor = 59
        text = DeskRender.render(m).text
        #expect(text.contains("↑ 40 above") && text.contains("AGENCY-NUMBER-…") && !text.contains("more"))
    }

    @Test func thePickerSaysWhenThereIsMore() {
        var m = model()
        let entries = (1...40).map { PickerEntry(code: "PD\($0)", name: "Perangkat daerah \($0)", reason: "", score: 0) }
        m.picker = AgencyPicker(agencies: entries)
        var text = DeskRender.render(m).text
        #expect(text.contains("↓ 23 more"))
        m.picker?.selected = 39
        text = DeskRender.render(m).text
        #expect(text.contains("↑ 23 above") && text.contains("PD40") && !text.contains("more"))
        m.picker = AgencyPicker(agencies: Array(entries.prefix(17)))
        text = DeskRender.render(m).text
        #expect(text.contains("PD17") && !text.contains("more"))
    }

    @Test func archiveReasonByNumberAndHoldNeedsText() {
        var m = model()
        _ = DeskUpdate.update(&m, .key(.char("a")))
        guard case .perform(let request)? = DeskUpdate.update(&m, .key(.char("2"))).first else { Issue.record("no action"); return }
        #expect(request.action == .archive && request.note == "Not a report (spam)")
        _ = DeskUpdate.update(&m, .key(.char("h")))
        for c in "Foto?" { _ = DeskUpdate.update(&m, .key(.char(c))) }
        guard case .perform(let hold)? = DeskUpdate.update(&m, .key(.enter)).first else { Issue.record("no hold"); return }
        #expect(hold.action == .hold && hold.note == "Foto?")
    }

    @Test func quittingWithTagsAsksFirst() {
        var m = model()
        _ = DeskUpdate.update(&m, .key(.char("t")))
        #expect(DeskUpdate.update(&m, .key(.char("q"))).isEmpty && m.confirmQuit)
        #expect(DeskUpdate.update(&m, .key(.char("n"))).isEmpty && !m.quitting)
        _ = DeskUpdate.update(&m, .key(.char("q")))
        #expect(DeskUpdate.update(&m, .key(.char("y"))) == [.quit] && m.quitting)
        var n = model()
        #expect(DeskUpdate.update(&n, .key(.ctrl("c"))) == [.quit])
    }

    @Test func undoNeedsAnActionAndUsesItsAuditIds() {
        var m = model()
        _ = DeskUpdate.update(&m, .key(.char("u")))
        #expect(m.messageIsError)
        _ = DeskUpdate.update(&m, .actionsFinished(ActionOutcome(done: 2, failures: [], auditIDs: [7, 8], summary: "ok", isUndo: false)))
        #expect(DeskUpdate.update(&m, .key(.char("u"))) == [.undo(auditIDs: [7, 8])])
    }

    @Test func viewsSwitchWithDigitsAndTab() {
        var m = model()
        #expect(DeskUpdate.update(&m, .key(.char("2"))) == [.loadBoard])
        #expect(DeskUpdate.update(&m, .key(.tab)) == [.loadTrend(.week, rangeDays: 730)])
        #expect(DeskUpdate.update(&m, .key(.tab)) == [.loadSLA])
        #expect(DeskUpdate.update(&m, .key(.tab)).isEmpty && m.view == .queue)
    }

    @Test func keyScriptsParse() throws {
        #expect(try Key.script("jj<Enter><C-x><lt><F12><Space>") == [.char("j"), .char("j"), .enter, .ctrl("x"), .char("<"), .function(12), .char(" ")])
        #expect(throws: KeyScriptError(column: 2, name: "Bogus")) { try Key.script("j<Bogus>") }
    }

    /// `:decide` carries the decision and ground; `:respond` on an objection carries the outcome; a
    /// complaint's `:respond` keeps its note whole even when it starts with "Diterima".
    @Test func requestCommandsCarryTheirDetail() {
        var m = model()
        let decided = DeskInput.command("decide partial pasal17:b Sebagian dikecualikan", &m)
        guard case .perform(let request)? = decided.first else { Issue.record("no action: \(decided)"); return }
        #expect(request.action == .decide && request.note == "Sebagian dikecualikan")
        #expect(request.detail == ActionDetail(decision: .partial, ground: .exempt(letter: "b")))
        #expect(DeskInput.command("decide maybe", &m).isEmpty && m.messageIsError)
        let complaint = DeskInput.command("respond Diterima dengan baik", &m)
        guard case .perform(let plain)? = complaint.first else { Issue.record("no action: \(complaint)"); return }
        #expect(plain.note == "Diterima dengan baik" && plain.detail == .none)
        m.rows[0].state = .objected
        let answered = DeskInput.command("respond rejected Informasi dikecualikan", &m)
        guard case .perform(let answer)? = answered.first else { Issue.record("no action: \(answered)"); return }
        #expect(answer.detail == ActionDetail(outcome: .rejected) && answer.note == "Informasi dikecualikan")
    }
}
