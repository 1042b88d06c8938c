import Foundation

/// What the routing model reads of a report: words as citizens mean them, not as they type them.
/// Lower case without diacritics; chat abbreviations written out (`yg` → yang, `tdk` → tidak);
/// greetings, courtesies and function words dropped; common Indonesian affixes trimmed so that
/// `berlubang`, `lubangnya` and `lubang` meet; adjacent pairs kept as bigrams (`air mati`); and the
/// report's own fields (category, kecamatan, kelurahan) as features of their own.
public enum RoutingText {
    static let expansions: [String: String] = [
        "yg": "yang", "tdk": "tidak", "gak": "tidak", "ga": "tidak", "nggak": "tidak", "sdh": "sudah", "udh": "sudah",
        "udah": "sudah", "dgn": "dengan", "utk": "untuk", "jln": "jalan", "jl": "jalan", "sgt": "sangat", "krn": "karena",
        "blm": "belum", "sy": "saya", "ds": "desa", "kec": "kecamatan", "kel": "kelurahan", "kab": "kabupaten",
        "bgt": "sekali", "tlg": "tolong", "bpk": "bapak", "dr": "dari", "dlm": "dalam", "jg": "juga", "skrg": "sekarang",
        "org": "orang", "mhn": "mohon", "pd": "pada", "tsb": "tersebut", "trs": "terus", "tanggepan": "tanggapan",
        "lg": "lagi", "aja": "saja", "gmn": "bagaimana", "knp": "kenapa", "sm": "sama", "bs": "bisa", "hrs": "harus",
    ]

    static let stopwords: Set<String> = [
        "yang", "dan", "di", "ke", "dari", "ini", "itu", "untuk", "dengan", "tidak", "ada", "sudah", "saya", "kami", "kita",
        "mohon", "sejak", "sampai", "tetapi", "tapi", "sekarang", "karena", "agar", "pada", "oleh", "juga", "atau", "akan",
        "bisa", "sangat", "sekali", "belum", "lagi", "saja", "the", "and", "for", "was", "are", "assalamualaikum", "wr", "wb",
        "selamat", "pagi", "siang", "sore", "malam", "admin", "min", "maaf", "mengganggu", "terima", "kasih", "trmksh", "tks",
        "bapak", "ibu", "yth", "halo", "permisi", "punten", "tolong", "segera", "ditindaklanjuti", "wassalam", "hatur",
        "nuhun", "lapor", "mau", "perhatiannya", "pak", "bu", "mas", "mbak", "ya", "kok", "nya", "sih", "dong", "lah", "rt",
        "rw", "dalam", "tersebut", "terus", "harus", "sama", "bagaimana", "kenapa", "dalam", "sebelum", "setelah",
    ]

    /// Lower-case letter runs, abbreviations written out, stopwords dropped, affixes trimmed.
    public static func words(_ text: String) -> [String] {
        // Accents are folded only when there are any: Foundation's folding dominates otherwise.
        let lower = text.lowercased()
        if lower.utf8.allSatisfy({ $0 < 128 }) { return asciiWords(lower) }
        var out: [String] = []
        var current = ""
        func flush() {
            defer { current = "" }
            guard current.count >= 2 else { return }
            let word = expansions[current] ?? current
            guard !stopwords.contains(word), word.count >= 3 else { return }
            out.append(stem(word))
        }
        let plain = lower.folding(options: .diacriticInsensitive, locale: nil)
        for ch in plain {
            if ch.isLetter { current.append(ch) } else { flush() }
        }
        flush()
        return out
    }

    /// The same words for lower-case ASCII text (most citizen text), read byte by byte: a letter is
    /// a–z, and a word's length is its byte count, so no Unicode property or grapheme is looked up.
    /// The signatures of `similar` and `group suggest` spent most of their time in the general path.
    static func asciiWords(_ lower: String) -> [String] {
        var out: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        func flush() {
            defer { current.removeAll(keepingCapacity: true) }
            guard current.count >= 2 else { return }
            let text = String(decoding: current, as: UTF8.self)
            let word = expansions[text] ?? text
            guard !stopwords.contains(word), word.utf8.count >= 3 else { return }
            out.append(stem(word))
        }
        for b in lower.utf8 {
            if (b >= 97 && b <= 122) || (b >= 65 && b <= 90) { current.append(b) } else { flush() }
        }
        flush()
        return out
    }

    /// A light Indonesian stemmer: particles and suffixes (-nya, -kan, -an, -i), then one prefix
    /// (di-, ter-, ber-, me-/mem-/men-/meng-/meny-, pe-/pem-/pen-/peng-), keeping at least four letters.
    static func stem(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 128 }) { return asciiStem(word) }
        return unicodeStem(word)
    }

    /// The stemmer on Characters, for text beyond ASCII (and the reference the byte path is tested against).
    static func unicodeStem(_ word: String) -> String {
        var w = word
        for suffix in ["nya", "lah", "kah", "kan", "an"] where w.count - suffix.count >= 4 && w.hasSuffix(suffix) {
            w.removeLast(suffix.count)
            break
        }
        for prefix in ["meng", "meny", "mem", "men", "peng", "pem", "pen", "ber", "ter", "me", "di", "pe"]
        where w.count - prefix.count >= 4 && w.hasPrefix(prefix) {
            w.removeFirst(prefix.count)
            break
        }
        return w
    }

    private static let suffixBytes = ["nya", "lah", "kah", "kan", "an"].map { Array($0.utf8) }
    private static let prefixBytes = ["meng", "meny", "mem", "men", "peng", "pem", "pen", "ber", "ter", "me", "di", "pe"]
        .map { Array($0.utf8) }

    /// ``stem`` for ASCII words, on bytes (a character is a byte there).
    static func asciiStem(_ word: String) -> String {
        var w = Array(word.utf8)
        for suffix in suffixBytes where w.count - suffix.count >= 4 && w.suffix(suffix.count).elementsEqual(suffix) {
            w.removeLast(suffix.count)
            break
        }
        for prefix in prefixBytes where w.count - prefix.count >= 4 && w.starts(with: prefix) {
            w.removeFirst(prefix.count)
            break
        }
        return String(decoding: w, as: UTF8.self)
    }

    /// The model's terms for a report: words, adjacent pairs, and the fields as `c:`, `k:`, `l:` terms.
    public static func terms(title: String, body: String, category: String = "", kecamatan: String = "",
                             kelurahan: String = "") -> [String] {
        let w = words(title + " " + body)
        var out = w
        if w.count > 1 { for i in 1..<w.count { out.append(w[i - 1] + "_" + w[i]) } }
        if !category.isEmpty { out.append("c:" + Agency.fold(category)) }
        if !kecamatan.isEmpty { out.append("k:" + Agency.fold(kecamatan)) }
        if !kelurahan.isEmpty { out.append("l:" + Agency.fold(kelurahan)) }
        return out
    }

    public static func terms(_ r: Report) -> [String] {
        terms(title: r.title, body: r.body, category: r.category, kecamatan: r.kecamatan, kelurahan: r.kelurahan)
    }
}
