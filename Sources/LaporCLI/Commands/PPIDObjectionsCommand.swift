import ArgumentParser
import Foundation
import LaporCore

/// `lapor ppid objections [--year Y] [--format …]`.
struct PPIDObjectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "objections", abstract: "The register of objections to requests received in a year.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var sheet: PPIDSheetOptions

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        let year = try PPIDCommand.year(sheet.year, ctx)
        let entries = try ctx.reader.objectionRegister(year: year, for: ctx.user, now: ctx.now)
        if ctx.json { return try Output.encode(entries) }
        let en = ctx.language == .en
        let header = en
            ? ["Registration", "Tracking", "Objected", "Against", "Reason", "Due", "Answered", "Outcome", "Working days",
               "Late", "Dispute", "PPID"]
            : ["No. registrasi", "Tracking", "Diajukan", "Atas", "Alasan", "Batas", "Dijawab", "Hasil", "Hari kerja",
               "Terlambat", "Sengketa", "PPID"]
        let yes = en ? "yes" : "ya"
        let rows = entries.map { e -> [String] in
            [e.registration, e.trackingID, e.objected,
             e.against == "answer" ? (en ? "the answer" : "jawaban")
                : (en ? "no answer in time" : "tidak dijawab tepat waktu"),
             e.reason, e.due, e.answered ?? "", e.outcome?.label(ctx.language) ?? (en ? "pending" : "diproses"),
             e.workingDays.map(String.init) ?? "", e.late ? yes : "", e.disputed ? yes : "",
             e.ppid ?? PPIDAnnualReport.utama]
        }
        try sheet.emit(header, rows, sheet: en ? "Objections \(year)" : "Keberatan \(year)")
    }
}
