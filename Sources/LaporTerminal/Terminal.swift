// The terminal shell: the only module that imports CNCursesW.
import CNCursesW
import Foundation
import LaporCore
import LaporDesk

/// Set by SIGTERM/SIGHUP handlers; the main loop notices it within one poll and restores the terminal.
nonisolated(unsafe) private var terminationRequested: sig_atomic_t = 0

/// Runs the desk in a real terminal through ncursesw. This thread owns every curses call;
/// effects run on a background queue and come back as messages through a locked inbox.
public final class TerminalDesk {
    let runtime: DeskRuntime
    private let inbox = Inbox()
    private let workers = DispatchQueue(label: "lapor.desk.effects")

    public init(runtime: DeskRuntime) { self.runtime = runtime }

    public func run() throws {
        // A parent (a multiplexer, a service manager) may have left these blocked, and the mask is
        // inherited: then resizes would never arrive and SIGTERM could not restore the terminal.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for signal in [SIGWINCH, SIGTERM, SIGHUP, SIGINT] { sigaddset(&wanted, signal) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        setlocale(LC_ALL, "")
        // LINES/COLUMNS in the environment would pin a stale size.
        unsetenv("LINES"); unsetenv("COLUMNS")
        let savedStderr = dup(STDERR_FILENO)
        guard let screen = initscr() else { throw LaporError.invalidArgument("Cannot start the terminal (check TERM).") }
        // Anything written to stderr while the screen is up would corrupt it.
        let devnull = open("/dev/null", O_WRONLY)
        dup2(devnull, STDERR_FILENO); close(devnull)
        defer {
            endwin()
            dup2(savedStderr, STDERR_FILENO); close(savedStderr)
        }
        raw(); noecho(); keypad(screen, true); set_escdelay(25); curs_set(0)
        wtimeout(screen, 40)
        let palette = Palette.setUp()
        signal(SIGTERM) { _ in terminationRequested = 1 }
        signal(SIGHUP) { _ in terminationRequested = 1 }

        var model = runtime.initialModel(width: Int(getmaxx(screen)), height: Int(getmaxy(screen)))
        submit(DeskUpdate.start(&model) + [.warmUp])
        var painter = Painter(window: screen, palette: palette)
        var lastMarker = (try? runtime.store.changeMarker()) ?? 0
        var lastPoll = Date()
        var lastTick = Date()
        var instantErrors = 0
        while !model.quitting && terminationRequested == 0 && instantErrors < 200 {
            for message in inbox.drain() { submit(DeskUpdate.update(&model, message)) }
            painter.paint(DeskRender.render(model))
            let polled = Date()
            let input = readKey(screen)
            // A terminal that is gone (pane closed, SSH dropped) answers at once with ERR: leave
            // instead of spinning.
            instantErrors = input == nil && Date().timeIntervalSince(polled) < 0.005 ? instantErrors + 1 : 0
            if let key = input {
                if case .resize(let w, let h) = key {
                    submit(DeskUpdate.update(&model, .resize(width: w, height: h)))
                    painter.invalidate()
                } else if case .key(let k) = key {
                    submit(DeskUpdate.update(&model, .tick(runtime.clock())))
                    submit(DeskUpdate.update(&model, .key(k)))
                }
                continue
            }
            let now = Date()
            if now.timeIntervalSince(lastTick) >= 20 {
                lastTick = now
                submit(DeskUpdate.update(&model, .tick(runtime.clock())))
            }
            // Another operator's change shows up within a second (on a server, as its notification
            // arrives), cursor kept on the same report.
            // One poll at a time: while the server is away each poll waits a moment.
            if now.timeIntervalSince(lastPoll) >= runtime.store.changeCheckInterval, inbox.startPoll() {
                lastPoll = now
                let known = lastMarker
                workers.async { [runtime, inbox] in
                    defer { inbox.endPoll() }
                    if let note = runtime.backgroundNote?() { inbox.post([.note(note)]) }
                    let (messages, marker) = runtime.pollChanges(known: known)
                    if let marker { inbox.post(messages, marker: marker) } else if !messages.isEmpty { inbox.post(messages) }
                }
                if let marker = inbox.takeMarker() { lastMarker = marker }
            }
        }
    }

    private func submit(_ effects: [DeskEffect]) {
        for effect in effects where effect != .quit {
            workers.async { [runtime, inbox] in inbox.post(runtime.run(effect)) }
        }
    }

    private enum Input { case key(Key), resize(Int, Int) }

    /// One key (or a resize), or nil when the poll timed out.
    private func readKey(_ screen: UnsafeMutablePointer<WINDOW>) -> Input? {
        var ch: wint_t = 0
        let result = wget_wch(screen, &ch)
        if result == KEY_CODE_YES {
            let code = Int32(ch)
            if code == KEY_RESIZE { return .resize(Int(getmaxx(screen)), Int(getmaxy(screen))) }
            return KeyDecoder.special(code).map { .key($0) }
        }
        guard result == OK else { return nil }
        return KeyDecoder.character(UInt32(ch)).map { .key($0) }
    }
}

/// Messages from the effect queue to the curses thread.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [DeskMessage] = []
    private var marker: Int64?

    private var polling = false

    /// Claims the one poll that may be under way; false while it is.
    func startPoll() -> Bool {
        lock.lock(); defer { lock.unlock() }
        if polling { return false }
        polling = true
        return true
    }

    func endPoll() {
        lock.lock(); defer { lock.unlock() }
        polling = false
    }

    func post(_ new: [DeskMessage], marker: Int64? = nil) {
        lock.lock(); defer { lock.unlock() }
        messages += new
        if let marker { self.marker = marker }
    }

    func drain() -> [DeskMessage] {
        lock.lock(); defer { lock.unlock() }
        let out = messages
        messages.removeAll()
        return out
    }

    func takeMarker() -> Int64? {
        lock.lock(); defer { lock.unlock() }
        let out = marker
        marker = nil
        return out
    }
}
