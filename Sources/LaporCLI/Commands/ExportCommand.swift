import ArgumentParser
import Foundation
import LaporCore

/// `lapor export`: reports as CSV, JSON or NDJSON in the canonical import columns, identities
/// masked unless a supervisor passes `--reveal` (audited). A CSV export re-imports to the same reports.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export reports (csv, json, ndjson, xlsx); identities masked unless --reveal.")
    @OptionGroup var common: CommonOptions
    @Option(help: "csv, json, ndjson or xlsx (xlsx needs -o FILE).") var format: String = "csv"
    @Option(help: "Filter expression (docs/filters.md).") var `where`: String?
    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?
    @Flag(help: "Include anonim/rahasia reporters' identities (supervisor only; audited).") var reveal = false

    static let columns = ImportField.canonical.map(\.rawValue)

    func run() throws {
        guard ["csv", "json", "ndjson", "xlsx"].contains(format) else {
            throw LaporError.invalidArgument("--format takes csv, json, ndjson or xlsx, not '\(format)'.")
        }
        if format == "xlsx" && output == nil { throw LaporError.invalidArgument("--format xlsx writes a workbook: give -o FILE.xlsx.") }
        let ctx = try Context.open(common, onServer: true)
        let condition = try ctx.filter(`where`)
        var revealed = IdentityReveal.carried
        if reveal {
            let total = try ctx.reader.countReports(condition, for: ctx.user)
            revealed = try ctx.reader.revealIdentities(.matching(condition, count: total), purpose: "export --reveal",
                                                       by: ctx.user, at: ctx.now)
        }
        let agencies = Dictionary(uniqueKeysWithValues: try ctx.reader.agencies().map { ($0.id, $0.name) })
        if format == "xlsx", let output {
            return try writeWorkbook(ctx, condition: condition, agencies: agencies, revealed: revealed, to: output)
        }
        let out: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil, attributes: [.posixPermissions: 0o600]),
                  let handle = FileHandle(forWritingAtPath: output) else { throw LaporError.invalidArgument("Cannot write \(output).") }
            out = handle
        } else {
            out = FileHandle.standardOutput
        }
        var buffer = ""
        func emit(_ text: String) {
            buffer += text
            if buffer.utf8.count > 1 << 20 { out.write(Data(buffer.utf8)); buffer = "" }
        }
        if format == "csv" { emit(CSVWriter.line(Self.columns) + "\n") }
        if format == "json" { emit("[\n") }
        var first = true
        try Self.eachReport(ctx, condition: condition) { stored in
            let r = revealed.apply(stored)
            let values = Self.values(r, agencies: agencies, zone: ctx.zone, reveal: reveal)
            switch format {
            case "csv":
                emit(CSVWriter.line(Self.columns.map { SpreadsheetSafe.cell(values[$0] as? String ?? "") }) + "\n")
            default:
                var object: [String: Any] = [:]
                for (k, v) in values { object[k] = v }
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                emit((format == "json" && !first ? ",\n" : "") + String(decoding: data, as: UTF8.self) + (format == "ndjson" ? "\n" : ""))
            }
            first = false
        }
        if format == "json" { emit("\n]\n") }
        out.write(Data(buffer.utf8))
        if output != nil { try out.close() }
    }

    /// The same columns as a workbook: the time as a real Excel date, flags as booleans, text
    /// defused like CSV (a leading `'` before = + - @), streamed page by page.
    private func writeWorkbook(_ ctx: Context, condition: ReportCondition?, agencies: [Int64: String],
                               revealed: IdentityReveal, to path: String) throws {
        let writer = try XLSXWriter(path: path)
        try writer.addSheet(ctx.language == .id ? "Laporan" : "Reports")
        try writer.addRow(Self.columns.map { .text($0) })
        try Self.eachReport(ctx, condition: condition) { stored in
            let r = revealed.apply(stored)
            let values = Self.values(r, agencies: agencies, zone: ctx.zone, reveal: reveal)
            try writer.addRow(Self.columns.map { column in
                switch column {
                case "submitted_at":
                    let (y, mo, d, h, mi, s) = ctx.zone.components(r.submittedAt)
                    return .date(year: y, month: mo, day: d, hour: h, minute: mi, second: s)
                case "anonymous": return .bool(r.anonymous)
                case "confidential": return .bool(r.confidential)
                default: return .text(SpreadsheetSafe.cell(values[column] as? String ?? ""))
                }
            })
        }
        try writer.close()
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    /// The reports a filter selects, in submission order, a page of 5,000 at a time.
    static func eachReport(_ ctx: Context, condition: ReportCondition?, _ body: (Report) throws -> Void) throws {
        var offset = 0
        while true {
            let page = try ctx.reader.reports(ReportQuery(condition: condition, sort: .submitted, limit: 5000, offset: offset), for: ctx.user)
            if page.isEmpty { break }
            offset += page.count
            for r in page { try body(r) }
        }
    }

    /// One report in the canonical columns; booleans as true/false, time in ISO 8601 with offset.
    static func values(_ r: Report, agencies: [Int64: String], zone: DeskZone, reveal: Bool) -> [String: Any] {
        let identity = IdentityMask.visible(r, revealed: reveal)
        return [
            "tracking_id": r.trackingID, "submitted_at": zone.iso(r.submittedAt), "title": r.title, "body": r.body,
            "category": r.category, "subcategory": r.subcategory, "type": r.type.rawValue, "channel": r.channel.rawValue,
            "reporter_name": identity.name ?? "", "reporter_contact": identity.contact ?? "",
            "anonymous": r.anonymous ? "true" : "false", "confidential": r.confidential ? "true" : "false",
            "kecamatan": r.kecamatan, "kelurahan": r.kelurahan, "address": r.address,
            "agency": r.agencyID.flatMap { agencies[$0] } ?? "", "status": r.state.rawValue,
        ]
    }
}
