import Foundation
import LaporCore

/// Runs the desk without a terminal: feeds keys, applies every effect before the next key, and
/// returns the final screen and each key's latency (arrival to finished frame).
public struct HeadlessDesk {
    public let runtime: DeskRuntime
    public private(set) var model: DeskModel
    public private(set) var latencies: [Double] = []
    /// Milliseconds from a key to the exact counts of a new limit (which follow its first frame).
    public private(set) var countLatencies: [Double] = []
    /// Exact counts wait here until the key's frame is drawn, as they do in the terminal, where
    /// they arrive from the background a moment later.
    private var background: [DeskEffect] = []

    public init(runtime: DeskRuntime, width: Int, height: Int) {
        self.runtime = runtime
        model = runtime.initialModel(width: width, height: height)
        var m = model
        let effects = DeskUpdate.start(&m)
        model = m
        drain(effects)
    }

    /// Trains the suggestion model, as the terminal shell does in the background right after the
    /// first frame, so key latencies measure keys rather than the one-off training.
    public mutating func warmUp() {
        drain([.warmUp])
    }

    /// Sends one message and runs the effects it causes (and theirs) to completion.
    public mutating func send(_ message: DeskMessage) {
        send(message, deferCounts: false)
    }

    private mutating func send(_ message: DeskMessage, deferCounts: Bool) {
        var m = model
        let effects = DeskUpdate.update(&m, message)
        model = m
        drain(effects, deferCounts: deferCounts)
    }

    private mutating func drain(_ effects: [DeskEffect], deferCounts: Bool = false) {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            if effect == .quit { continue }
            if deferCounts, case .countWindow = effect { background.append(effect); continue }
            for message in runtime.run(effect) {
                var m = model
                queue += DeskUpdate.update(&m, message)
                model = m
            }
        }
    }

    /// Feeds keys, stopping early if the desk quits; records each key's latency in milliseconds.
    public mutating func press(_ keys: [Key]) {
        for key in keys {
            if model.quitting { break }
            let started = DispatchTime.now().uptimeNanoseconds
            send(.tick(runtime.clock()), deferCounts: true)
            send(.key(key), deferCounts: true)
            _ = DeskRender.render(model)
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
            if !background.isEmpty {
                let pending = background
                background = []
                drain(pending)
                _ = DeskRender.render(model)
                countLatencies.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
            }
        }
    }

    public var screen: ScreenBuffer { DeskRender.render(model) }
}
