import LaporCore

/// The JSON object of one report (cli.md keys), with protected identities masked unless revealed.
enum ReportJSON {
    static func object(_ r: Report, agencies: [Int64: String], zone: DeskZone, revealed: Bool = false) -> [String: Any] {
        let identity = IdentityMask.visible(r, revealed: revealed)
        return [
            "id": r.id,
            "tracking_id": r.trackingID,
            "state": r.state.rawValue,
            "agency": r.agencyID.flatMap { agencies[$0] } ?? NSNullValue,
            "category": r.category,
            "subcategory": r.subcategory,
            "type": r.type.rawValue,
            "channel": r.channel.rawValue,
            "submitted_at": zone.iso(r.submittedAt),
            "updated_at": zone.iso(r.updatedAt),
            "title": r.title,
            "body": r.body,
            "anonymous": r.anonymous,
            "confidential": r.confidential,
            "identity_masked": identity.name == nil,
            "reporter_name": identity.name ?? NSNullValue,
            "reporter_contact": identity.contact ?? NSNullValue,
            "kecamatan": r.kecamatan,
            "kelurahan": r.kelurahan,
            "address": r.address,
            "bounces": r.bounces,
            "returned": r.returned,
            "version": r.version,
        ]
    }
}

import Foundation
let NSNullValue = NSNull()
