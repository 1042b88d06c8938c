/// What a cell means on screen; the terminal maps each to colours or plain attributes, so
/// meaning never depends on colour alone (symbols and text carry it too).
public enum Style: UInt8, Sendable, CaseIterable {
    case normal, header, title, selected, dim, statusBar, message, error, prompt
    case overdue, dueSoon, onTrack, tagged, help, tab, activeTab
    /// A word the current search found.
    case match
}
