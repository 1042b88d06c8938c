import ArgumentParser
import Foundation
import LaporCore

/// `lapor export`: reports as CSV, JSON or NDJSON in the canonical import columns, identities
/// masked unless a supervisor passes `--reveal` (audited). A CSV export re-imports to the same reports.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export reports (csv, json, ndjson); identities masked unless --reveal.")
    @OptionGroup var common: CommonOptions
    @Option(help: "csv, json or ndjson.") var format: String = "csv"
    @Option(help: "Filter expression (cli.md).") var `where`: String?
    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?
    @Flag(help: "Include anonim/rahasia reporters' identities (supervisor only; audited).") var reveal = false

    static let columns = ImportField.allCases.map(\.rawValue)

    func run() throws {
        guard ["csv", "json", "ndjson"].contains(format) else { throw LaporError.invalidArgument("--format takes csv, json or ndjson, not '\(format)'.") }
        let ctx = try Context.open(common)
        let condition = try ctx.filter(`where`)
        let total = try ctx.store.countReports(condition, for: ctx.user)
        if reveal { try ctx.store.recordBulkReveal(count: total, by: ctx.user, at: ctx.now, purpose: "export --reveal") }
        let agencies = Dictionary(uniqueKeysWithValues: try ctx.store.agencies().map { ($0.id, $0.name) })
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
        var offset = 0
        var first = true
        while true {
            let page = try ctx.store.reports(ReportQuery(condition: condition, sort: .submitted, limit: 5000, offset: offset), for: ctx.user)
            if page.isEmpty { break }
            offset += page.count
            for r in page {
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
        }
        if format == "json" { emit("\n]\n") }
        out.write(Data(buffer.utf8))
        if output != nil { try out.close() }
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
