/// A parameterised SQL condition: text with `?` placeholders and the values bound to them.
///
/// The filter language compiles to this; values are always bound, never spliced into the text.
struct SQLFragment: Sendable, Equatable {
    enum Value: Sendable, Equatable {
        case integer(Int64)
        case text(String)
        case real(Double)
        case null
    }

    var sql: String
    var values: [Value]

    init(_ sql: String, _ values: [Value] = []) {
        self.sql = sql
        self.values = values
    }
}
