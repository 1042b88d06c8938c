import ArgumentParser
import Foundation
import LaporCore

/// `lapor ppid`: the PPID's registers of requests and objections and the annual service report (UU 14/2008).
struct PPIDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ppid", abstract: "Information requests: the register, the objections register, the annual report.",
        subcommands: [PPIDRegisterCommand.self, PPIDObjectionsCommand.self, PPIDReportCommand.self, PPIDSetCommand.self])

    /// The year asked for, else the current year in the desk's zone.
    static func year(_ given: Int?, _ ctx: Context) throws -> Int {
        let year = given ?? Trend.Day(ctx.now, zone: ctx.zone).year
        guard (2000...2100).contains(year) else { throw LaporError.invalidArgument("--year takes a year such as 2024, not \(year).") }
        return year
    }

    /// Prints rows as a table, CSV or Markdown, or writes them as one workbook sheet.
    static func emit(_ header: [String], _ rows: [[String]], format: String, output: String?, sheet: String) throws {
        switch format {
        case "csv":
            Output.line(CSVWriter.line(header))
            for row in rows { Output.line(CSVWriter.line(row.map(SpreadsheetSafe.cell))) }
        case "md":
            Output.line("| " + header.joined(separator: " | ") + " |")
            Output.line("|" + header.map { _ in "---" }.joined(separator: "|") + "|")
            for row in rows {
                Output.line("| " + row.map { Sanitizer.line($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
            }
        case "xlsx":
            guard let output else { throw LaporError.invalidArgument("--format xlsx writes a workbook: give -o FILE.xlsx.") }
            let writer = try XLSXWriter(path: output)
            try writer.addSheet(sheet)
            try writer.addRow(header.map { .text($0) })
            for row in rows { try writer.addRow(row.map { $0.isEmpty ? .absent : .text(SpreadsheetSafe.cell($0)) }) }
            try writer.close()
        case "table":
            var table = Table(header)
            for row in rows { table.add(row.map(Sanitizer.line)) }
            Output.line(table.render(width: Output.width))
        default:
            throw LaporError.invalidArgument("--format takes table, csv, md or xlsx, not '\(format)'.")
        }
    }
}

/// `lapor ppid register [--year Y] [--format table|csv|md|xlsx]`.
struct PPIDRegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "register", abstract: "The register of information requests received in a year.")
    @OptionGroup var common: CommonOptions
    @Option(help: "Year of receipt (default: this year).") var year: Int?
    @Option(help: "table, csv, md or xlsx (xlsx needs -o FILE).") var format: String = "table"
    @Option(name: .shortAndLong, help: "The workbook to write with --format xlsx.") var output: String?
    @Flag(help: "Show anonim/rahasia requesters' identities (supervisor only; audited).") var reveal = false

    func run() throws {
        let ctx = try Context.open(common)
        let year = try PPIDCommand.year(self.year, ctx)
        let entries = try ctx.store.requestRegister(year: year, for: ctx.user, now: ctx.now, revealed: reveal)
        if reveal { try ctx.store.recordBulkReveal(count: entries.count, by: ctx.user, at: ctx.now, purpose: "ppid register --reveal") }
        if ctx.json { return try Output.encode(entries) }
        let en = ctx.language == .en
        let header = en
            ? ["Registration", "Tracking", "Received", "Requester", "Contact", "Information requested", "Purpose", "Delivery",
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
             e.objected ? (e.objectionOutcome?.label(ctx.language) ?? (en ? "pending" : "diproses")) : "", e.disputed ? yes : ""]
        }
        let compact = format == "table" ? [0, 2, 3, 5, 8, 10, 13, 14, 16] : Array(header.indices)
        try PPIDCommand.emit(compact.map { header[$0] }, rows.map { row in compact.map { row[$0] } }, format: format,
                             output: output, sheet: en ? "Register \(year)" : "Register \(year)")
    }
}

