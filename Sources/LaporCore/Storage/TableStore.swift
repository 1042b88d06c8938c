/// A store seen as its tables: what `lapor db copy` reads from one engine and writes into another,
/// and what `lapor db check` asks each engine to verify. Each engine implements it in its own folder;
/// nothing here knows SQL.
public protocol TableStore: AnyObject {
    /// Where the store is, for messages: a path, or a URI without its password.
    var location: String { get }
    /// `sqlite` or `postgresql`.
    var engine: String { get }
    /// The engine's integrity checks, its schema's migrations and the daily counters against a recount.
    func check() throws -> [StoreCheck]
    /// Why the store cannot take a copy (it holds a desk already), or nil when it can.
    func occupant() throws -> String?
    func rowCount(_ table: StoreTable) throws -> Int
    /// Calls `row` with each row of `table`, columns in the table's order, rows in key order.
    func readRows(_ table: StoreTable, _ row: ([StoreValue]) throws -> Void) throws
    /// Replaces the rows of `tables` in one transaction: for each table, `rows` is called with a
    /// sink for that table's rows. A failure leaves the store as it was.
    func load(_ tables: [StoreTable], rows: (StoreTable, ([StoreValue]) throws -> Void) throws -> Void) throws
}
