import ArgumentParser
import Foundation
import LaporCore

/// `lapor ppid register [--year Y] [--format table|csv|md|xlsx]`.
struct PPIDRegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register", abstract: "The register of information requests received in a year.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var sheet: PPIDSheetOptions
    @Flag(help: "Show anonim/rahasia requesters' identities (supervisor only; audited).") var reveal = false

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        let year = try PPIDCommand.year(sheet.year, ctx)
        let entries = reveal
            ? try ctx.reader.revealedRequestRegister(year: year, for: ctx.user, now: ctx.now, purpose: "ppid register --reveal")
            : try ctx.reader.requestRegister(year: year, for: ctx.user, now: ctx.now)
        if ctx.json { return try Output.encode(entries) }
        let en = ctx.language == .en
        let header = en
            ? ["Registration", "Tracking", "Received", "Requester", "Contact", "Information requested", "Purpose",
               "Delivery",
               "PPID", "State", "Decision", "Ground", "Decided", "Working days", "Extended", "Late", "Objection", "Dispute"]
            : ["No. registrasi", "Tracking", "Diterima", "Pemohon", "Kontak", "Informasi yang diminta", "Tujuan", "Cara",
               "PPID", "Status", "Keputusan", "Alasan", "Tanggal keputusan", "Hari kerja", "Diperpanjang", "Terlambat",
               "Keberatan", "Sengketa"]
        let hidden = IdentityMask.placeholder(ctx.language)
        let yes = en ? "yes" : "ya"
        let rows = entries.map { e -> [String] in
            [e.registration, e.trackingID, e.received, e.requester ?? hidden, e.contact ?? hidden, e.information, e.purpose,
             e.delivery, e.ppid ?? PPIDAnnualReport.utama, ReportState(rawValue: e.state)?.label(ctx.language) ?? e.state,
             e.decision?.label(ctx.language) ?? "", e.ground.flatMap(RefusalGround.parse)?.label(ctx.language) ?? "",
             e.decided ?? "", e.workingDays.map(String.init) ?? "", e.extended ? yes : "", e.late ? yes : "",
             e.objected ? (e.objectionOutcome?.label(ctx.language) ?? (en ? "pending" : "diproses")) : "",
             e.disputed ? yes : ""]
        }
        // The terminal table keeps the columns a person scans; files get every column.
        let compact = sheet.format == "table" ? [0, 2, 3, 5, 8, 10, 13, 14, 16] : Array(header.indices)
        try sheet.emit(compact.map { header[$0] }, rows.map { row in compact.map { row[$0] } }, sheet: "Register \(year)")
    }
}
