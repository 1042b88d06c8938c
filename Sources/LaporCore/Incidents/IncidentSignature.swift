import Foundation

/// What two reports about one incident have in common, read from a report once: the problem's
/// words (stemmed, abbreviations written out, synonyms brought to one word: `tergenang`,
/// `terendam`, `meluap` → banjir), and the places it names (its kelurahan field or a `kel.` in
/// the text, streets, gangs, RT/RW, landmarks), with the time and category.
public struct IncidentSignature: Sendable, Equatable {
    public var id: Int64
    public var trackingID: String
    public var submittedAt: Date
    public var category: String
    public var kecamatan: String
    /// The problem's words; generic words (warga, rumah, lokasi, …) are left out.
    public var words: Set<String>
    /// `kel:x`, `jl:x`, `gg:x`, `lm:pasar x`, `rt:3`, `rw:2`.
    public var places: Set<String>
    public var contact: String
    /// The places by kind, read once so that comparing two reports allocates nothing.
    public var kelurahan: Set<String> = []
    public var spots: Set<String> = []
    public var rts: Set<String> = []
    public var kinds: Set<String> = []

    public init(_ r: Report) {
        id = r.id
        trackingID = r.trackingID
        submittedAt = r.submittedAt
        category = Agency.fold(r.category)
        kecamatan = Agency.fold(r.kecamatan)
        // Each field on its own: a title ending in "jalan" must not make the body's first word a street.
        places = Self.placeTokens(r.title).union(Self.placeTokens(r.body)).union(Self.placeTokens(r.address))
        let kel = Agency.fold(r.kelurahan)
        if !kel.isEmpty { places.insert("kel:" + kel) }
        // Place names are places, not the problem: "Sidomulyo" must not make two problems alike.
        let placeWords = Set(places.flatMap { RoutingText.words(String($0.drop { $0 != ":" }.dropFirst())) }
            + RoutingText.words(r.kecamatan + " " + r.kelurahan + " " + r.address))
        var words = Set(RoutingText.words(r.title + " " + r.body).map { Self.synonyms[$0] ?? $0 }
            .filter { !Self.generic.contains($0) && !placeWords.contains($0) })
        // "mati" is the problem only with what died: the water, or the power.
        if words.contains("mati") {
            if words.contains("air") { words.insert("airmati") }
            if words.contains("listrik") || words.contains("lampu") { words.insert("padam") }
        }
        self.words = words
        kinds = words.intersection(Self.kinds)
        kelurahan = places.filter { $0.hasPrefix("kel:") }
        spots = places.filter { $0.hasPrefix("jl:") || $0.hasPrefix("gg:") || $0.hasPrefix("lm:") }
        rts = places.filter { $0.hasPrefix("rt:") }
        contact = Self.contactKey(r.reporterContact)
    }

