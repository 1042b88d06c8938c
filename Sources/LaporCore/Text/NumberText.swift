import Foundation

/// Numbers and dates as each language writes them: `1.234` and `30,4` in Indonesian,
/// `1,234` and `30.4` in English; `9 Mei 2023` / `9 May 2023`.
public enum NumberText {
    public static func integer(_ n: Int, _ language: Language) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(language == .id ? "." : ",") }
            out.append(c)
        }
        return (n < 0 ? "−" : "") + out
    }

    /// One decimal place; a true minus sign for negatives.
    public static func decimal(_ x: Double, _ language: Language, places: Int = 1) -> String {
        let s = String(format: "%.\(places)f", abs(x))
        let parts = s.split(separator: ".")
        let whole = integer(Int(parts[0]) ?? 0, language)
        let text = parts.count > 1 ? whole + (language == .id ? "," : ".") + parts[1] : whole
        return (x < 0 && x.magnitude >= 0.5 * pow(10, Double(-places)) ? "−" : "") + text
    }

    /// `−87,8 %` / `−87.8 %`.
    public static func percent(_ x: Double, _ language: Language) -> String {
        (x > 0 ? "+" : "") + decimal(x, language) + " %"
    }

    static let monthsID = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    static let monthsEN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `23 Nov 2026 09:00` in the desk's zone.
    public static func dateTime(_ date: Date, _ zone: DeskZone, _ language: Language) -> String {
        let c = zone.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let months = language == .id ? monthsID : monthsEN
        return String(format: "%d %@ %04d %02d:%02d", c.day!, months[c.month! - 1], c.year!, c.hour!, c.minute!)
    }

    public static func date(_ date: Date, _ zone: DeskZone, _ language: Language) -> String {
        let c = zone.calendar.dateComponents([.year, .month, .day], from: date)
        let months = language == .id ? monthsID : monthsEN
        return String(format: "%d %@ %04d", c.day!, months[c.month! - 1], c.year!)
    }
}
