/// A PostgreSQL store seen as its tables, for `lapor db copy` and `lapor db check`.
public final class PGTables: TableStore {
    let connection: PGConnection

    /// Connects (libpq's URI forms, `~/.pgpass` and `PG*` variables apply) and migrates.
    public static func open(uri: String) throws -> PGTables {
        let connection = try PGConnection(uri: uri)
        do {
            try PGSchema.migrate(connection)
        } catch let error as PGError {
            throw LaporError.cannotOpenDatabase(path: connection.location, reason: error.message)
        }
        return PGTables(connection)
    }

    init(_ connection: PGConnection) {
        self.connection = connection
    }

    public var location: String { connection.location }

    public func occupant() throws -> String? {
        try guarded {
            let rows = try connection.execute("""
                SELECT (SELECT count(*) FROM report), (SELECT count(*) FROM audit), (SELECT count(*) FROM agency),
                       (SELECT count(*) FROM "user" WHERE role <> 'system')
                """)
            return Occupancy(reports: rows.int(0, 0) ?? 0, auditRecords: rows.int(0, 1) ?? 0,
                             agencies: rows.int(0, 2) ?? 0, people: rows.int(0, 3) ?? 0).description
        }
    }

    public func rowCount(_ table: StoreTable) throws -> Int {
        try guarded {
            try connection.execute("SELECT count(*) FROM \(quoted(table.name))").int(0, 0) ?? 0
        }
    }

    public func readRows(_ table: StoreTable, _ row: ([StoreValue]) throws -> Void) throws {
        try guarded {
            let columns = try selectList(table)
            // Text keys in byte order, as SQLite reads them, whatever the database's collation.
            let order = table.key.map { key in
                let kind = table.columns.first { $0.name == key }?.kind
                return kind == .text ? "\(quoted(key)) COLLATE \"C\"" : quoted(key)
            }.joined(separator: ", ")
            let sql = "COPY (SELECT \(columns) FROM \(quoted(table.name)) ORDER BY \(order)) TO STDOUT"
            try connection.copyOut(sql) { line in
                let fields = PGCopyText.fields(line)
                guard fields.count == table.columns.count else {
                    let expected = table.columns.count
                throw LaporError.invalidArgument("\(table.name): a row with \(fields.count) fields where \(expected) were expected.")
                }
                var values: [StoreValue] = []
                values.reserveCapacity(fields.count)
                for (field, column) in zip(fields, table.columns) {
                    values.append(try PGCopyText.value(field, kind: column.kind, table: table.name, column: column.name))
                }
                try row(values)
            }
        }
    }

    /// Gives each copied desk user its server role when the connected role may make roles;
    /// otherwise a supervisor adds them later (docs/deploy.md).
    private func grantDeskRoles() throws {
        let may = try connection.execute("""
            SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user
            """).text(0, 0) == "t"
        guard may else { return }
        let roles = Role.assignable.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        try connection.execute("SELECT lapor_desk_role(login, role) FROM \"user\" WHERE role IN (\(roles)) ORDER BY login")
    }

    /// A table's columns as read for a copy: a report's protected identities come back from
    /// `report_identity`, so only a connection that may read them (the owner) copies reports.
    private func selectList(_ table: StoreTable) throws -> String {
        guard table.name == "report" else { return table.columns.map { quoted($0.name) }.joined(separator: ", ") }
        let readable = try connection.execute("SELECT has_table_privilege('report_identity', 'SELECT')").text(0, 0) == "t"
        guard readable else {
            throw LaporError.serverDenied(path: location, reason: "copying reports needs the desk's owner, "
                + "the only server role that reads protected reporters' identities")
        }
        return table.columns.map { column in
            ["reporter_name", "reporter_contact"].contains(column.name)
                ? PGAccessSchema.identity(column.name) : quoted(column.name)
        }.joined(separator: ", ")
    }

    /// Every table's rows by COPY in one transaction; the id sequences then start past the copy.
    public func load(_ tables: [StoreTable], rows: (StoreTable, ([StoreValue]) throws -> Void) throws -> Void) throws {
        try guarded {
            try connection.transaction {
                for table in tables.reversed() {
                    try connection.execute("DELETE FROM \(quoted(table.name))")
                }
                for table in tables {
                    let columns = table.columns.map { quoted($0.name) }.joined(separator: ", ")
                    try connection.copyIn("COPY \(quoted(table.name)) (\(columns)) FROM STDIN") { writer in
                        try rows(table) { values in
                            var fields: [String] = []
                            fields.reserveCapacity(values.count)
                            for (value, column) in zip(values, table.columns) {
                                fields.append(try PGCopyText.encode(value, table: table.name, column: column.name))
                            }
                            try writer.row(fields)
                        }
                    }
                    if table.name == "user" { try grantDeskRoles() }
                    if let identity = table.identity {
                        try connection.execute("""
                            SELECT setval(pg_get_serial_sequence('\(quoted(table.name))', '\(identity)'),
                                          coalesce(max(\(quoted(identity))), 0) + 1, false) FROM \(quoted(table.name))
                            """)
                    }
                }
            }
        }
    }
}

extension PGTables {
    /// PostgreSQL's refusals as the desk's errors: a lost server is "cannot open" (73), a lock or
    /// serialization conflict is "busy" (75), anything else a refusal naming the server's reason (1).
    func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PGError {
            throw Self.translate(error, location: location)
        }
    }

    static func translate(_ error: PGError, location: String) -> LaporError {
        let state = error.sqlState
        if state.isEmpty || state.hasPrefix("08") || state.hasPrefix("57P") {
            return .cannotOpenDatabase(path: location, reason: error.message)
        }
        if ["40001", "40P01", "55P03"].contains(state) {
            return .databaseBusy(path: location)
        }
        if state == "42501" {
            return .serverDenied(path: location, reason: error.message)
        }
        return .refused(
            en: "PostgreSQL at \(location) refused: \(error.message) (SQLSTATE \(state)). Nothing was changed.",
            id: "PostgreSQL di \(location) menolak: \(error.message) (SQLSTATE \(state)). Tidak ada yang diubah.")
    }
}

private func quoted(_ name: String) -> String { "\"\(name)\"" }
