/// One value of a stored row, as both engines hold it: what moves when a desk moves between
/// stores (`lapor db copy`).
public enum StoreValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// A column's kind, the same on both engines (SQLite INTEGER/REAL/TEXT/BLOB; PostgreSQL bigint,
/// double precision, text, bytea).
public enum ColumnKind: Sendable {
    case integer
    case real
    case text
    case blob
}

/// A table of the desk as both engines store it: its columns in order and the key rows are read
/// in, so a copy is the same row for row whatever the engine.
public struct StoreTable: Sendable {
    public let name: String
    public let columns: [(name: String, kind: ColumnKind)]
    /// Columns of the primary key, the order rows are read and written in.
    public let key: [String]
    /// The table's integer id column that a sequence feeds (PostgreSQL sets it past the copy).
    public let identity: String?

    init(_ name: String, key: [String], identity: String? = nil, _ columns: [(String, ColumnKind)]) {
        self.name = name
        self.key = key
        self.identity = identity
        self.columns = columns.map { (name: $0.0, kind: $0.1) }
    }
}

/// Every table that holds a desk, parents before children. Derived search indexes are not
/// listed: each engine rebuilds its own from the reports.
public enum StoreTables {
    public static let all: [StoreTable] = [
        StoreTable("setting", key: ["key"], [("key", .text), ("value", .text)]),
        StoreTable("agency", key: ["id"], identity: "id", [
            ("id", .integer), ("code", .text), ("name", .text), ("aliases", .text), ("calendar", .text),
            ("created_at", .integer), ("merged_into", .integer),
        ]),
        StoreTable("user", key: ["id"], identity: "id", [
            ("id", .integer), ("login", .text), ("name", .text), ("role", .text), ("agency_id", .integer),
            ("created_at", .integer),
        ]),
        StoreTable("report", key: ["id"], identity: "id", [
            ("id", .integer), ("tracking_id", .text), ("submitted_at", .integer), ("title", .text), ("body", .text),
            ("category", .text), ("subcategory", .text), ("type", .text), ("channel", .text),
            ("reporter_name", .text), ("reporter_contact", .text), ("anonymous", .integer), ("confidential", .integer),
            ("kecamatan", .text), ("kelurahan", .text), ("address", .text), ("agency_id", .integer), ("state", .text),
            ("bounces", .integer), ("returned", .integer), ("version", .integer), ("state_since", .integer),
            ("updated_at", .integer), ("desk_touched", .integer), ("due_at", .integer), ("due_soon_at", .integer),
            ("due_clock", .text), ("incident_of", .integer),
        ]),
        StoreTable("audit", key: ["id"], identity: "id", [
            ("id", .integer), ("at", .integer), ("actor", .text), ("role", .text), ("action", .text),
            ("report_id", .integer), ("from_state", .text), ("to_state", .text), ("from_agency_id", .integer),
            ("to_agency_id", .integer), ("note", .text), ("via_incident", .integer), ("detail", .text),
        ]),
        StoreTable("holiday", key: ["calendar", "date"], [
            ("calendar", .text), ("date", .text), ("name", .text), ("kind", .text), ("source", .text),
        ]),
        StoreTable("routing_rule", key: ["id"], identity: "id", [
            ("id", .integer), ("kind", .text), ("pattern", .text), ("agency_id", .integer), ("weight", .real),
            ("categories", .text),
        ]),
        StoreTable("report_origin", key: ["tracking_id"], [
            ("tracking_id", .text), ("type_label", .text), ("status_label", .text), ("status_reason", .text),
            ("channel_label", .text), ("original_body", .text), ("parent_agency", .text),
        ]),
        StoreTable("routing_model", key: ["id"], [
            ("id", .integer), ("through_audit_id", .integer), ("documents", .integer), ("data", .blob),
        ]),
        StoreTable("reply_template", key: ["name"], [
            ("name", .text), ("lang", .text), ("actions", .text), ("agency_id", .integer), ("text", .text),
            ("updated_at", .integer), ("updated_by", .text),
        ]),
        StoreTable("info_request", key: ["report_id"], [
            ("report_id", .integer), ("year", .integer), ("seq", .integer), ("purpose", .text), ("delivery", .text),
            ("decision", .text), ("ground", .text), ("decided_at", .integer), ("extended_at", .integer),
            ("objected_at", .integer), ("objection_answered_at", .integer), ("objection_outcome", .text),
            ("disputed_at", .integer),
        ]),
        StoreTable("daily_count", key: ["day", "state", "agency_id", "category", "channel"], [
            ("day", .integer), ("state", .text), ("agency_id", .integer), ("category", .text), ("channel", .text),
            ("n", .integer),
        ]),
        StoreTable("daily_total", key: ["day"], [("day", .integer), ("n", .integer)]),
    ]
}
