/// Telling a PostgreSQL URI from a file path, and showing one without its password.
public enum PGLocation {
    /// Whether `--db` names a PostgreSQL server (libpq's URI forms) rather than a SQLite file.
    public static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// `postgresql://user:secret@host/db` → `postgresql://user@host/db`, for messages and audit notes.
    public static func redacted(_ uri: String) -> String {
        guard let scheme = uri.range(of: "://") else { return uri }
        let rest = uri[scheme.upperBound...]
        guard let at = rest.firstIndex(of: "@") else { return uri }
        let credentials = rest[rest.startIndex..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return uri }
        return String(uri[..<scheme.upperBound]) + credentials[..<colon] + rest[at...]
    }
}
