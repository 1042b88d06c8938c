/// The SLA mark as a symbol, so state reads without colour (monochrome terminals, NO_COLOR).
public enum SLAMark {
    public static func symbol(_ status: ClockReading.Status) -> String {
        switch status {
        case .onTrack: "●"
        case .dueSoon: "◐"
        case .overdue: "!"
        case .met: "✓"
        case .breached: "✗"
        case .paused: "‖"
        }
    }
}
