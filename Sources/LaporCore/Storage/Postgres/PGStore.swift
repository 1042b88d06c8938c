import Foundation

/// The desk on a PostgreSQL server: every command's reads and writes there, the deciding shared
/// with the SQLite store through the core's flows (docs/decisions.md, "PostgreSQL").
///
/// One libpq connection, used by one thread at a time (a lock keeps it so). Reads run as single
/// statements, each seeing one snapshot; a page of reports is one statement. Writes run in
/// ``write(_:)``: one transaction that holds the connection and is retried when the server
/// gives it up (a deadlock, a serialization failure, a register number taken meanwhile).
public final class PGStore: ReportReading, @unchecked Sendable {
    private let connection: PGConnection
    /// Recursive: a write transaction holds it while the reads inside it take it again.
    private let lock = NSRecursiveLock()
    /// Inside ``write(_:)`` the server's errors stay `PGError`s, so the retry can see their SQLSTATE.
    private var writing = false
    /// Inside ``snapshot(_:)`` a lost server is recovered by the snapshot, not statement by statement.
    private var inSnapshot = false
    /// Whether this connection LISTENs for other desks' changes, and how many it has heard of.
    private var listening = false
    private var heardChanges: Int64 = 0
    /// The routing model last read or trained, with the audit id it learned through: a desk (or a
    /// benchmark) asking again reads two numbers instead of the model's bytes.
    var keptModel: (through: Int64, model: RoutingModel)? {
        get { lock.withLock { keptModelValue } }
        set { lock.withLock { keptModelValue = newValue } }
    }
    private var keptModelValue: (through: Int64, model: RoutingModel)?
    public let zone: DeskZone
    /// Candidates' incident signatures, kept while their text is unchanged.
    let signatureCache = SignatureCache()

    /// Connects (libpq's URI forms, `~/.pgpass` and `PG*` variables apply) and migrates.
    public static func open(uri: String) throws -> PGStore {
        let connection = try PGConnection.waitingForRestart(uri: uri)
        do {
            try PGSchema.migrate(connection)
            let rows = try connection.execute("SELECT value FROM setting WHERE key = 'time_zone'")
            let zone = rows.text(0, 0).flatMap(DeskZone.init(identifier:)) ?? .jakarta
            let rights = try connection.execute("""
                SELECT has_table_privilege('report_identity', 'SELECT'), has_table_privilege('report', 'UPDATE')
                """)
            return PGStore(connection, zone: zone, readsIdentities: rights.text(0, 0) == "t",
                           updatesReports: rights.text(0, 1) == "t")
        } catch let error as PGError {
            throw LaporError.cannotOpenDatabase(path: connection.location, reason: error.message)
        }
    }

    private init(_ connection: PGConnection, zone: DeskZone, readsIdentities: Bool, updatesReports: Bool) {
        self.connection = connection
        self.zone = zone
        self.readsIdentities = readsIdentities
        self.updatesReports = updatesReports
        reportColumns = PGRowDecoding.reportColumns(identities: readsIdentities)
    }

    /// Whether this connection may read protected reporters' identities (the desk's owner); a
    /// desk role reads them masked, and only a supervisor's reveal fills them in.
    public let readsIdentities: Bool
    /// Whether the connected role may change reports at all (a viewer may not).
    let updatesReports: Bool
    /// The report columns this connection selects, identities joined in when it may read them.
    let reportColumns: String

    public var location: String { connection.location }

    /// How long one call waits for a lost server to come back before it gives up (73): a
    /// command waits `LAPOR_PG_PATIENCE` seconds (30 by default); a desk waits a moment and says
    /// that it is disconnected, then tries again at its next poll.
    public var patience: TimeInterval = PGConnection.defaultPatience

    /// Connects again, pausing 50 ms, 100 ms … up to 1 s between tries, until ``patience`` runs
    /// out; LISTENs again, and counts the return as a change so that a desk reloads.
    private func recover() throws {
        let deadline = Date().addingTimeInterval(patience)
        var pause = 0.05
        while !connection.reset() {
            guard Date().addingTimeInterval(pause) < deadline else {
                throw LaporError.cannotOpenDatabase(path: location, reason: String(format:
                    "the server does not answer (tried for %.0f s); nothing was changed by this call", patience))
            }
            Thread.sleep(forTimeInterval: pause)
            pause = min(pause * 2, 1)
        }
        if listening { _ = try? connection.execute("LISTEN lapor_change") }
        heardChanges += 1
    }

