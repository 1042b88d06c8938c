import ArgumentParser
import Foundation
import LaporCore

/// `lapor ppid report --year Y`: the annual public-information service report.
struct PPIDReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "The annual information service report, counted from the register.")
    @OptionGroup var common: CommonOptions
    @Option(help: "Year of receipt (default: this year).") var year: Int?
    @Option(help: "table, csv or md.") var format: String = "table"

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        let year = try PPIDCommand.year(self.year, ctx)
        let report = try ctx.reader.ppidReport(year: year, for: ctx.user, now: ctx.now)
        if ctx.json { return try Output.encode(report) }
        guard format != "xlsx" else { throw LaporError.invalidArgument("--format takes table, csv or md for the report.") }
        let en = ctx.language == .en
        let l = ctx.language
        let columns: [(String, (PPIDAnnualReport.Counts) -> String)] = [
            (en ? "Received" : "Diterima", { NumberText.integer($0.received, l) }),
            (en ? "Granted" : "Dikabulkan", { NumberText.integer($0.granted, l) }),
            (en ? "Partly" : "Sebagian", { NumberText.integer($0.partial, l) }),
            (en ? "Refused" : "Ditolak", { NumberText.integer($0.refused, l) }),
            (en ? "Art. 17" : "Pasal 17", { NumberText.integer($0.refusedByGround["pasal17"] ?? 0, l) }),
            (en ? "Not held" : "Tdk dikuasai", { NumberText.integer($0.refusedByGround["not_held"] ?? 0, l) }),
            (en ? "Not documented" : "Blm didokumentasi",
             { NumberText.integer($0.refusedByGround["not_documented"] ?? 0, l) }),
            (en ? "Pending" : "Diproses", { NumberText.integer($0.pending, l) }),
            (en ? "Archived" : "Diarsipkan", { NumberText.integer($0.withdrawn, l) }),
            (en ? "Avg WD" : "Rata2 HK", { $0.averageWorkingDays.map { NumberText.decimal($0, l) } ?? "—" }),
            (en ? "Max WD" : "Maks HK", { $0.longestWorkingDays.map(String.init) ?? "—" }),
            (en ? "Late" : "Terlambat", { NumberText.integer($0.answeredLate, l) }),
            (en ? "Extended" : "Diperpanjang", { NumberText.integer($0.extensions, l) }),
            (en ? "Objections" : "Keberatan", { NumberText.integer($0.objections, l) }),
            (en ? "Upheld" : "Diterima", { NumberText.integer($0.objectionsAccepted, l) }),
            (en ? "Rejected" : "Ditolak", { NumberText.integer($0.objectionsRejected, l) }),
            (en ? "Disputes" : "Sengketa", { NumberText.integer($0.disputes, l) }),
        ]
        let header = ["PPID"] + columns.map(\.0)
        var rows = report.byPPID.keys.sorted().map { key in [key] + columns.map { $0.1(report.byPPID[key]!) } }
        rows.append([en ? "Total" : "Jumlah"] + columns.map { $0.1(report.total) })
        if format == "table" {
            Output.line(en ? "Public information service report \(year)" : "Laporan layanan informasi publik \(year)")
        }
        try PPIDCommand.emit(header, rows, format: format, output: nil, sheet: "")
        if format == "table" {
            let t = report.total
            var notes: [String] = []
            if t.decisionUnrecorded > 0 {
                notes.append(en
                    ? "\(t.decisionUnrecorded) answered without a recorded decision "
                        + "(imported, or closed before the desk knew requests)."
                    : "\(t.decisionUnrecorded) dijawab tanpa keputusan tercatat "
                        + "(hasil impor, atau ditutup sebelum desk mengenal permintaan informasi).")
            }
            if t.unanswered > 0 {
                notes.append(en ? "\(t.unanswered) never answered: the requester objected to the silence."
                                : "\(t.unanswered) tidak pernah dijawab: pemohon mengajukan keberatan.")
            }
            if t.identityMissing > 0 {
                notes.append(en
                    ? "\(t.identityMissing) came in anonim/rahasia or without a name; "
                        + "UU 14/2008 asks for the requester's identity."
                    : "\(t.identityMissing) masuk anonim/rahasia atau tanpa nama; UU 14/2008 mensyaratkan identitas pemohon.")
            }
            for note in notes { Output.line(note) }
        }
    }
}