/// `lapor ppid objections [--year Y] [--format …]`.
struct PPIDObjectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "objections", abstract: "The register of objections to requests received in a year.")
    @OptionGroup var common: CommonOptions
    @Option(help: "Year the requests were received (default: this year).") var year: Int?
    @Option(help: "table, csv, md or xlsx (xlsx needs -o FILE).") var format: String = "table"
    @Option(name: .shortAndLong, help: "The workbook to write with --format xlsx.") var output: String?

    func run() throws {
        let ctx = try Context.open(common)
        let year = try PPIDCommand.year(self.year, ctx)
        let entries = try ctx.store.objectionRegister(year: year, for: ctx.user, now: ctx.now)
        if ctx.json { return try Output.encode(entries) }
        let en = ctx.language == .en
        let header = en
            ? ["Registration", "Tracking", "Objected", "Against", "Reason", "Due", "Answered", "Outcome", "Working days", "Late", "Dispute", "PPID"]
            : ["No. registrasi", "Tracking", "Diajukan", "Atas", "Alasan", "Batas", "Dijawab", "Hasil", "Hari kerja", "Terlambat", "Sengketa", "PPID"]
        let yes = en ? "yes" : "ya"
        let rows = entries.map { e -> [String] in
            [e.registration, e.trackingID, e.objected,
             e.against == "answer" ? (en ? "the answer" : "jawaban") : (en ? "no answer in time" : "tidak dijawab tepat waktu"),
             e.reason, e.due, e.answered ?? "", e.outcome?.label(ctx.language) ?? (en ? "pending" : "diproses"),
             e.workingDays.map(String.init) ?? "", e.late ? yes : "", e.disputed ? yes : "", e.ppid ?? PPIDAnnualReport.utama]
        }
        try PPIDCommand.emit(header, rows, format: format, output: output, sheet: en ? "Objections \(year)" : "Keberatan \(year)")
    }
}

/// `lapor ppid report --year Y`: the annual public-information service report.
struct PPIDReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "The annual information service report, counted from the register.")
    @OptionGroup var common: CommonOptions
    @Option(help: "Year of receipt (default: this year).") var year: Int?
    @Option(help: "table, csv or md.") var format: String = "table"

    func run() throws {
        let ctx = try Context.open(common)
        let year = try PPIDCommand.year(self.year, ctx)
        let report = try ctx.store.ppidReport(year: year, for: ctx.user, now: ctx.now)
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
            (en ? "Not documented" : "Blm didokumentasi", { NumberText.integer($0.refusedByGround["not_documented"] ?? 0, l) }),
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
                notes.append(en ? "\(t.decisionUnrecorded) answered without a recorded decision (imported, or closed before the desk knew requests)."
                                : "\(t.decisionUnrecorded) dijawab tanpa keputusan tercatat (hasil impor, atau ditutup sebelum desk mengenal permintaan informasi).")
            }
            if t.unanswered > 0 {
                notes.append(en ? "\(t.unanswered) never answered: the requester objected to the silence."
                                : "\(t.unanswered) tidak pernah dijawab: pemohon mengajukan keberatan.")
            }
            if t.identityMissing > 0 {
                notes.append(en ? "\(t.identityMissing) came in anonim/rahasia or without a name; UU 14/2008 asks for the requester's identity."
                                : "\(t.identityMissing) masuk anonim/rahasia atau tanpa nama; UU 14/2008 mensyaratkan identitas pemohon.")
            }
            for note in notes { Output.line(note) }
        }
    }
}

/// `lapor ppid set ID --purpose … --delivery …`: what the requester stated, for the register.
struct PPIDSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Record a request's purpose and delivery method (operators, supervisors; audited).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id of the request.") var id: String
    @Option(help: "The purpose of use the requester stated.") var purpose: String?
    @Option(help: "How the information is to be delivered (email, pos, ambil langsung, …).") var delivery: String?

    func run() throws {
        let ctx = try Context.open(common)
        guard purpose != nil || delivery != nil else { throw LaporError.invalidArgument("Give --purpose, --delivery or both.") }
        let request = try ctx.store.setRequestDetails(id, purpose: purpose, delivery: delivery, by: ctx.user, at: ctx.now)
        if ctx.json { return try Output.encode(["registration": request.registration, "purpose": request.purpose, "delivery": request.delivery]) }
        Output.line("✓ \(request.registration): \(request.purpose) · \(request.delivery)")
    }
}
