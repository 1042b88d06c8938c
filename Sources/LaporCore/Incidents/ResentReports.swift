import Foundation

/// Reports an import added that were sent again: the same reporter contact and nearly the same
/// words within a day of another report. Decided here for both engines; each reads the candidates.
public enum ResentReports {
    /// Imports adding more new reports than this are not checked (a full history load).
    public static let cap = 50_000

    /// The key that groups a contact's reports (digits, letters and `@`), nil when too short to mean one person.
    static func contactKey(_ contact: String) -> String? {
        let key = contact.filter { $0.isNumber || $0.isLetter || $0 == "@" }.lowercased()
        return key.count >= 5 ? key : nil
    }

    /// The proposals among `candidates` (reports within a day of the new ones, with a contact, in no incident).
    static func proposals(_ candidates: [Report], after maxID: Int64, language: Language) -> [ProposedGroup] {
        var byContact: [String: [Report]] = [:]
        for r in candidates {
            if let key = contactKey(r.reporterContact) { byContact[key, default: []].append(r) }
        }
        var groups: [ProposedGroup] = []
        for (_, reports) in byContact where reports.count > 1 && reports.contains(where: { $0.id > maxID }) {
            groups += Self.groups(reports.sorted { $0.submittedAt < $1.submittedAt }, after: maxID, language: language)
        }
        return groups.sorted { $0.trackingIDs[0] < $1.trackingIDs[0] }
    }

    /// One contact's reports in time order: runs within a day whose words are mostly the same.
    static func groups(_ sorted: [Report], after maxID: Int64, language: Language) -> [ProposedGroup] {
        var groups: [ProposedGroup] = []
        var used: Set<Int64> = []
        for (i, a) in sorted.enumerated() where !used.contains(a.id) {
            let wa = Set(RoutingText.words(a.title + " " + a.body))
            var members = [a]
            var best = 0.0
            for b in sorted[(i + 1)...] where !used.contains(b.id) {
                if b.submittedAt.timeIntervalSince(a.submittedAt) > 86_400 { break }
                guard a.id > maxID || b.id > maxID else { continue }
                let wb = Set(RoutingText.words(b.title + " " + b.body))
                let alike = Double(wa.intersection(wb).count) / Double(max(1, wa.union(wb).count))
                if alike >= 0.6 {
                    members.append(b)
                    best = max(best, alike)
                }
            }
            guard members.count > 1 else { continue }
            for m in members { used.insert(m.id) }
            let hours = Int(members.last!.submittedAt.timeIntervalSince(a.submittedAt) / 3600)
            let percent = Int((best * 100).rounded())
            let reason = language == .en ? "sent again: same contact, \(hours) h apart, \(percent) % the same words"
                : "dikirim ulang: kontak sama, selisih \(hours) jam, \(percent) % kata sama"
            groups.append(ProposedGroup(members: members.map(\.id), trackingIDs: members.map(\.trackingID),
                                        score: (best * 1000).rounded() / 1000, reason: reason))
        }
        return groups
    }
}