    /// A contact as a comparable key: letters, digits and `@`, lower case.
    static func contactKey(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 128 }) {
            let kept = text.utf8.filter { ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 64 }
            return String(decoding: kept, as: UTF8.self).lowercased()
        }
        return text.filter { $0.isNumber || $0.isLetter || $0 == "@" }.lowercased()
    }

    /// Paraphrases citizens use for the same problem, after stemming.
    static let synonyms: [String: String] = [
        "genang": "banjir", "rendam": "banjir", "luap": "banjir", "kebanjir": "banjir", "banjir": "banjir", "bajir": "banjir",
        "padam": "padam", "gelap": "padam", "byarpet": "padam", "listrik": "listrik", "pln": "listrik", "strum": "listrik",
        "alir": "airmati", "kering": "airmati", "pdam": "air", "keruh": "keruh",
        "amblas": "longsor", "ambles": "longsor", "runtuh": "longsor", "longsor": "longsor",
        "roboh": "tumbang", "rubuh": "tumbang", "tumbang": "tumbang", "patah": "tumbang",
        "tumpuk": "sampah", "numpuk": "sampah", "sampah": "sampah", "smpah": "sampah",
        "bocor": "bocor", "pecah": "bocor", "rembes": "bocor",
        "lubang": "lubang", "bolong": "lubang", "berlubang": "lubang",
        "bakar": "kebakar", "kebakar": "kebakar", "api": "kebakar", "hangus": "kebakar",
        "macet": "macet", "mampet": "mampet", "sumbat": "mampet", "tersumbat": "mampet",
    ]

    /// Words every kind of report uses: they say nothing about which incident it is.
    static let generic: Set<String> = [
        "warga", "rumah", "lokasi", "kondisi", "jalan", "hari", "jam", "tahun", "minggu", "bulan", "lama", "kelurahan",
        "kecamatan", "desa", "kampung", "daerah", "wilayah", "sekitar", "depan", "dekat", "belakang", "samping", "masalah",
        "laporan", "lapor", "pihak", "terkait", "dinas", "pemerintah", "kota", "kabupaten", "tangan", "tangani", "mohon",
        "bantu", "cepat", "parah", "banyak", "semua", "setiap", "hingga", "masih", "belum", "kali", "gang", "nomor",
        "kelurah", "kecamat", "jadi", "terjadi", "sebagi", "info", "tolong", "cek", "dicek",
    ]

    static let landmarks: Set<String> = ["pasar", "masjid", "musholla", "sdn", "smpn", "sman", "puskesmas", "terminal",
                                         "jembatan", "perumahan", "perum", "komplek", "kompleks", "stasiun", "alun"]

    /// Words between a place keyword and the name ("Jl. Dr. Radjiman", "RT 3 dekat ...").
    static let skip: Set<String> = ["raya", "utama", "no", "nomor", "di", "dan", "yang", "dekat", "depan", "rt", "rw", "kel",
                                    "kec", "ir", "dr", "kh", "kol", "kolonel", "kapten", "jend", "jenderal", "letjen", "mayor",
                                    "brigjen", "haji", "prof", "sekitar", "arah", "ujung", "pertigaan", "perempatan", "simpang"]
    static let notNames: Set<String> = ["jalan", "jln", "gang", "kelurahan", "desa"]
    static let notContinuations: Set<String> = ["jalan", "jln", "jl", "gang", "gg", "kelurahan", "desa", "mohon", "tolong"]

    /// Place names in free text: the word(s) after `jalan`/`jl`, `gang`/`gg`, `kel`/`kelurahan`, a landmark;
    /// RT and RW numbers.
    static func placeTokens(_ text: String) -> Set<String> {
        var tokens: Set<String> = []
        // Most citizen text is ASCII: folding accents (slow in Foundation) only when there are any.
        let original = Self.letterRuns(text)
        let parts = original.map { $0.lowercased() }
        /// "jalan" is a street only before a name ("Jalan Pakel"); "separuh jalan runtuh" is not.
        func capitalised(_ k: Int) -> Bool { k < original.count && original[k].first?.isUppercase == true }
        var i = 0
        while i < parts.count {
            let word = parts[i]
            let next = i + 1 < parts.count ? parts[i + 1] : ""
            func name(from start: Int) -> String? {
                var j = start
                while j < parts.count && skip.contains(parts[j]) { j += 1 }
                guard j < parts.count, parts[j].count >= 3, !parts[j].allSatisfy(\.isNumber),
                      !notNames.contains(parts[j]) else { return nil }
                // Names of two words ("Sungai Serang") are one place; a capital that follows a name
                // and is not a place word continues it.
                if capitalised(j + 1), !skip.contains(parts[j + 1]), !Self.landmarks.contains(parts[j + 1]),
                   !parts[j + 1].contains(where: \.isNumber),
                   !notContinuations.contains(parts[j + 1]) {
                    return parts[j] + " " + parts[j + 1]
                }
                return parts[j]
            }
            switch word {
            case "jl", "jln":
                if let n = name(from: i + 1) { tokens.insert("jl:" + n) }
            case "jalan":
                if capitalised(i + 1), let n = name(from: i + 1) { tokens.insert("jl:" + n) }
            case "gang", "gg":
                if capitalised(i + 1) || word == "gg", let n = name(from: i + 1) { tokens.insert("gg:" + n) }
            case "kel", "kelurahan", "desa", "ds":
                if let n = name(from: i + 1) { tokens.insert("kel:" + n) }
            case "rt", "rw":
                if let n = Int(next), n > 0, n < 100 { tokens.insert(word + ":" + String(n)) }
            default:
                if landmarks.contains(word), capitalised(i + 1), let n = name(from: i + 1) { tokens.insert("lm:" + word + " " + n) }
                // "rt03" and "rw02" written as one word.
                if (word.hasPrefix("rt") || word.hasPrefix("rw")), let n = Int(word.dropFirst(2)), n > 0, n < 100 {
                    tokens.insert(String(word.prefix(2)) + ":" + String(n))
                }
            }
            i += 1
        }
        return tokens
    }

    /// Runs of letters and digits as written (case kept, accents folded): the words place names are read from.
    static func letterRuns(_ text: String) -> [String] {
        var original: [String] = []
        if text.utf8.allSatisfy({ $0 < 128 }) {
            // Byte by byte: for ASCII a letter or digit is [A-Za-z0-9], with no Unicode lookup.
            var current: [UInt8] = []
            for b in text.utf8 {
                if (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) { current.append(b) }
                else if !current.isEmpty {
                    original.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
            if !current.isEmpty { original.append(String(decoding: current, as: UTF8.self)) }
        } else {
            var current = ""
            for ch in text.folding(options: .diacriticInsensitive, locale: nil) {
                if ch.isLetter || ch.isNumber { current.append(ch) } else if !current.isEmpty { original.append(current); current = "" }
            }
            if !current.isEmpty { original.append(current) }
        }
        return original
    }

    /// Byte strings of which a report must contain at least one to share a problem word with this
    /// one: each word's stem (a stem is always inside the word it came from) and the words the
    /// synonym table brings to it. A cheap test that spares most candidates a full signature.
    public var needles: [[UInt8]] {
        var out: Set<String> = words
        for (source, target) in Self.synonyms where words.contains(target) { out.insert(source) }
        return out.filter { $0.count >= 3 }.map { Array($0.utf8) }
    }

    /// Whether `text` (any case) contains one of `needles`.
    public static func mentions(_ text: String, _ needles: [[UInt8]]) -> Bool {
        // ASCII is lowered byte by byte; other text goes through Foundation's folding first.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for b in text.utf8 {
            if b >= 128 {
                bytes = Array(text.lowercased().folding(options: .diacriticInsensitive, locale: nil).utf8)
                break
            }
            bytes.append(b >= 65 && b <= 90 ? b | 0x20 : b)
        }
        for needle in needles where needle.count <= bytes.count {
            let first = needle[0]
            var i = 0
            let last = bytes.count - needle.count
            while i <= last {
                if bytes[i] == first {
                    var j = 1
                    while j < needle.count && bytes[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return true }
                }
                i += 1
            }
        }
        return false
    }

    /// Words that name a kind of problem: two reports naming different kinds are different
    /// incidents however much else they share ("air", "mati", "total" are not kinds).
    static let kinds: Set<String> = ["banjir", "airmati", "padam", "longsor", "tumbang", "sampah", "bocor", "lubang", "kebakar",
                                     "mampet", "macet", "keruh"]

    /// Places that single out a spot (not RT/RW alone: every kelurahan has an RT 03).
    var namedPlaces: Set<String> { kelurahan.union(spots) }
}
