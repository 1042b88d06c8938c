import Foundation
import LaporCore

/// Writing to stdout and stderr: JSON documents for programs, sanitised text for people.
enum Output {
    static func line(_ text: String = "") {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints one JSON document (sorted keys, so output is stable for scripts and tests).
    static func json(_ value: Any) throws {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// Prints a Codable contract type the same way (sorted keys, pretty).
    static func encode<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(value))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// Whether stdout is a terminal (for colour and widths).
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// The width to lay tables out in: the terminal's, else `$COLUMNS`, else unlimited: piped into
    /// a file or `grep`, nothing is cut (an audit note cut at 120 columns lost its end).
    static var width: Int {
        var size = winsize()
        if isTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 { return columns }
        return isTerminal ? 120 : 100_000
    }
}
