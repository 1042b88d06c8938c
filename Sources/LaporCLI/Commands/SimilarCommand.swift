import ArgumentParser
import Foundation
import LaporCore

/// `lapor similar ID [--limit N]`: reports most likely about the same incident, best first, with why.
struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar", abstract: "Reports most likely about the same incident (place, problem, time), with the reason.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id (or internal id).") var id: String
    @Option(help: "At most this many.") var limit: Int = 10

    /// One line of the contract: `{"id", "tracking_id", "score", "reason", "state", "agency"}`.
    struct Line: Codable {
        var id: Int64
        var trackingID: String
        var score: Double
        var reason: String
        var state: String
        var agency: String?
        enum CodingKeys: String, CodingKey { case id, trackingID = "tracking_id", score, reason, state, agency }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(trackingID, forKey: .trackingID)
            try c.encode(score, forKey: .score)
            try c.encode(reason, forKey: .reason)
            try c.encode(state, forKey: .state)
            try c.encode(agency, forKey: .agency)
        }
    }

    func run() throws {
        guard limit > 0 else { throw LaporError.invalidArgument("--limit takes 1 or more.") }
        let ctx = try Context.open(common, onServer: true)
        let codes = try ctx.agencyCodes()
        let found = try ctx.reader.similar(to: id, for: ctx.user, limit: limit)
        let lines = found.map { s in
            Line(id: s.report.id, trackingID: s.report.trackingID, score: s.similarity.score, reason: s.similarity.reason(ctx.language),
                 state: s.report.state.rawValue, agency: s.report.agencyID.flatMap { codes[$0] })
        }
        if ctx.json { return try Output.encode(lines) }
        guard !lines.isEmpty else {
            return Output.line(ctx.language == .id ? "Tidak ada laporan serupa." : "No similar reports.")
        }
        let en = ctx.language == .en
        var table = Table(["ID", en ? "Score" : "Skor", en ? "State" : "Status", en ? "Agency" : "Instansi", en ? "Title" : "Judul",
                           en ? "Why" : "Alasan"], flexible: 5)
        for (line, s) in zip(lines, found) {
            table.add([line.trackingID, String(format: "%.2f", line.score), s.report.state.label(ctx.language), line.agency ?? "",
                       Sanitizer.line(s.report.title), line.reason])
        }
        Output.line(table.render(width: Output.width))
    }
}
