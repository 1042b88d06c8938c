import Foundation

/// An information request's register row with the dates people ask about: when the objection
/// window after the answer closes. Shown by `lapor show` and the desk's detail pane.
public struct RequestStatus: Sendable, Equatable {
    public var request: InformationRequest
    /// The last moment the requester may object to the answer (30 working days after it), while still open.
    public var objectionWindowEnds: Date?

    public init(request: InformationRequest, objectionWindowEnds: Date?) {
        self.request = request; self.objectionWindowEnds = objectionWindowEnds
    }

    /// Label and value lines, in the desk's language; dates in `zone`.
    public func lines(_ language: Language, zone: DeskZone, now: Date) -> [(String, String)] {
        let en = language == .en
        let r = request
        func day(_ d: Date) -> String { Trend.Day(d, zone: zone).text }
        var out: [(String, String)] = [(en ? "Registration" : "No. registrasi", r.registration)]
        if !r.purpose.isEmpty { out.append((en ? "Purpose" : "Tujuan", r.purpose)) }
        if !r.delivery.isEmpty { out.append((en ? "Delivery" : "Cara", r.delivery)) }
        if let at = r.extendedAt {
            out.append((en ? "Extended" : "Diperpanjang", (en ? "once, on " : "sekali, pada ") + day(at) + (en ? " (+7 working days)" : " (+7 hari kerja)")))
        }
        if let decision = r.decision {
            let ground = r.ground.map { " — " + $0.label(language) } ?? ""
            out.append((en ? "Decision" : "Keputusan", decision.label(language) + ground + (r.decidedAt.map { ", " + day($0) } ?? "")))
        }
        if let window = objectionWindowEnds {
            let open = now <= window
            out.append((en ? "Objections" : "Masa keberatan",
                        (open ? (en ? "open until " : "terbuka sampai ") : (en ? "closed on " : "berakhir ")) + day(window)))
        }
        if let at = r.objectedAt {
            let outcome = r.objectionOutcome.map { " → " + $0.label(language) } ?? (en ? ", awaiting the superior" : ", menunggu atasan PPID")
            out.append((en ? "Objection" : "Keberatan", day(at) + outcome))
        }
        if let at = r.disputedAt { out.append((en ? "Dispute" : "Sengketa", "Komisi Informasi, " + day(at))) }
        return out
    }
}