    /// Runs one statement under the lock, translating the server's refusals into the desk's errors.
    /// A read outside a transaction that meets a lost server waits for it and is sent again once;
    /// anything else fails (writes run in ``write(_:)``, which knows whether they landed).
    /// `keep` prepares a lookup by key once per connection (``PGConnection/execute(_:_:keep:)``).
    @discardableResult
    func query(_ sql: String, _ parameters: [String?] = [], keep: Bool = false) throws -> PGRows {
        lock.lock()
        defer { lock.unlock() }
        var recovered = false
        while true {
            do {
                return try connection.execute(sql, parameters, keep: keep)
            } catch let error as PGError where !writing {
                if connection.isLost && !recovered && !inSnapshot && Self.isRead(sql) {
                    try recover()
                    recovered = true
                    continue
                }
                throw PGTables.translate(error, location: location)
            }
        }
    }

    /// `COPY … FROM STDIN` under the lock, with the same translation of refusals as ``query(_:_:)``.
    func copyIn(_ sql: String, _ body: (PGCopyWriter) throws -> Void) throws {
        lock.lock()
        defer { lock.unlock() }
        do {
            try connection.copyIn(sql, body)
        } catch let error as PGError where !writing {
            throw PGTables.translate(error, location: location)
        }
    }

    private static func isRead(_ sql: String) -> Bool {
        sql.drop { $0.isWhitespace }.prefix(6).uppercased() == "SELECT"
    }

