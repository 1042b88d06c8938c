import Foundation
import GRDB

/// Decoding of table rows into domain values; the column lists live beside the decoders.
enum RowDecoding {
    static let reportColumns = """
        id, tracking_id, submitted_at, title, body, category, subcategory, type, channel, reporter_name,
        reporter_contact, anonymous, confidential, kecamatan, kelurahan, address, agency_id, state, bounces,
        returned, version, updated_at, due_at, due_soon_at, incident_of
        """

    static func report(_ row: Row) -> Report {
        var report = Report(id: row[0], trackingID: row[1], submittedAt: Date(timeIntervalSince1970: TimeInterval(row[2] as Int64)),
               title: row[3], body: row[4], category: row[5], subcategory: row[6],
               type: ReportType(rawValue: row[7]) ?? .pengaduan, channel: Channel(rawValue: row[8]) ?? .other,
               reporterName: row[9], reporterContact: row[10], anonymous: row[11], confidential: row[12],
               kecamatan: row[13], kelurahan: row[14], address: row[15], agencyID: row[16],
               state: ReportState(rawValue: row[17]) ?? .new, bounces: row[18], returned: row[19], version: row[20],
               updatedAt: Date(timeIntervalSince1970: TimeInterval(row[21] as Int64)))
        report.dueAt = (row[22] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) }
        report.dueSoonAt = (row[23] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) }
        report.incidentOf = row[24]
        return report
    }

    static let agencyColumns = "id, code, name, aliases, calendar"

    static func agency(_ row: Row) -> Agency {
        let aliases: String = row[3]
        return Agency(id: row[0], code: row[1], name: row[2],
                      aliases: aliases.split(separator: "\n").map(String.init), calendar: row[4])
    }

    static let userColumns = "id, login, name, role, agency_id"

    static func user(_ row: Row) -> User {
        User(id: row[0], login: row[1], name: row[2], role: Role(rawValue: row[3]) ?? .viewer, agencyID: row[4])
    }

    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
}
