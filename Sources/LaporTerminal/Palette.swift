import CNCursesW
import Foundation
import LaporDesk

/// Maps each screen role to curses attributes: colour pairs when the terminal has colours and
/// NO_COLOR is unset, plain attributes otherwise (symbols and text already carry the meaning).
struct Palette {
    private var attributes: [Style: Int32] = [:]

    static func setUp() -> Palette {
        var p = Palette()
        let bold = lapor_attr_bold(), reverse = lapor_attr_reverse(), dim = lapor_attr_dim(), underline = lapor_attr_underline()
        let colour = has_colors() && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        if colour && start_color() == OK {
            use_default_colors()
            let pairs: [(Style, Int16, Int16, Int32)] = [
                (.title, Int16(COLOR_WHITE), Int16(COLOR_BLUE), bold), (.activeTab, Int16(COLOR_BLACK), Int16(COLOR_CYAN), bold),
                (.tab, Int16(COLOR_WHITE), Int16(COLOR_BLUE), 0), (.selected, Int16(COLOR_BLACK), Int16(COLOR_CYAN), 0),
                (.statusBar, Int16(COLOR_BLACK), Int16(COLOR_WHITE), 0), (.overdue, Int16(COLOR_RED), -1, bold),
                (.dueSoon, Int16(COLOR_YELLOW), -1, bold), (.onTrack, Int16(COLOR_GREEN), -1, 0), (.tagged, Int16(COLOR_MAGENTA), -1, bold),
                (.error, Int16(COLOR_RED), -1, bold), (.help, Int16(COLOR_WHITE), Int16(COLOR_BLUE), 0), (.prompt, Int16(COLOR_CYAN), -1, bold),
                (.message, Int16(COLOR_GREEN), -1, 0), (.match, Int16(COLOR_BLACK), Int16(COLOR_YELLOW), bold),
            ]
            for (i, (style, fg, bg, extra)) in pairs.enumerated() {
                init_pair(Int16(i + 1), fg, bg)
                p.attributes[style] = lapor_color_pair(Int32(i + 1)) | extra
            }
            p.attributes[.header] = bold | underline
            p.attributes[.dim] = dim
        } else {
            p.attributes = [.title: reverse | bold, .activeTab: reverse | bold, .tab: reverse, .selected: reverse, .statusBar: reverse,
                            .overdue: bold, .dueSoon: bold, .tagged: bold, .error: bold, .header: bold | underline, .dim: dim,
                            .help: reverse, .prompt: bold, .match: bold | underline]
        }
        return p
    }

    func attribute(_ style: Style) -> Int32 { attributes[style] ?? lapor_attr_normal() }
}
