/// `lapor db copy FROM TO`: moves a whole desk between any two stores. The target must hold no
/// desk yet; every table is written in one transaction and then counted on both sides.
public enum StoreCopy {
    /// The rows each table holds after the copy (equal on both sides, or the copy throws).
    public struct Summary: Codable, Equatable, Sendable {
        public struct Table: Codable, Equatable, Sendable {
            public let table: String
            public let rows: Int
        }
        public let from: String
        public let to: String
        public let tables: [Table]
    }

    /// Copies `source` into `target` for `login`, who must be a supervisor of the source desk (the copy
    /// carries every reporter's identity); a source with no people yet may be copied by anyone who can
    /// open it. The copy adds no audit record, so both stores hold the same trail.
    public static func copy(from source: TableStore, to target: TableStore, by login: String) throws -> Summary {
        try authorise(login, on: source)
        if let occupant = try target.occupant() {
            throw LaporError.refused(
                en: "The target \(target.location) already holds a desk (\(occupant)); "
                    + "db copy writes only into an empty store. Nothing was copied.",
                id: "Tujuan \(target.location) sudah berisi desk (\(occupant)); "
                    + "db copy hanya menulis ke penyimpanan kosong. Tidak ada yang disalin.")
        }
        let tables = StoreTables.all
        try target.load(tables) { table, sink in
            try source.readRows(table, sink)
        }
        var counted: [Summary.Table] = []
        for table in tables {
            let expected = try source.rowCount(table)
            let found = try target.rowCount(table)
            guard expected == found else {
                throw LaporError.refused(
                    en: "The copy of \(table.name) holds \(found) rows where \(source.location) has \(expected); "
                        + "check the target before using it.",
                    id: "Salinan \(table.name) berisi \(found) baris, sedangkan \(source.location) berisi \(expected); "
                        + "periksa tujuan sebelum dipakai.")
            }
            counted.append(.init(table: table.name, rows: found))
        }
        return Summary(from: source.location, to: target.location, tables: counted)
    }

    private static func authorise(_ login: String, on source: TableStore) throws {
        guard let users = StoreTables.all.first(where: { $0.name == "user" }),
              let loginColumn = users.columns.firstIndex(where: { $0.name == "login" }),
              let roleColumn = users.columns.firstIndex(where: { $0.name == "role" }) else { return }
        var people = 0
        var role: Role?
        try source.readRows(users) { row in
            guard case let .text(rowRole) = row[roleColumn], rowRole != Role.system.rawValue else { return }
            people += 1
            if row[loginColumn] == .text(login) { role = Role(rawValue: rowRole) }
        }
        guard people > 0 else { return }
        guard let role else { throw LaporError.unknownUser(login: login) }
        guard role == .supervisor else {
            throw LaporError.permissionDenied(login: login, role: role, what: "copy the whole desk (db copy)")
        }
    }
}
