import CNCursesW
import LaporDesk

/// Writes a screen buffer to curses, redrawing only the rows that changed since the last frame.
struct Painter {
    let window: UnsafeMutablePointer<WINDOW>
    let palette: Palette
    private var previous: ScreenBuffer?

    init(window: UnsafeMutablePointer<WINDOW>, palette: Palette) {
        self.window = window
        self.palette = palette
    }

    /// Forgets the last frame (after a resize everything is redrawn).
    mutating func invalidate() {
        previous = nil
        werase(window)
    }

    mutating func paint(_ frame: ScreenBuffer) {
        if let previous, previous == frame { return }
        let sameSize = previous?.width == frame.width && previous?.height == frame.height
        for y in 0..<frame.height {
            if sameSize, let previous, (0..<frame.width).allSatisfy({ previous[$0, y] == frame[$0, y] }) { continue }
            wmove(window, Int32(y), 0)
            var run = ""
            var runStyle = frame.width > 0 ? frame[0, y].style : .normal
            func flush() {
                guard !run.isEmpty else { return }
                wattrset(window, palette.attribute(runStyle))
                waddnstr(window, run, -1)
                run = ""
            }
            // The bottom-right cell would scroll the screen: leave it.
            let last = y == frame.height - 1 ? frame.width - 1 : frame.width
            for x in 0..<last {
                let cell = frame[x, y]
                if cell.style != runStyle { flush(); runStyle = cell.style }
                run += cell.text
            }
            flush()
        }
        wattrset(window, lapor_attr_normal())
        wnoutrefresh(window)
        doupdate()
        previous = frame
    }
}
