import Foundation

/// How likely two reports are about the same incident, with a reason a person can check.
public struct Similarity: Sendable, Equatable {
    public var score: Double
    /// Same place, same problem and close in time: proposed for one incident.
    public var linked: Bool
    public var sameKelurahan: Bool
    public var sharedPlaces: [String]
    public var sharedWords: [String]
    public var seconds: Double

    /// A cheap test that rules out most pairs before `between` is worth its sets: too far apart in
    /// time, no place in common, or two different kinds of problem. True does not mean linked.
    public static func mayLink(_ a: IncidentSignature, _ b: IncidentSignature, window: TimeInterval) -> Bool {
        guard abs(a.submittedAt.timeIntervalSince(b.submittedAt)) <= window else { return false }
        guard !a.kelurahan.isDisjoint(with: b.kelurahan) || !a.spots.isDisjoint(with: b.spots) else { return false }
        if !a.kinds.isEmpty && !b.kinds.isEmpty && a.kinds.isDisjoint(with: b.kinds) { return false }
        return !a.words.isDisjoint(with: b.words)
    }

    /// Scores `a` against `b` within `window` seconds either side. Place weighs most: the same
    /// problem in another kelurahan the same day is another incident.
    public static func between(_ a: IncidentSignature, _ b: IncidentSignature, window: TimeInterval) -> Similarity {
        let seconds = abs(a.submittedAt.timeIntervalSince(b.submittedAt))
        let shared = a.places.intersection(b.places)
        let sameKel = !a.kelurahan.isDisjoint(with: b.kelurahan)
        let sameSpot = !a.spots.isDisjoint(with: b.spots)
        let sameRT = !a.rts.isDisjoint(with: b.rts)
        // Two streets named and none shared, or two RTs named and none shared: the same kelurahan
        // but another spot.
        let otherStreet = !a.spots.isEmpty && !b.spots.isEmpty && !sameSpot
        let otherRT = !a.rts.isEmpty && !b.rts.isEmpty && !sameRT && !sameSpot
        var place = 0.0
        if sameKel { place = otherStreet || otherRT ? 0.5 : sameSpot || sameRT ? 1.0 : 0.85 } else if sameSpot { place = 0.8 }
        else if !a.kecamatan.isEmpty && a.kecamatan == b.kecamatan { place = 0.3 }
        let words = a.words.intersection(b.words)
        let smaller = max(1, min(a.words.count, b.words.count))
        var text = min(1, Double(words.count) / Double(min(smaller, 4)))
        if !a.category.isEmpty && a.category == b.category { text = min(1, text + 0.15) }
        let time = seconds > window ? 0 : 1 - seconds / window
        let score = ((0.4 * place + 0.45 * text + 0.15 * time) * 1000).rounded() / 1000
        // Different kinds of problem (a burst pipe, the water off) in one street are two incidents.
        let sameKind = a.kinds.isEmpty && b.kinds.isEmpty ? words.count >= 2 : !a.kinds.isDisjoint(with: b.kinds)
        let linked = seconds <= window && place >= 0.8 && text >= 0.5 && sameKind
        return Similarity(score: score, linked: linked, sameKelurahan: sameKel,
                          sharedPlaces: shared.sorted(), sharedWords: words.sorted(), seconds: seconds)
    }

    /// "same kelurahan, 2 h apart, shares: banjir, rendam, RT 03".
    public func reason(_ language: Language) -> String {
        let en = language == .en
        var parts: [String] = []
        if sameKelurahan { parts.append(en ? "same kelurahan" : "kelurahan sama") }
        let spots = sharedPlaces.filter { !$0.hasPrefix("kel:") }.map(Self.placeText)
        parts.append(Self.apart(seconds, language))
        let shares = sharedWords.prefix(5) + spots
        if !shares.isEmpty { parts.append((en ? "shares: " : "sama-sama: ") + shares.joined(separator: ", ")) }
        return parts.joined(separator: ", ")
    }

    static func placeText(_ token: String) -> String {
        let value = String(token.drop { $0 != ":" }.dropFirst())
        switch token.prefix(3) {
        case "jl:": return "Jl. " + value.capitalized
        case "gg:": return "Gg. " + value.capitalized
        case "rt:": return "RT " + (value.count == 1 ? "0" + value : value)
        case "rw:": return "RW " + (value.count == 1 ? "0" + value : value)
        default: return value.capitalized
        }
    }

    static func apart(_ seconds: Double, _ language: Language) -> String {
        let en = language == .en
        if seconds < 3600 { return en ? "\(Int(seconds / 60)) min apart" : "selisih \(Int(seconds / 60)) menit" }
        if seconds < 48 * 3600 { return en ? "\(Int(seconds / 3600)) h apart" : "selisih \(Int(seconds / 3600)) jam" }
        return en ? "\(Int(seconds / 86_400)) days apart" : "selisih \(Int(seconds / 86_400)) hari"
    }
}
