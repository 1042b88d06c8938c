import Foundation

/// Agencies by every name they go by, during one import batch. A name is matched exactly
/// (code, name, alias), then by `AgencyName.key` (case, `Kab.`/`Kabupaten`, punctuation and the
/// pemda's own name ignored): a match that way records the spelling as an alias, so the next file
/// matches it exactly. Only a name that matches neither way creates an agency, with a readable code.
struct AgencyIndex {
    /// What resolving one name did.
    enum Outcome: Equatable {
        case known
        /// A new spelling of an existing agency, now its alias.
        case aliased(spelling: String, code: String)
        case created(code: String, name: String)
    }

    private var byName: [String: Int64] = [:]
    /// Raw spellings already resolved (with their region), so the hot path skips folding them again.
    private var byRaw: [String: Int64] = [:]
    /// Per pemda region: agency keys → id, built when a region is first seen.
    private var byKey: [[String]: [String: Int64]] = [:]
    private var agencies: [Agency] = []
    private var codes: Set<String> = []

    init(_ current: [Agency]) {
        for agency in current { remember(agency) }
    }

    private mutating func remember(_ a: Agency) {
        agencies.removeAll { $0.id == a.id }
        agencies.append(a)
        for name in [a.code, a.name] + a.aliases { byName[Agency.fold(name)] = a.id }
        codes.insert(a.code.uppercased())
        for region in byKey.keys { index(a, region: region) }
    }

    private mutating func index(_ a: Agency, region: [String]) {
        for name in [a.name] + a.aliases {
            let key = AgencyName.key(name, region: region)
            if !key.isEmpty && byKey[region]?[key] == nil { byKey[region, default: [:]][key] = a.id }
        }
    }

    /// The agency's id for `name` (written by a pemda whose own name is `parent`), and what it took.
    mutating func resolve(_ name: String, parent: String = "", steps: some AgencySteps, actor: User,
                          at now: Date) throws -> (Int64, Outcome) {
        let rawKey = parent.isEmpty ? name : name + "\u{1}" + parent
        if let id = byRaw[rawKey] { return (id, .known) }
        if let id = byName[Agency.fold(name)] { byRaw[rawKey] = id; return (id, .known) }
        let region = AgencyName.region(ofPemda: parent)
        if byKey[region] == nil {
            byKey[region] = [:]
            for a in agencies { index(a, region: region) }
        }
        let key = AgencyName.key(name, region: region)
        if let id = byKey[region]?[key], var agency = agencies.first(where: { $0.id == id }) {
            agency.aliases.append(name)
            try steps.saveAliases(of: agency)
            try steps.appendAudit(AuditEntry(at: now, actor: actor.login, role: actor.role, action: "agency_alias",
                                             note: "\(agency.code): \(name) (spelling found by import)"),
                                  fromAgencyID: nil, toAgencyID: id)
            remember(agency)
            byRaw[rawKey] = id
            return (id, .aliased(spelling: name, code: agency.code))
        }
        let code = uniqueCode(AgencyName.code(for: name, region: region))
        let agency = try steps.insertAgency(Agency(code: code, name: name))
        try steps.appendAudit(AuditEntry(at: now, actor: actor.login, role: actor.role, action: "agency_add",
                                         note: "\(code) \(name) (created by import)"),
                              fromAgencyID: nil, toAgencyID: agency.id)
        remember(agency)
        byRaw[rawKey] = agency.id
        return (agency.id, .created(code: code, name: name))
    }

    /// `base`, or `base2`, `base3`… when another agency has it.
    func uniqueCode(_ base: String) -> String {
        var code = base
        var n = 2
        while codes.contains(code.uppercased()) { code = "\(base.prefix(14))\(n)"; n += 1 }
        return code
    }
}
