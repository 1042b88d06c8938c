import ArgumentParser
import Foundation
import LaporCore

/// `lapor import FILE...`: batch import of report exports with exact accounting and a rejects file.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import report exports (CSV, JSON, NDJSON, XLSX).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "The files to import.") var files: [String]
    @Option(help: "auto, csv, json, ndjson or xlsx (auto decides by content).") var format: String = "auto"
    @Option(help: "The workbook sheet to read (default: the first with a recognisable header).") var sheet: String?
    @Option(help: "Write rejected records here as CSV: line,tracking_id,reason.") var rejects: String?
    @Flag(help: "Check and count everything, write nothing.") var dryRun = false
    @Flag(help: "Import nothing if any record would be rejected (exit 1).") var strict = false

    func run() throws {
        guard let parsedFormat = ImportSource.Format(rawValue: format) else {
            throw LaporError.invalidArgument("--format takes auto, csv, json, ndjson or xlsx, not '\(format)'.")
        }
        let ctx = try Context.open(common, onServer: true)
        var importer = Importer(store: ctx.writer, user: ctx.user, now: ctx.now)
        importer.dryRun = dryRun
        importer.sheet = sheet
        if isatty(STDERR_FILENO) == 1 { importer.progress = ProgressBar(language: ctx.language).update }
        var summary: Importer.Summary
        if strict {
            let found = try importer.validateOnly(files, format: parsedFormat)
            if !found.isEmpty {
                summary = Importer.Summary()
                summary.files = files
                summary.rejected = found.count
                summary.rejects = found
                try finish(summary, ctx)
                Output.error(ctx.language == .id ? "--strict: \(found.count) baris ditolak; tidak ada yang diimpor."
                                                 : "--strict: \(found.count) records would be rejected; nothing was imported.")
                throw SilentExit(code: 1)
            }
        }
        let before = try ctx.writer.maxReportID()
        summary = try importer.run(files, format: parsedFormat)
        if isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let resent = dryRun ? [] : try ctx.writer.resentReports(after: before, language: ctx.language, cap: ResentReports.cap)
        try finish(summary, ctx, resent: resent)
        // A file that breaks part-way (a damaged workbook) was imported only up to the damage:
        // the summary says what landed, the exit says the file was not read to its end.
        if let broken = summary.unreadable {
            let reason = "the sheet cannot be read further: \(broken.reason)"
            Output.error(Sanitizer.line(ctx.language == .id
                ? "Berkas tidak terbaca sampai akhir (\(reason)); baris sebelum kerusakan sudah diimpor. "
                    + "Perbaiki atau unduh ulang berkasnya lalu impor lagi: baris yang sudah masuk dihitung tidak berubah."
                : "The file could not be read to its end (\(reason)); the rows before the damage were imported. "
                    + "Repair or download the file again and import it again: rows already in count as unchanged."))
            throw SilentExit(code: 65)
        }
    }

    /// `{"sheet", "header_row", "preamble": {label: value}}` of cli.md.
    static func sourceObject(_ o: XLSXRecordReader.Origin) -> [String: Any] {
        var preamble: [String: String] = [:]
        for (label, value) in o.preamble { preamble[label] = value }
        return ["sheet": o.sheet, "header_row": o.headerRow, "preamble": preamble]
    }

    /// `resent`: reports sent twice, proposed as one incident; nil when the import was too big to check.
    private func finish(_ s: Importer.Summary, _ ctx: Context, resent: [ProposedGroup]? = []) throws {
        if let rejects {
            var text = CSVWriter.line(["line", "tracking_id", "reason"]) + "\n"
            for r in s.rejects { text += CSVWriter.line([String(r.line), SpreadsheetSafe.cell(r.trackingID), r.reason]) + "\n" }
            guard FileManager.default.createFile(atPath: rejects, contents: Data(text.utf8)) else {
                throw LaporError.invalidArgument("Cannot write the rejects file \(rejects).")
            }
        }
        if ctx.json {
            try Output.json(["files": s.files, "rows": s.rows, "inserted": s.inserted, "updated": s.updated, "unchanged": s.unchanged,
                             "rejected": s.rejected, "conflicts": s.conflicts, "encoding": s.encoding,
                             "seconds": (s.seconds * 100).rounded() / 100, "unknown_columns": s.unknownColumns,
                             "created_agencies": s.createdAgencies, "dry_run": dryRun,
                             "agencies_created": s.agencyNotes.filter(\.created).map { ["code": $0.code, "name": $0.name] },
                             "agency_spellings": s.agencyNotes.filter { !$0.created }.map { ["spelling": $0.name, "code": $0.code] },
                             "source": s.origin.map(Self.sourceObject) ?? NSNull(),
                             "proposed_groups": resent.map { $0.count as Any } ?? NSNull(),
                             "proposed": (resent ?? []).map { ["members": $0.trackingIDs, "score": $0.score, "reason": $0.reason] }])
            return
        }
        let l = ctx.language
        Output.line(l == .id
            ? "\(s.rows) baris: \(s.inserted) baru, \(s.updated) diperbarui, \(s.unchanged) tidak berubah, \(s.rejected) ditolak, \(s.conflicts) konflik (\(s.encoding), \(String(format: "%.1f", s.seconds)) dtk)\(dryRun ? " — uji coba, tidak disimpan" : "")"
            : "\(s.rows) rows: \(s.inserted) inserted, \(s.updated) updated, \(s.unchanged) unchanged, \(s.rejected) rejected, \(s.conflicts) conflicts (\(s.encoding), \(String(format: "%.1f", s.seconds)) s)\(dryRun ? " — dry run, nothing saved" : "")")
        if let o = s.origin {
            let preamble = o.preamble.map { "\($0.label): \($0.value)" }.joined(separator: "; ")
            Output.line(Sanitizer.line((l == .id ? "Lembar '\(o.sheet)', judul kolom di baris \(o.headerRow)"
                                                 : "Sheet '\(o.sheet)', header on row \(o.headerRow)")
                                       + (preamble.isEmpty ? "" : " — " + preamble)))
        }
        let created = s.agencyNotes.filter(\.created)
        if !created.isEmpty {
            Output.line(l == .id ? "Instansi baru:" : "New agencies:")
            for note in created { Output.line(Sanitizer.line("  \(note.code) = \(note.name)")) }
        }
        let spellings = s.agencyNotes.filter { !$0.created }
        if !spellings.isEmpty {
            Output.line(l == .id ? "Ejaan lain dari instansi yang ada (disimpan sebagai alias):"
                                 : "Other spellings of known agencies (kept as aliases):")
            for note in spellings { Output.line(Sanitizer.line("  \(note.name) → \(note.code)")) }
        }
        if !s.unknownColumns.isEmpty { Output.line((l == .id ? "Kolom diabaikan: " : "Ignored columns: ") + Sanitizer.line(s.unknownColumns.joined(separator: ", "))) }
        for r in s.rejects.prefix(10) { Output.line(Sanitizer.line("  line \(r.line) \(r.trackingID): \(r.reason)")) }
        if let resent, !resent.isEmpty {
            Output.line(l == .id ? "Kemungkinan dikirim ulang (usulan insiden): \(resent.count)"
                                 : "Probably sent again (proposed incidents): \(resent.count)")
            for g in resent.prefix(10) {
                Output.line("  lapor group \(g.trackingIDs.dropFirst().joined(separator: " ")) --into \(g.trackingIDs[0])   # \(g.reason)")
            }
        } else if resent == nil {
            Output.line(l == .id ? "Laporan kiriman ulang tidak diperiksa (lebih dari 50.000 laporan baru)."
                                 : "Re-sent reports not checked (more than 50,000 new reports).")
        }
        if s.rejects.count > 10 { Output.line(l == .id ? "  … \(s.rejects.count - 10) lagi (--rejects FILE)" : "  … \(s.rejects.count - 10) more (--rejects FILE)") }
    }
}

/// A one-line progress bar with rate and ETA on stderr.
final class ProgressBar {
    let language: Language
    let started = Date()
    init(language: Language) { self.language = language }

    func update(_ done: Int, _ total: Int, _ rows: Int) {
        let elapsed = max(0.001, Date().timeIntervalSince(started))
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let rate = Double(rows) / elapsed
        let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let bar = String(repeating: "█", count: Int(fraction * 30)) + String(repeating: "░", count: 30 - Int(fraction * 30))
        let text = String(format: "\r%@ %3.0f%%  %@ %@/s  ETA %.0f s\u{1B}[K", bar, fraction * 100,
                          NumberText.integer(rows, language), NumberText.integer(Int(rate), language), eta)
        FileHandle.standardError.write(Data(text.utf8))
    }
}
