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
        public var agencyNotes: [ImportAgencyNote] = []
        public var rejects: [ImportReject] = []
        public var seconds = 0.0
        /// The sheet, header row and preamble of the (last) workbook imported.
        public var origin: XLSXRecordReader.Origin?
        /// The first file that could not be read to its end, and why: the rows before it landed.
        public var unreadable: Unreadable?

        public init() {}
    }

    /// A file read only up to damage (a workbook cut short): which, and what broke.
    public struct Unreadable: Sendable, Equatable {
        public var file: String
        public var reason: String
    }

    public let store: any ReportImporting
    public let user: User
    public let now: Date
    public var batchSize = 5000
    public var dryRun = false
    /// The workbook sheet to read (`--sheet`); nil: the first with a recognisable header.
    public var sheet: String?
    /// Called after each batch with (bytes read, bytes in all files, rows so far).
    public var progress: ((Int, Int, Int) -> Void)?

    public init(store: any ReportImporting, user: User, now: Date) {
        self.store = store; self.user = user; self.now = now
    }

    /// Checks every record without writing (for `--strict`): the rejects it would produce.
    public func validateOnly(_ paths: [String], format: ImportSource.Format) throws -> [ImportReject] {
        var rejects: [ImportReject] = []
        for path in paths {
            let source = try ImportSource(path: path, format: format, sheet: sheet)
            while let raw = source.next() {
                if case .failure(let reject) = ImportRow.validate(raw, zone: store.zone) { rejects.append(reject) }
            }
        }
        return rejects
    }

    /// What the reading thread hands the writing one.
    private enum Piece {
        case batch([ImportRow], rows: Int, rejects: [ImportReject], bytes: Int)
        case fileDone(ImportSource)
    }

    /// Reads and validates on a second thread while this one writes, so parsing and SQLite
    /// overlap on the machine's two cores; the accounting is the same as reading in line.
    public func run(_ paths: [String], format: ImportSource.Format) throws -> Summary {
        let started = Date()
        var summary = Summary()
        let sources = try paths.map { try ImportSource(path: $0, format: format, sheet: sheet) }
        let totalBytes = paths.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        let pipe = BatchPipe<Piece>()
        let reader = Thread { [batchSize, zone = store.zone, sources = UncheckedBox(sources)] in
            defer { pipe.finish() }
            var doneBytes = 0
            for source in sources.value {
                var batch: [ImportRow] = [], rows = 0, rejects: [ImportReject] = []
                func send() -> Bool {
                    defer { batch = []; batch.reserveCapacity(batchSize); rows = 0; rejects = [] }
                    return pipe.put(.batch(batch, rows: rows, rejects: rejects, bytes: doneBytes + source.bytesRead))
                }
                while let raw = source.next() {
                    rows += 1
                    switch ImportRow.validate(raw, zone: zone) {
                    case .success(let row):
                        batch.append(row)
                        if batch.count >= batchSize, !send() { return }
                    case .failure(let reject):
                        rejects.append(reject)
                    }
                }
                if rows > 0, !send() { return }
                doneBytes += source.bytesRead
                if !pipe.put(.fileDone(source)) { return }
            }
        }
        reader.stackSize = 8 << 20
        reader.start()
        do {
            while let piece = pipe.take() {
                switch piece {
                case .batch(let rows, let count, let rejects, let bytes):
                    summary.rows += count
                    summary.rejected += rejects.count
                    summary.rejects += rejects
                    if !rows.isEmpty {
                        let result = try store.applyImport(rows, by: user, at: now, dryRun: dryRun)
                        summary.inserted += result.inserted; summary.updated += result.updated
                        summary.unchanged += result.unchanged; summary.conflicts += result.conflicts
                        summary.createdAgencies += result.createdAgencies
                        summary.agencyNotes += result.agencyNotes
                    }
                    progress?(bytes, totalBytes, summary.rows)
                case .fileDone(let source):
                    summary.files.append(source.path)
                    if source.encoding != "utf-8" { summary.encoding = source.encoding }
                    if let reason = source.unreadable, summary.unreadable == nil {
                        summary.unreadable = Unreadable(file: source.path, reason: reason)
                    }
                    if let origin = source.origin {
                        summary.origin = origin
                        if !dryRun { try store.recordImportOrigin(file: source.path, origin: origin, by: user, at: now) }
                    }
                    for column in source.unknownColumns where !summary.unknownColumns.contains(column) { summary.unknownColumns.append(column) }
                }
            }
        } catch {
            pipe.cancel()
            throw error
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}

/// Hands a value the compiler cannot prove sendable to the one thread that will use it next.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
