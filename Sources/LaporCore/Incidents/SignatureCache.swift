import Foundation

/// Incident signatures a store has read, kept by report id while the fields they are read from
/// stay the same. Opening one report after another in the queue asks for similar reports of the
/// same days again and again, and building each candidate's signature (words, stems, places) was
/// the larger part of an open's time; a kept one is checked field by field, so a report changed
/// by any path (an import's update, an undo) is read anew.
public final class SignatureCache: @unchecked Sendable {
    /// What a signature is read from.
    private struct Source: Equatable {
        var trackingID: String
        var submittedAt: Date
        var category: String
        var kecamatan: String
        var kelurahan: String
        var title: String
        var body: String
        var address: String
        var contact: String

        init(_ r: Report) {
            trackingID = r.trackingID
            submittedAt = r.submittedAt
            category = r.category
            kecamatan = r.kecamatan
            kelurahan = r.kelurahan
            title = r.title
            body = r.body
            address = r.address
            contact = r.reporterContact
        }
    }

    /// Beyond this many the cache starts again (a few megabytes of text).
    private let capacity: Int
    private var kept: [Int64: (source: Source, signature: IncidentSignature)] = [:]
    private let lock = NSLock()

    public init(capacity: Int = 8_000) {
        self.capacity = capacity
    }

    /// The report's signature, built unless kept from the same fields.
    public func signature(of report: Report) -> IncidentSignature {
        let source = Source(report)
        lock.lock()
        let found = kept[report.id]
        lock.unlock()
        if let found, found.source == source { return found.signature }
        let signature = IncidentSignature(report)
        lock.lock()
        if kept.count >= capacity { kept.removeAll(keepingCapacity: true) }
        kept[report.id] = (source, signature)
        lock.unlock()
        return signature
    }
}
