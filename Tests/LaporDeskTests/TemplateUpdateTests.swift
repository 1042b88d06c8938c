import Foundation
import Testing
@testable import LaporDesk
import LaporCore

/// The template picker over a note prompt, as update(model, message) → effects: no database.
@Suite struct TemplateUpdateTests {
    static let choices = [
        TemplateChoice(name: "tunda-lengkapi", language: .id, text: "Yth. Siti, mohon lengkapi T1."),
        TemplateChoice(name: "hold-missing-info", language: .en, text: "Dear Siti, please add to T1."),
    ]

    func model() -> DeskModel { UpdateTests().model() }

    func send(_ m: inout DeskModel, _ keys: String) throws -> [DeskEffect] {
        var effects: [DeskEffect] = []
        for key in try Key.script(keys) { effects += DeskUpdate.update(&m, .key(key)) }
        return effects
    }

    @Test func holdWithATemplateInThreeKeysAfterTheActionKey() throws {
        var m = model()
        #expect(try send(&m, "h<C-t>") == [.loadTemplates(action: .hold, id: 1, agency: nil, filled: true)])
        #expect(m.templatePicker?.loading == true)
        // Enter before the list arrives takes the first (the desk's language first: English here).
        #expect(try send(&m, "<Enter>").isEmpty)
        #expect(DeskUpdate.update(&m, .templatesLoaded(Self.choices, perReport: false)).isEmpty)
        #expect(m.templatePicker == nil)
        #expect(m.prompt?.text == "Dear Siti, please add to T1.")
        #expect(m.lastTemplate[.hold] == "hold-missing-info")
        // Edit one word, then send: the note is the edited, filled text.
        let effects = try send(&m, "<C-w>T2.<Enter>")
        guard case .perform(let request)? = effects.first else { Issue.record("no action: \(effects)"); return }
        #expect(request.action == .hold && request.note == "Dear Siti, please add to T2." && request.fillLanguage == nil)
    }

    @Test func typingFiltersAndCtrlRTakesTheLastOneAgain() throws {
        var m = model()
        _ = try send(&m, "h<C-t>")
        _ = DeskUpdate.update(&m, .templatesLoaded(Self.choices, perReport: false))
        _ = try send(&m, "tunda<Enter>")
        #expect(m.prompt?.text == "Yth. Siti, mohon lengkapi T1.")
        _ = try send(&m, "<Esc>")
        // Next time: Ctrl-R fetches the list and inserts the last one by itself.
        #expect(try send(&m, "h<C-r>") == [.loadTemplates(action: .hold, id: 1, agency: nil, filled: true)])
        _ = DeskUpdate.update(&m, .templatesLoaded(Self.choices, perReport: false))
        #expect(m.prompt?.text == "Yth. Siti, mohon lengkapi T1." && m.templatePicker == nil)
        // With no template used for an action yet, Ctrl-R says so.
        _ = try send(&m, "<Esc>f<C-r>")
        #expect(m.messageIsError && m.templatePicker == nil)
    }

    @Test func forSeveralTaggedReportsTheTextIsFilledPerReport() throws {
        var m = model()
        _ = try send(&m, "tt;h<C-t>")
        #expect(m.templatePicker != nil)
        _ = DeskUpdate.update(&m, .templatesLoaded([TemplateChoice(name: "raw", language: .id, text: "Yth. {pelapor}, {tracking_id}")], perReport: false))
        _ = try send(&m, "<Enter>")
        #expect(m.prompt?.text == "Yth. {pelapor}, {tracking_id}" && m.prompt?.fillLanguage == .id)
        let effects = try send(&m, "<Enter>")
        guard case .perform(let request)? = effects.first else { Issue.record("no action: \(effects)"); return }
        #expect(request.targets.map(\.0) == [1, 2] && request.fillLanguage == .id)
    }

    @Test func thePromptEditsAtTheCaret() throws {
        var m = model()
        _ = try send(&m, "habc<Left><Left>X<Home>Y<End>Z")
        #expect(m.prompt?.text == "YaXbcZ")
        _ = try send(&m, "<Left><Backspace>")
        #expect(m.prompt?.text == "YaXbZ" && m.prompt?.caretIndex == 4)
        _ = try send(&m, "<C-u>satu dua  <C-w>")
        #expect(m.prompt?.text == "satu ")
    }

    @Test func theRoutePickerTakesANoteFromATemplate() throws {
        var m = model()
        _ = try send(&m, "r")
        _ = DeskUpdate.update(&m, .pickerLoaded(AgencyPicker(agencies: [PickerEntry(code: "DLH", name: "DLH", reason: "", score: 1)])))
        #expect(try send(&m, "<C-t>") == [.loadTemplates(action: .route, id: 1, agency: "DLH", filled: true)])
        _ = DeskUpdate.update(&m, .templatesLoaded([TemplateChoice(name: "diteruskan", language: .id, text: "Diteruskan ke DLH.")], perReport: false))
        let effects = try send(&m, "<Enter><Enter>")
        guard case .perform(let request)? = effects.first else { Issue.record("no action: \(effects)"); return }
        #expect(request.action == .route && request.agency == "DLH" && request.note == "Diteruskan ke DLH.")
    }

    @Test func thePickerDrawsNamesTextAndThePreview() throws {
        var m = model()
        _ = try send(&m, "h<C-t>")
        _ = DeskUpdate.update(&m, .templatesLoaded(Self.choices, perReport: false))
        let screen = DeskRender.render(m).text
        #expect(screen.contains("▶ hold-missing-info") && screen.contains("tunda-lengkapi"))
        #expect(screen.contains("^T template"))
    }
}
