import CLibPQ
import Foundation

/// The tests' PostgreSQL cluster (`Tests/pg/cluster.sh` exports `LAPOR_TEST_PG_ADMIN`), and a
/// fresh database in it for each test. Talks to libpq itself: the store's connection is internal.
public enum PGTestServer {
    public static let admin = ProcessInfo.processInfo.environment["LAPOR_TEST_PG_ADMIN"].flatMap { $0.isEmpty ? nil : $0 }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// A new empty database's URI.
    public static func database() throws -> String {
        guard let admin else { throw Failure(description: "LAPOR_TEST_PG_ADMIN is not set (Tests/all.sh starts a cluster)") }
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try execute("CREATE DATABASE \(name)", on: admin)
        return admin.replacingOccurrences(of: "/postgres?", with: "/\(name)?")
    }

    /// Drops the database a URI from ``database()`` names, whoever is still connected to it.
    public static func drop(_ uri: String) {
        // The database is the path's last part before the query (the socket's folder is in the query).
        guard let admin, let path = uri.split(separator: "?").first, let name = path.split(separator: "/").last,
              name.hasPrefix("t_") else { return }
        try? execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: admin)
    }

    /// One statement on its own connection.
    public static func execute(_ sql: String, on uri: String) throws {
        guard let connection = PQconnectdb(uri) else { throw Failure(description: "libpq: out of memory") }
        defer { PQfinish(connection) }
        guard PQstatus(connection) == CONNECTION_OK else {
            throw Failure(description: String(cString: PQerrorMessage(connection)))
        }
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK || PQresultStatus(result) == PGRES_TUPLES_OK else {
            throw Failure(description: String(cString: PQerrorMessage(connection)))
        }
    }
}
