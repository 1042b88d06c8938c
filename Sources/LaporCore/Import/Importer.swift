import Foundation

/// Streams files into the store in batches and keeps exact accounting:
/// `rows == inserted + updated + unchanged + rejected`.
public struct Importer {
    public struct Summary: Sendable, Equatable {
        public var files: [String] = []
        public var rows = 0, inserted = 0, updated = 0, unchanged = 0, rejected = 0, conflicts = 0
        public var encoding = "utf-8"
        public var unknownColumns: [String] = []
        public var createdAgencies: [String] = []
        public var rejects: [ImportReject] = []
        public var seconds = 0.0

        public init() {}
    }

    public let store: LaporStore
    public let user: User
    public let now: Date
    public var batchSize = 5000
    public var dryRun = false
    /// Called after each batch with (bytes read, bytes in all files, rows so far).
    public var progress: ((Int, Int, Int) -> Void)?

    public init(store: LaporStore, user: User, now: Date) {
        self.store = store; self.user = user; self.now = now
    }

    /// Checks every record without writing (for `--strict`): the rejects it would produce.
    public func validateOnly(_ paths: [String], format: ImportSource.Format) throws -> [ImportReject] {
        var rejects: [ImportReject] = []
        for path in paths {
            let source = try ImportSource(path: path, format: format)
            while let raw = source.next() {
                if case .failure(let reject) = ImportRow.validate(raw, zone: store.zone) { rejects.append(reject) }
            }
        }
        return rejects
    }

    public func run(_ paths: [String], format: ImportSource.Format) throws -> Summary {
        let started = Date()
        var summary = Summary()
        let sources = try paths.map { try ImportSource(path: $0, format: format) }
        let totalBytes = paths.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        var doneBytes = 0
        for source in sources {
            summary.files.append(source.path)
            var batch: [ImportRow] = []
            func flush() throws {
                guard !batch.isEmpty else { return }
                let result = try store.applyImport(batch, by: user, at: now, dryRun: dryRun)
                summary.inserted += result.inserted; summary.updated += result.updated
                summary.unchanged += result.unchanged; summary.conflicts += result.conflicts
                summary.createdAgencies += result.createdAgencies
                batch.removeAll(keepingCapacity: true)
                progress?(doneBytes + source.bytesRead, totalBytes, summary.rows)
            }
            while let raw = source.next() {
                summary.rows += 1
                switch ImportRow.validate(raw, zone: store.zone) {
                case .success(let row):
                    batch.append(row)
                    if batch.count >= batchSize { try flush() }
                case .failure(let reject):
                    summary.rejected += 1
                    summary.rejects.append(reject)
                }
            }
            try flush()
            doneBytes += source.bytesRead
            if source.encoding != "utf-8" { summary.encoding = source.encoding }
            for column in source.unknownColumns where !summary.unknownColumns.contains(column) { summary.unknownColumns.append(column) }
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}
