import ArgumentParser
import Foundation
import LaporCore

/// `lapor ppid set ID --purpose … --delivery …`: what the requester stated, for the register.
struct PPIDSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Record a request's purpose and delivery method (operators, supervisors; audited).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "Tracking id of the request.") var id: String
    @Option(help: "The purpose of use the requester stated.") var purpose: String?
    @Option(help: "How the information is to be delivered (email, pos, ambil langsung, …).") var delivery: String?

    func run() throws {
        let ctx = try Context.open(common, onServer: true)
        guard purpose != nil || delivery != nil else {
            throw LaporError.invalidArgument("Give --purpose, --delivery or both.")
        }
        let request = try ctx.writer.setRequestDetails(id, purpose: purpose, delivery: delivery, by: ctx.user, at: ctx.now)
        if ctx.json {
            return try Output.encode(["registration": request.registration, "purpose": request.purpose,
                                      "delivery": request.delivery])
        }
        Output.line("✓ \(request.registration): \(request.purpose) · \(request.delivery)")
    }
}
