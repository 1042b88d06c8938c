/// What of a reporter's identity a reader may see: protected (anonim/rahasia) identities are
/// masked everywhere unless a supervisor revealed them, which the caller must have audited.
public enum IdentityMask {
    /// The name and contact to show, or nil for each masked value.
    public static func visible(_ report: Report, revealed: Bool) -> (name: String?, contact: String?) {
        if report.identityProtected && !revealed { return (nil, nil) }
        return (report.reporterName, report.reporterContact)
    }

    /// The placeholder people read in place of a masked identity.
    public static func placeholder(_ language: Language) -> String {
        language == .id ? "(identitas dirahasiakan)" : "(identity protected)"
    }
}
