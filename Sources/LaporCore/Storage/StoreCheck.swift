/// One line of `lapor db check`: an integrity check an engine ran on its store, and what it found.
public struct StoreCheck: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable {
        case ok
        case failed
        /// The check could not run here (say why in `detail`); it is not counted as passed.
        case skipped
    }

    public let name: String
    public let status: Status
    public let detail: String

    public init(_ name: String, _ status: Status, _ detail: String) {
        self.name = name
        self.status = status
        self.detail = detail
    }
}
