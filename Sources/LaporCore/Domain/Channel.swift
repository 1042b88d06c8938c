/// Intake channels seen in LAPOR! and regional apps (domain.md).
public enum Channel: String, Sendable, CaseIterable, Codable {
    case web, mobile, sms, twitter, whatsapp
    case callCentre = "call_centre"
    case walkIn = "walk_in"
    case email, other

    /// Maps the many spellings found in exports ("SMS 1708", "WA", "Call Center") to a channel.
    public static func parse(_ text: String) -> Channel {
        let t = text.lowercased().filter { $0.isLetter || $0.isNumber }
        if t.isEmpty { return .other }
        if let exact = Channel(rawValue: text.lowercased()) { return exact }
        if t.hasPrefix("web") || t.hasPrefix("situs") || t.hasPrefix("website") { return .web }
        if t.hasPrefix("mobile") || t.hasPrefix("app") || t.hasPrefix("aplikasi") || t.hasPrefix("android")
            || t.hasPrefix("ios") || t.hasPrefix("iphone") { return .mobile }
        if t.hasPrefix("sms") { return .sms }
        if t.hasPrefix("twitter") || t == "x" || t.hasPrefix("lapor1708") { return .twitter }
        if t.hasPrefix("wa") || t.hasPrefix("whatsapp") { return .whatsapp }
        if t.hasPrefix("call") || t.hasPrefix("hotline") || t.hasPrefix("telep") || t.hasPrefix("phone") || t == "112" { return .callCentre }
        if t.hasPrefix("walk") || t.hasPrefix("datang") || t.hasPrefix("langsung") { return .walkIn }
        if t.hasPrefix("email") || t.hasPrefix("surel") { return .email }
        return .other
    }
}
