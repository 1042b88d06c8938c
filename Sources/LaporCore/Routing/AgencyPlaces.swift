/// The words that single out one agency among many of its kind: `Sukajadi` in `Desa Sukajadi`,
/// `Cibeureum` in `Kecamatan Cibeureum` and `Puskesmas Cibeureum`. Fifty desa offices share every
/// topic word, so text alone cannot tell them apart; the place a citizen names can. A word counts
/// when at most three agency names (or aliases) carry it and it is not part of the pemda's name.
public struct AgencyPlaces: Sendable {
    private var words: [String: Set<String>] = [:]

    static let generic: Set<String> = ["dinas", "badan", "kantor", "kabupaten", "kota", "kecamatan", "kelurahan", "desa",
                                       "puskesmas", "daerah", "umum", "pemerintah", "perumda", "rumah", "sakit", "sekretariat"]

    public init(_ agencies: [Agency]) {
        var named: [String: Set<String>] = [:]
        for a in agencies {
            for word in Set(([a.name] + a.aliases).flatMap(RoutingBaseline.words)) where word.count >= 4 && !Self.generic.contains(word) {
                named[word, default: []].insert(a.code)
            }
        }
        for (word, codes) in named where codes.count <= 3 {
            for code in codes { words[code, default: []].insert(word) }
        }
    }

    /// The words of `code`'s name that the report names, if any.
    public func named(_ code: String, in reportWords: Set<String>) -> [String] {
        guard let own = words[code] else { return [] }
        return own.intersection(reportWords).sorted()
    }

    public var isEmpty: Bool { words.isEmpty }
}
