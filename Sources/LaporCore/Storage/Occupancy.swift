/// What a store already holds, in the words `db copy` refuses with.
struct Occupancy {
    let reports: Int
    let auditRecords: Int
    let agencies: Int
    let people: Int

    /// Nil when the store holds no desk: no report, audit record, agency or person.
    var description: String? {
        let parts = [(reports, "reports"), (auditRecords, "audit records"), (agencies, "agencies"), (people, "users")]
            .filter { $0.0 > 0 }
            .map { "\($0.0) \($0.1)" }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
