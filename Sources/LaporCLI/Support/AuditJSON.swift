import LaporCore

/// The JSON object of one audit record.
enum AuditJSON {
    static func object(_ e: AuditEntry, zone: DeskZone) -> [String: Any] {
        [
            "id": e.id, "at": zone.iso(e.at), "actor": e.actor, "role": e.role.rawValue, "action": e.action,
            "tracking_id": e.trackingID ?? NSNullValue, "from_state": e.fromState?.rawValue ?? NSNullValue,
            "to_state": e.toState?.rawValue ?? NSNullValue, "from_agency": e.fromAgency ?? NSNullValue,
            "to_agency": e.toAgency ?? NSNullValue, "note": e.note,
            "incident": e.incident ?? NSNullValue, "detail": e.detail ?? NSNullValue,
        ]
    }
}
