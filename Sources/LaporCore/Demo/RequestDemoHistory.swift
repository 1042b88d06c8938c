import Foundation

/// Turns a generated complaint history into an information request's: the agency's answer becomes
/// the PPID's decision (granted, partly granted or refused with a ground), some requests are extended
/// first, and some decisions draw an objection, its answer and a dispute. It draws from its own
/// generator, so the demo's other reports stay exactly what they were.
struct RequestDemoHistory {
    var rng: SeededRandom
    let end: Date

    static let purposes = ["Bahan penelitian skripsi", "Pengawasan anggaran oleh LSM", "Pemberitaan media",
                           "Kepentingan pribadi (sengketa tanah)", "Perencanaan usaha", "Tugas kuliah"]
    static let deliveries = ["email", "salinan cetak (ambil langsung)", "salinan digital (flashdisk)", "pos"]

    /// Purpose and delivery the requester stated.
    mutating func details() -> (purpose: String, delivery: String) {
        (rng.pick(Self.purposes), rng.pick(Self.deliveries))
    }

    mutating func rewrite(_ events: [DemoEvent], submitted: Date) -> [DemoEvent] {
        var out: [DemoEvent] = []
        var extended = false
        for e in events {
            switch e.action {
            case .respond:
                if !extended && rng.chance(0.15) { out.append(extensionStep(after: e, submitted: submitted)); extended = true }
                var decided = e
                decided.action = .decide
                decided.to = .resolved
                decided.detail = decision()
                decided.note = decided.detail?.decision == .refused
                    ? "Informasi yang diminta tidak dapat diberikan; lihat alasan penolakan."
                    : "Informasi disampaikan kepada pemohon sesuai cara yang diminta."
                out.append(decided)
                appendObjection(after: decided, to: &out)
                return out
            case .resolve, .autoClose:
                continue
            default:
                out.append(e)
            }
        }
        return out
    }

    private mutating func decision() -> ActionDetail {
        let decision: RequestDecision = rng.weighted([(.granted, 70), (.partial, 15), (.refused, 15)])
        guard decision != .granted else { return ActionDetail(decision: .granted) }
        let ground: RefusalGround = rng.weighted([(.exempt(letter: rng.pick(Array("abcdefghij"))), 50), (.notHeld, 35),
                                                  (.notDocumented, 15)])
        return ActionDetail(decision: decision, ground: ground)
    }

    /// The extension goes out the day after receipt, well inside the first 10 working days.
    private func extensionStep(after e: DemoEvent, submitted: Date) -> DemoEvent {
        var x = e
        x.action = .extend
        x.at = min(e.at.addingTimeInterval(-60), submitted.addingTimeInterval(86_400))
        x.to = e.from
        x.note = "Diperpanjang 7 hari kerja: informasi masih dihimpun dari beberapa bidang."
        return x
    }

    private mutating func appendObjection(after decided: DemoEvent, to out: inout [DemoEvent]) {
        let objectionShare = decided.detail?.decision == .granted ? 0.03 : 0.25
        guard rng.chance(objectionShare) else { return }
        var objection = decided
        objection.action = .object
        objection.at = decided.at.addingTimeInterval((2 + rng.unit() * 8) * 86_400)
        objection.from = .resolved
        objection.to = .objected
        objection.detail = nil
        objection.actor = "op.sari"
        objection.role = .operator
        objection.note = "Pemohon mengajukan keberatan atas jawaban PPID."
        guard objection.at < end else { return }
        out.append(objection)
        var answer = objection
        answer.action = .respond
        answer.actor = "kabid.ikp"
        answer.role = .supervisor
        answer.at = objection.at.addingTimeInterval((5 + rng.unit() * 30) * 86_400)
        answer.from = .objected
        answer.to = .resolved
        answer.detail = ActionDetail(outcome: rng.chance(0.4) ? .accepted : .rejected)
        answer.note = "Tanggapan atasan PPID atas keberatan."
        guard answer.at < end else { return }
        out.append(answer)
        guard answer.detail?.outcome == .rejected, rng.chance(0.5) else { return }
        var dispute = answer
        dispute.action = .dispute
        dispute.at = answer.at.addingTimeInterval((3 + rng.unit() * 10) * 86_400)
        dispute.from = .resolved
        dispute.detail = nil
        dispute.note = "Pemohon mengajukan sengketa ke Komisi Informasi."
        if dispute.at < end { out.append(dispute) }
    }
}
