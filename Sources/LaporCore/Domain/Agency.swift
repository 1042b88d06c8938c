/// A perangkat daerah (regional agency) reports are routed to.
public struct Agency: Sendable, Equatable, Identifiable, Codable {
    public var id: Int64
    /// Short code operators type (`PUPR`, `DLH`).
    public var code: String
    public var name: String
    public var aliases: [String]
    /// Name of the agency's own working-day calendar (`24x7` for round-the-clock services); nil uses the desk's.
    public var calendar: String?

    public init(id: Int64 = 0, code: String, name: String, aliases: [String] = [], calendar: String? = nil) {
        self.id = id; self.code = code; self.name = name; self.aliases = aliases; self.calendar = calendar
    }

    /// Whether `text` names this agency by code, name or alias (case-insensitive, exact).
    public func isNamed(_ text: String) -> Bool {
        let needle = Agency.fold(text)
        return Agency.fold(code) == needle || Agency.fold(name) == needle || aliases.contains { Agency.fold($0) == needle }
    }

    /// Lower-cased letters and digits only, so "Satpol PP", "satpol-pp" and "SATPOLPP" agree.
    public static func fold(_ text: String) -> String {
        let lower = text.lowercased()
        // ASCII (almost every name) byte by byte: CharacterSet lookups cost more than the rest of a signature.
        if lower.utf8.allSatisfy({ $0 < 128 }) {
            return String(decoding: lower.utf8.filter { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }, as: UTF8.self)
        }
        return String(lower.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}

import Foundation

extension Agency {
    /// The current agency `ref` names by code, name or alias; a unique partial match is accepted
    /// too. Both engines load the current agencies and decide here.
    public static func resolve(_ ref: String, among all: [Agency]) throws -> Agency {
        if let exact = all.first(where: { $0.isNamed(ref) }) { return exact }
        let needle = Agency.fold(ref)
        guard !needle.isEmpty else { throw LaporError.agencyNotFound(ref) }
        let partial = all.filter { Agency.fold($0.code).contains(needle) || Agency.fold($0.name).contains(needle) }
        if partial.count == 1 { return partial[0] }
        if partial.isEmpty { throw LaporError.agencyNotFound(ref) }
        throw LaporError.agencyAmbiguous(ref, candidates: partial.map(\.code).sorted())
    }
}
