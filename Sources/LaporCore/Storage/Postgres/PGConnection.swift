import CLibPQ
import Foundation

/// A failure PostgreSQL reported: its SQLSTATE (e.g. 40001 for a serialization failure) and message.
struct PGError: Error, CustomStringConvertible {
    let sqlState: String
    let message: String

    var description: String { message }
}

/// One libpq connection, used synchronously like GRDB's: text-format values in and out, COPY
/// both ways. Not shared between threads.
final class PGConnection {
    private let handle: OpaquePointer
    /// The URI without its password, for messages.
    let location: String

    /// Defaults a URI may override: a dead server or a cut link is noticed within seconds
    /// (connect timeout, TCP keepalives, an unacknowledged send) instead of TCP's minutes.
    static let faultDefaults: [(String, String)] = [
        ("connect_timeout", "5"), ("keepalives", "1"), ("keepalives_idle", "5"), ("keepalives_interval", "2"),
        ("keepalives_count", "3"), ("tcp_user_timeout", "10000"),
    ]

    init(uri: String) throws {
        location = PGLocation.redacted(uri)
        // Keywords are read in order and the URI (expanded from `dbname`) comes last, so it wins.
        let keywords = Self.faultDefaults.map(\.0) + ["dbname"]
        let values = Self.faultDefaults.map(\.1) + [uri]
        let opened: OpaquePointer? = Self.withCStrings(keywords) { keys in
            Self.withCStrings(values) { vals in
                PQconnectdbParams(keys + [nil], vals + [nil], 1)
            }
        }
        guard let connection = opened else {
            throw LaporError.cannotOpenDatabase(path: location, reason: "libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            // libpq's message spans lines ("…failed: Connection refused\n\tIs the server running…").
            let reason = String(cString: PQerrorMessage(connection))
                .split(whereSeparator: { $0.isNewline || $0 == "\t" })
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .joined(separator: " ")
            PQfinish(connection)
            throw LaporError.cannotOpenDatabase(path: location, reason: reason)
        }
        handle = connection
        try execute(Self.sessionSetup)
    }

    deinit {
        PQfinish(handle)
    }

    /// How long a command waits for a lost or restarting server: `LAPOR_PG_PATIENCE` seconds, 30
    /// when unset; read once, for connecting and for reconnecting alike.
    static let defaultPatience: TimeInterval = ProcessInfo.processInfo.environment["LAPOR_PG_PATIENCE"]
        .flatMap(TimeInterval.init) ?? 30

    /// Connects; a server that says it is shutting down or starting up (a restart) is waited for,
    /// up to `LAPOR_PG_PATIENCE` seconds (30). Any other failure (a wrong host, port or password)
    /// is reported at once.
    static func waitingForRestart(uri: String) throws -> PGConnection {
        let patience = defaultPatience
        let deadline = Date().addingTimeInterval(patience)
        var pause = 0.05
        while true {
            do {
                return try PGConnection(uri: uri)
            } catch LaporError.cannotOpenDatabase(let path, let reason) {
                let restarting = ["shutting down", "starting up", "not yet accepting connections", "in recovery mode"]
                guard restarting.contains(where: reason.contains), Date().addingTimeInterval(pause) < deadline else {
                    throw LaporError.cannotOpenDatabase(path: path, reason: reason)
                }
                Thread.sleep(forTimeInterval: pause)
                pause = min(pause * 2, 1)
            }
        }
    }

    /// Quiet notices; and a transaction left open by a desk whose link was cut is ended by the
    /// server, so its row locks do not outlive it (the desk's own transactions never idle).
    static let sessionSetup = "SET client_min_messages = warning; SET idle_in_transaction_session_timeout = '15s'"

    /// Whether the server is gone (restarted, unreachable): every statement fails until ``reset()``.
    var isLost: Bool { PQstatus(handle) != CONNECTION_OK }

    /// Connects again with the same parameters; true when the server answers.
    func reset() -> Bool {
        PQreset(handle)
        prepared.removeAll()
        guard PQstatus(handle) == CONNECTION_OK else { return false }
        return (try? execute(Self.sessionSetup)) != nil
    }

    /// Lookups kept prepared on this connection, by their text: a lookup by key plans the same for
    /// every value, and planning was most of its time on the server (a report by id: 0.3 of 0.4 ms).
    /// A filter's statement is never kept, since its best plan depends on its values.
    private var prepared: [String: String] = [:]

    /// Runs one statement (or several without parameters) and returns its rows as text. With `keep`,
    /// a statement with parameters is prepared on its first run and run by name after that.
    @discardableResult
    func execute(_ sql: String, _ parameters: [String?] = [], keep: Bool = false) throws -> PGRows {
        let result: OpaquePointer?
        if keep && !parameters.isEmpty {
            let name = try preparedName(sql, parameters: parameters.count)
            result = Self.withCStrings(parameters) { values in
                PQexecPrepared(handle, name, Int32(parameters.count), values, nil, nil, 0)
            }
        } else if parameters.isEmpty {
            result = PQexec(handle, sql)
        } else {
            result = Self.withCStrings(parameters) { values in
                PQexecParams(handle, sql, Int32(parameters.count), nil, values, nil, nil, 0)
            }
        }
        return try PGRows(checking: result, connection: handle)
    }

    /// The name `sql` is prepared under on this connection, preparing it the first time.
    private func preparedName(_ sql: String, parameters: Int) throws -> String {
        if let name = prepared[sql] { return name }
        let name = "lapor_\(prepared.count + 1)"
        _ = try PGRows(checking: PQprepare(handle, name, sql, Int32(parameters), nil), connection: handle)
        prepared[sql] = name
        return name
    }

    /// Reads what the server sent meanwhile without waiting, and counts the notifications in it.
    func takeNotifications() -> Int {
        guard PQconsumeInput(handle) == 1 else { return 0 }
        var count = 0
        while let note = PQnotifies(handle) {
            count += 1
            PQfreemem(note)
        }
        return count
    }

    /// Runs `body` in one transaction; a throw rolls it back, and so does `rollback` (a dry run).
    func transaction<T>(rollback: Bool = false, _ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute(rollback ? "ROLLBACK" : "COMMIT")
            return value
        } catch {
            _ = PQexec(handle, "ROLLBACK").map { PQclear($0) }
            throw error
        }
    }