    /// Runs several reads as one snapshot (REPEATABLE READ, read only), holding the connection;
    /// a server lost meanwhile is waited for and the reads run again once.
    func snapshot<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        var recovered = false
        while true {
            do {
                try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            } catch let error as PGError {
                if connection.isLost && !recovered {
                    try recover()
                    recovered = true
                    continue
                }
                throw PGTables.translate(error, location: location)
            }
            do {
                inSnapshot = true
                defer { inSnapshot = false }
                let value = try body()
                try connection.execute("COMMIT")
                return value
            } catch {
                _ = try? connection.execute("ROLLBACK")
                if connection.isLost && !recovered {
                    try recover()
                    recovered = true
                    continue
                }
                if let error = error as? PGError { throw PGTables.translate(error, location: location) }
                throw error
            }
        }
    }

    /// SQLSTATEs after which the whole transaction is run again: serialization failure, deadlock,
    /// a lock wait past `lock_timeout`, a unique key another writer took first.
    private static let retryable: Set<String> = ["40001", "40P01", "55P03", "23505"]

    /// Runs `body` in one READ COMMITTED transaction holding the connection. Rows are held with
    /// `SELECT … FOR UPDATE` inside it; when the server gives the transaction up it is rolled back
    /// and run again after a short, growing, jittered pause; after eight tries it is busy (75).
    ///
    /// A server lost meanwhile is waited for (``patience``). Whether the transaction landed is then
    /// asked by its id (`txid_status`): committed, its result is returned and nothing runs twice;
    /// otherwise nothing of it landed and it runs again.
    func write<T>(rollback: Bool = false, _ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        var attempt = 0
        var losses = 0
        while true {
            var transactionID: String?
            var result: T?
            do {
                writing = true
                defer { writing = false }
                return try connection.transaction(rollback: rollback) {
                    transactionID = try connection.execute("SET LOCAL lock_timeout = '5s'; SELECT txid_current()").text(0, 0)
                    let value = try body()
                    result = value
                    return value
                }
            } catch let error as PGError {
                if connection.isLost {
                    losses += 1
                    guard losses <= 3 else { throw PGTables.translate(error, location: location) }
                    try recover()
                    if !rollback, let transactionID, let result,
                       try connection.execute("SELECT txid_status($1)", [transactionID]).text(0, 0) == "committed" {
                        return result
                    }
                    continue
                }
                attempt += 1
                guard Self.retryable.contains(error.sqlState) else {
                    throw PGTables.translate(error, location: location)
                }
                guard attempt < 8 else { throw LaporError.databaseBusy(path: location) }
                usleep(UInt32.random(in: 1_000...(5_000 << min(attempt, 6))))
            }
        }
    }

    /// A notification needs no round trip to notice: the desk may ask often.
    public var changeCheckInterval: TimeInterval { 0.1 }

    /// Counts the `lapor_change` notifications (one per committed transaction that wrote audit
    /// records, by trigger) this connection has received; LISTENs on first use.
    public func changeMarker() throws -> Int64 {
        lock.lock()
        defer { lock.unlock() }
        if !listening {
            do {
                try connection.execute("LISTEN lapor_change")
            } catch let error as PGError {
                throw PGTables.translate(error, location: location)
            }
            listening = true
        }
        heardChanges += Int64(connection.takeNotifications())
        if connection.isLost { try recover() }
        return heardChanges
    }

    /// The server role this connection logged in as, and whether it administers the desk (owns
    /// its tables or is a superuser) rather than being one of its people.
    public func sessionRole() throws -> (login: String, administers: Bool) {
        let rows = try query("""
            SELECT session_user::text, coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
                OR pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'public.report'::regclass), 'MEMBER')
            """)
        return (rows.text(0, 0) ?? "", rows.text(0, 1) == "t")
    }

    public func hasPeople() throws -> Bool {
        try query("SELECT EXISTS (SELECT 1 FROM \"user\" WHERE role <> 'system')").text(0, 0) == "t"
    }

    public func user(login: String) throws -> User {
        let rows = try query("SELECT \(PGRowDecoding.userColumns) FROM \"user\" WHERE login = $1", [login])
        guard rows.count > 0 else { throw LaporError.unknownUser(login: login) }
        return PGRowDecoding.user(rows, 0)
    }

    public func agencies() throws -> [Agency] {
        // SQLite orders codes NOCASE: by their ASCII-lowercased bytes.
        let rows = try query("""
            SELECT \(PGRowDecoding.agencyColumns) FROM agency WHERE merged_into IS NULL ORDER BY lower(code) COLLATE "C"
            """)
        return (0..<rows.count).map { PGRowDecoding.agency(rows, $0) }
    }

    public func mergedAgencies() throws -> [Int64: Int64] {
        let rows = try query("SELECT id, merged_into FROM agency WHERE merged_into IS NOT NULL")
        var out: [Int64: Int64] = [:]
        for i in 0..<rows.count {
            if let from = PGRowDecoding.int(rows, i, 0), let into = PGRowDecoding.int(rows, i, 1) {
                out[from] = into
            }
        }
        return out
    }

    public func agency(named ref: String) throws -> Agency {
        try Agency.resolve(ref, among: agencies())
    }

    public func reports(_ query: ReportQuery, for user: User) throws -> [Report] {
        var (whereSQL, parameters) = try whereClause(query.condition, visibility: Visibility(user: user))
        var sql = "SELECT \(reportColumns) FROM report \(whereSQL) ORDER BY \(PGCondition.orderBy(query.sort))"
        if let limit = query.limit {
            parameters += [String(max(0, limit)), String(max(0, query.offset))]
            sql += " LIMIT $\(parameters.count - 1) OFFSET $\(parameters.count)"
        }
        let rows = try self.query(sql, parameters)
        return (0..<rows.count).map { PGRowDecoding.report(rows, $0) }
    }

    public func countReports(_ condition: ReportCondition?, for user: User) throws -> Int {
        let (whereSQL, parameters) = try whereClause(condition, visibility: Visibility(user: user))
        return try query("SELECT count(*) FROM report \(whereSQL)", parameters).int(0, 0) ?? 0
    }

    public func deskCalendar() throws -> WorkingCalendar {
        let rows = try query("SELECT date FROM holiday WHERE calendar = 'national'")
        return WorkingCalendar(name: "national", holidays: Set((0..<rows.count).compactMap { rows.text($0, 0).flatMap(Trend.Day.init) }))
    }

    /// The condition and the reader's visibility as one WHERE clause with its parameters; `~a TEXT`
    /// is first resolved to the agencies it names, so the planner sees `agency_id = $n` (an index
    /// range in submission order) instead of a join it would meet row by row over the whole queue.
    func whereClause(_ condition: ReportCondition?, visibility: Visibility) throws -> (String, [String?]) {
        Self.whereClause(try condition.map(resolvingAgencies), visibility: visibility)
    }

    private func resolvingAgencies(_ condition: ReportCondition) throws -> ReportCondition {
        switch condition {
        case .all(let parts): return .all(try parts.map(resolvingAgencies))
        case .any(let parts): return .any(try parts.map(resolvingAgencies))
        case .not(let part): return .not(try resolvingAgencies(part))
        case .agencyMatching(let text):
            let rows = try query("""
                SELECT id FROM agency WHERE merged_into IS NULL AND
                CASE WHEN EXISTS (SELECT 1 FROM agency WHERE lower(code) = lower($1) AND merged_into IS NULL)
                THEN lower(code) = lower($1) ELSE (code ILIKE $2 OR name ILIKE $2 OR aliases ILIKE $2) END ORDER BY id
                """, [text, PGCondition.like(text)])
            let ids = (0..<rows.count).compactMap { PGRowDecoding.int(rows, $0, 0) }
            if ids.isEmpty { return .nothing }
            return ids.count == 1 ? .agencyID(ids[0]) : .any(ids.map { .agencyID($0) })
        default: return condition
        }
    }

    /// The condition and the reader's visibility as one WHERE clause with its parameters, as given.
    static func whereClause(_ condition: ReportCondition?, visibility: Visibility) -> (String, [String?]) {
        var renderer = PGCondition()
        var parts: [String] = []
        if let condition { parts.append("(\(renderer.sql(condition)))") }
        if case .agency(let own) = visibility { parts.append("(\(renderer.sql(.agencyID(own))))") }
        return (parts.isEmpty ? "" : "WHERE " + parts.joined(separator: " AND "), renderer.parameters)
    }
}
