/// How people type agency names, and the codes the desk makes from them. LAPOR! writes one
/// perangkat daerah as `Dinas Kesehatan Kab. Sukamaju` in one row and `DINAS KESEHATAN KABUPATEN
/// SUKAMAJU` in the next; both, and the desk's own `Dinas Kesehatan`, are one agency.
public enum AgencyName {
    static let expansions: [String: [String]] = [
        "kab": ["kabupaten"], "kec": ["kecamatan"], "kel": ["kelurahan"], "pemkab": ["pemerintah", "kabupaten"],
        "pemkot": ["pemerintah", "kota"], "pemprov": ["pemerintah", "provinsi"], "prov": ["provinsi"],
    ]
    static let minorWords: Set<String> = ["dan", "dari", "serta", "the", "of", "and", "di", "ke", "untuk"]

    /// Lower-case words, punctuation dropped, abbreviations written out (`Kab.` → kabupaten).
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.flatMap { expansions[String($0)] ?? [String($0)] }
    }

    /// The pemda's region words from its name: `Pemerintah Kabupaten Sukamaju` → kabupaten sukamaju.
    public static func region(ofPemda name: String) -> [String] {
        var w = words(name)
        if w.first == "pemerintah" { w.removeFirst() }
        return w.count >= 2 ? w : []
    }

    /// The key two spellings of one agency share: words as above, and the pemda's own name left
    /// off the end (`… Kabupaten Sukamaju` when the pemda is Kabupaten Sukamaju).
    public static func key(_ name: String, region: [String] = []) -> String {
        var w = words(name)
        if !region.isEmpty, w.count > region.count, Array(w.suffix(region.count)) == region { w.removeLast(region.count) }
        return w.joined()
    }

    /// A readable code from the significant words: `Kecamatan Laweyan` → KEC-LAWEYAN; up to three
    /// words by their first syllables (`Dinas Kesehatan` → DINKES, `Dinas Sosial` → DINSOS); more
    /// by initials (`Badan Penanggulangan Bencana Daerah` → BPBD). Not unique by itself.
    public static func code(for name: String, region: [String] = []) -> String {
        var w = words(name).filter { !minorWords.contains($0) }
        if !region.isEmpty, w.count > region.count, Array(w.suffix(region.count)) == region { w.removeLast(region.count) }
        guard let first = w.first else { return "PD" }
        if ["kecamatan", "kelurahan", "desa"].contains(first), w.count > 1 {
            let prefix = first == "kecamatan" ? "KEC" : first == "kelurahan" ? "KEL" : "DESA"
            return prefix + "-" + w.dropFirst().joined().uppercased().prefix(20)
        }
        let code = w.count <= 3 ? w.map(syllable).joined() : w.compactMap(\.first).map(String.init).joined()
        return String(code.uppercased().prefix(16))
    }

    /// The first syllable and the consonant that closes it: kesehatan → kes, lingkungan → lin.
    static func syllable(_ word: String) -> String {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        var out = ""
        var seenVowel = false
        for ch in word {
            if seenVowel && !vowels.contains(ch) { out.append(ch); break }
            if vowels.contains(ch) { seenVowel = true }
            out.append(ch)
            if out.count >= 5 { break }
        }
        return out
    }
}
