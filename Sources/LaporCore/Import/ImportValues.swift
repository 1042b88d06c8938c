import Foundation

/// Parsing the value forms of import-formats.md: times, booleans and status phrases.
public enum ImportValues {
    /// ISO 8601 with or without offset; `dd/MM/yyyy HH:mm[:ss]`; `dd-MM-yyyy [HH:mm[:ss]]`;
    /// `d MMMM yyyy [HH:mm[:ss]]` with Indonesian or English month names; an optional WIB/WITA/WIT
    /// suffix. A naive time is read in the desk's zone.
    public static func date(_ raw: String, zone: DeskZone) -> Date? {
        var text = raw.trimmed
        guard !text.isEmpty else { return nil }
        var offset: Int?
        // Only a text ending in a letter can carry a zone suffix (the common ISO forms end in a digit).
        let endsInLetter = text.utf8.last.map { ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 } ?? false
        for (suffix, hours) in [(" WITA", 8), (" WIB", 7), (" WIT", 9)] where endsInLetter && text.uppercased().hasSuffix(suffix) {
            text = String(text.dropLast(suffix.count)).trimmed
            offset = hours * 3600
            break
        }
        if let iso = zone.parseISO(text) { return iso }
        let parts = text.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        guard let first = parts.first else { return nil }
        var y = 0, mo = 0, d = 0
        var timeParts = Array(parts.dropFirst())
        let numeric = first.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        if numeric.count == 3, numeric.allSatisfy({ Int($0) != nil }), numeric[2].count == 4 {
            d = Int(numeric[0])!; mo = Int(numeric[1])!; y = Int(numeric[2])!
        } else if parts.count >= 3, let day = Int(parts[0]), let month = month(parts[1]), let year = Int(parts[2]), parts[2].count == 4 {
            d = day; mo = month; y = year
            timeParts = Array(parts.dropFirst(3))
        } else {
            return nil
        }
        // Four plain digits and a plausible year: "-023" parses as an Int but is no year of a report.
        guard (1900...2200).contains(y) else { return nil }
        var h = 0, mi = 0, s = 0
        if let time = timeParts.first {
            let hms = time.replacingOccurrences(of: ".", with: ":").split(separator: ":").compactMap { Int($0) }
            guard (2...3).contains(hms.count), timeParts.count == 1 else { return nil }
            h = hms[0]; mi = hms[1]; s = hms.count == 3 ? hms[2] : 0
            guard h < 24, mi < 60, s < 60 else { return nil }
        }
        if let offset, let utc = DeskZone(identifier: "UTC")?.date(year: y, month: mo, day: d, hour: h, minute: mi, second: s) {
            return utc.addingTimeInterval(TimeInterval(-offset))
        }
        return zone.date(year: y, month: mo, day: d, hour: h, minute: mi, second: s)
    }

    static func month(_ name: String) -> Int? {
        let n = name.lowercased().trimmingCharacters(in: .punctuationCharacters)
        let months: [[String]] = [
            ["januari", "january", "jan"], ["februari", "february", "feb", "pebruari"], ["maret", "march", "mar"],
            ["april", "apr"], ["mei", "may"], ["juni", "june", "jun"], ["juli", "july", "jul"],
            ["agustus", "august", "agu", "aug", "agt", "ags"], ["september", "sep", "sept"],
            ["oktober", "october", "okt", "oct"], ["november", "nopember", "nov", "nop"], ["desember", "december", "des", "dec"],
        ]
        return months.firstIndex { $0.contains(n) }.map { $0 + 1 }
    }

    /// `true/false`, `ya/tidak`, `y/t`, `yes/no`, `1/0`; empty is false; anything else nil.
    public static func bool(_ raw: String) -> Bool? {
        switch raw.trimmed.lowercased() {
        case "", "false", "tidak", "t", "no", "n", "0": false
        case "true", "ya", "y", "yes", "1": true
        default: nil
        }
    }

    /// A state from an id, a label in either language, or one of LAPOR!'s public phrases;
    /// "Terdisposisi ke X" names the agency too. Nil for a phrase the desk does not know.
    /// LAPOR!'s admin export adds "Ditutup oleh Sistem/Admin/Pelapor" (resolved), "Diarsipkan oleh …"
    /// and "Konten Terblokir" (archived, reason "blocked content") and "Menunggu Kelengkapan Informasi" (on hold).
    public static func status(_ raw: String) -> (state: ReportState, agency: String?, reason: String?)? {
        let text = raw.trimmed
        let lower = text.lowercased()
        if lower.isEmpty { return (.new, nil, nil) }
        for prefix in ["terdisposisi ke ", "didisposisikan ke ", "diteruskan ke ", "routed to "] where lower.hasPrefix(prefix) {
            let agency = String(text.dropFirst(prefix.count)).trimmed
            return (.dispositioned, agency.isEmpty ? nil : agency, nil)
        }
        if let state = ReportState(rawValue: lower) { return (state, nil, nil) }
        if lower.hasPrefix("konten terblokir") || lower.hasPrefix("blocked") { return (.archived, nil, "blocked content") }
        let phrases: [(String, ReportState)] = [
            ("belum diverifikasi", .new), ("belum terverifikasi", .new), ("menunggu verifikasi", .new), ("unverified", .new),
            ("baru", .new),
            ("ditunda", .onHold), ("tunda", .onHold), ("on hold", .onHold), ("menunggu info", .onHold),
            ("menunggu kelengkapan", .onHold),
            ("ditutup", .resolved),
            ("terverifikasi", .verified), ("diverifikasi", .verified), ("verified", .verified),
            ("belum ditindaklanjuti", .dispositioned), ("terdisposisi", .dispositioned), ("didisposisikan", .dispositioned),
            ("routed", .dispositioned),
            ("menunggu tanggapan pelapor", .awaitingReporter), ("awaiting reporter", .awaitingReporter),
            ("ditanggapi oleh pelapor", .inProgress), ("sedang diproses", .inProgress), ("ditindaklanjuti", .inProgress),
            ("diproses", .inProgress), ("in progress", .inProgress),
            ("selesai", .resolved), ("resolved", .resolved), ("closed", .resolved), ("tuntas", .resolved),
            ("diarsipkan", .archived), ("arsip", .archived), ("archived", .archived), ("ditolak", .archived), ("spam", .archived),
        ]
        for (phrase, state) in phrases where lower.hasPrefix(phrase) { return (state, nil, nil) }
        return nil
    }
}
