import Foundation
import LaporCore

/// Where the benchmark's desks live: SQLite files in `--dir`, or databases on the PostgreSQL
/// server `--db` names (its user may create databases; the benchmark's are `lapor_bench_*`,
/// dropped and made again on each run). Every row of the table is measured the same way on both.
struct BenchTarget {
    /// The server's URI (any database of it), nil for SQLite files.
    let server: String?
    let dir: String

    var isServer: Bool { server != nil }

    /// A desk's location: a file in `dir`, or a database on the server.
    func location(_ name: String) -> String {
        guard let server else { return dir + "/\(name).sqlite" }
        return Self.uri(server, database: "lapor_bench_" + name.replacingOccurrences(of: "-", with: "_"))
    }

    /// Makes `name` empty: removes the file, or drops and creates the database.
    func reset(_ name: String) throws {
        let place = location(name)
        guard let server else {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: place + suffix) }
            return
        }
        let database = Self.database(of: place)
        try Self.psql(server, "DROP DATABASE IF EXISTS \(database)")
        try Self.psql(server, "CREATE DATABASE \(database)")
    }

    /// Removes `name` (the end of a row's work).
    func remove(_ name: String) {
        guard let server else {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: location(name) + suffix) }
            return
        }
        try? Self.psql(server, "DROP DATABASE IF EXISTS \(Self.database(of: location(name)))")
    }

    /// A copy of the desk `from` as `to` (a file copy, or a database made from it as a template).
    func clone(_ from: String, _ to: String) throws {
        guard let server else {
            remove(to)
            try FileManager.default.copyItem(atPath: location(from), toPath: location(to))
            return
        }
        remove(to)
        try Self.psql(server, "CREATE DATABASE \(Self.database(of: location(to))) TEMPLATE \(Self.database(of: location(from)))")
    }

    /// Runs statements through `psql` (the server's own client), stopping at the first error.
    @discardableResult
    static func psql(_ uri: String, _ script: String) throws -> Measure.Result {
        let result = try Measure.child(["psql", uri, "-q", "-X", "-v", "ON_ERROR_STOP=1"], stdin: "SET client_min_messages TO warning;\n" + script + "\n")
        guard result.status == 0 else { throw BenchError("psql failed (status \(result.status)) on: \(script.prefix(200))") }
        return result
    }

    /// Opens a desk by its location, on either engine.
    static func open(_ location: String) throws -> any DeskBackend {
        if PGLocation.isPostgres(location) { return try PGStore.open(uri: location) }
        return try LaporStore.open(path: location)
    }

    /// `uri` with its database replaced by `database`.
    static func uri(_ uri: String, database: String) -> String {
        guard let scheme = uri.range(of: "://") else { return uri }
        let rest = uri[scheme.upperBound...]
        let pathStart = rest.firstIndex(of: "/") ?? rest.firstIndex(of: "?") ?? rest.endIndex
        let query = rest[pathStart...].firstIndex(of: "?").map { String(rest[$0...]) } ?? ""
        return String(uri[..<scheme.upperBound]) + rest[..<pathStart] + "/" + database + query
    }

    /// The database a URI names.
    static func database(of uri: String) -> String {
        guard let scheme = uri.range(of: "://") else { return "" }
        let rest = uri[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        let name = rest[rest.index(after: slash)...]
        return String(name.prefix { $0 != "?" })
    }
}