    /// `COPY … FROM STDIN` (text format): `body` sends lines through the writer it is given.
    func copyIn(_ sql: String, _ body: (PGCopyWriter) throws -> Void) throws {
        try startCopy(sql, expecting: PGRES_COPY_IN)
        let writer = PGCopyWriter(connection: handle)
        var failure: Error?
        do {
            try body(writer)
            try writer.flush()
        } catch {
            failure = error
        }
        let ended = failure == nil ? PQputCopyEnd(handle, nil) : PQputCopyEnd(handle, "the copy was abandoned")
        let endError = ended == 1 ? nil : PGError(sqlState: "", message: String(cString: PQerrorMessage(handle)))
        let copyError = finishCopy()
        if let failure { throw failure }
        if let error = endError ?? copyError { throw error }
    }

    /// `COPY … TO STDOUT` (text format): calls `line` with each row's line, without its newline.
    func copyOut(_ sql: String, _ line: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try startCopy(sql, expecting: PGRES_COPY_OUT)
        var failure: Error?
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let length = PQgetCopyData(handle, &buffer, 0)
            if length < 0 { break }
            guard let buffer else { continue }
            defer { PQfreemem(buffer) }
            if failure != nil { continue }
            let bytes = UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self)
            let count = Int(length) > 0 && bytes[Int(length) - 1] == 0x0A ? Int(length) - 1 : Int(length)
            do {
                try line(UnsafeBufferPointer(start: bytes, count: count))
            } catch {
                failure = error
            }
        }
        let copyError = finishCopy()
        if let failure { throw failure }
        if let copyError { throw copyError }
    }

    /// Sends a COPY statement and frees libpq's answer once; a refusal is thrown as the server's error.
    private func startCopy(_ sql: String, expecting status: ExecStatusType) throws {
        let start = PQexec(handle, sql)
        guard PQresultStatus(start) == status else {
            // PGRows owns the result from here: it frees it whether it throws or not.
            _ = try PGRows(checking: start, connection: handle)
            throw PGError(sqlState: "", message: "\(sql.prefix(60)) did not start a COPY")
        }
        PQclear(start)
    }

    /// Reads the results a COPY leaves behind (libpq requires it) and returns the first error.
    private func finishCopy() -> Error? {
        var firstError: Error?
        while let result = PQgetResult(handle) {
            do {
                _ = try PGRows(checking: result, connection: handle)
            } catch {
                firstError = firstError ?? error
            }
        }
        return firstError
    }

    private static func withCStrings<R>(_ values: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        let copies = values.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        return body(copies.map { $0.map { UnsafePointer($0) } })
    }
}

/// Buffers COPY lines and hands them to libpq in large pieces.
final class PGCopyWriter {
    private let connection: OpaquePointer
    private var buffer: [UInt8] = []

    init(connection: OpaquePointer) {
        self.connection = connection
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends one row: values already in COPY's text form, joined by tabs.
    func row(_ fields: [String]) throws {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(0x09) }
            buffer.append(contentsOf: field.utf8)
        }
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        let sent = buffer.withUnsafeBufferPointer { pointer in
            pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: pointer.count) {
                PQputCopyData(connection, $0, Int32(pointer.count))
            }
        }
        guard sent == 1 else { throw PGError(sqlState: "", message: String(cString: PQerrorMessage(connection))) }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A statement's result: rows of text values (nil for NULL). Owns and frees libpq's result.
final class PGRows {
    private let result: OpaquePointer?
    let count: Int
    let columns: Int

    init(checking result: OpaquePointer?, connection: OpaquePointer) throws {
        guard let result else {
            throw PGError(sqlState: "", message: String(cString: PQerrorMessage(connection)))
        }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN
                || status == PGRES_COPY_OUT else {
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
            let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
            let message = primary ?? String(cString: PQresultErrorMessage(result))
            PQclear(result)
            throw PGError(sqlState: state, message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        self.result = status == PGRES_COPY_IN || status == PGRES_COPY_OUT ? nil : result
        if self.result == nil { PQclear(result) }
        count = self.result.map { Int(PQntuples($0)) } ?? 0
        columns = self.result.map { Int(PQnfields($0)) } ?? 0
    }

    deinit {
        if let result { PQclear(result) }
    }

    func text(_ row: Int, _ column: Int) -> String? {
        guard let result, row < count, column < columns, PQgetisnull(result, Int32(row), Int32(column)) == 0 else {
            return nil
        }
        return String(cString: PQgetvalue(result, Int32(row), Int32(column)))
    }

    func int(_ row: Int, _ column: Int) -> Int? {
        text(row, column).flatMap { Int($0) }
    }
}
