import Foundation

/// What `lapor import` needs from a store, on either engine.
public protocol ReportImporting: ReportReading {
    /// One batch in one transaction (rolled back for a dry run): the batch lands whole or not at all.
    func applyImport(_ rows: [ImportRow], by actor: User, at now: Date, dryRun: Bool) throws -> ImportBatchResult
    /// One audit record naming a workbook's sheet, header row and preamble.
    func recordImportOrigin(file: String, origin: XLSXRecordReader.Origin, by actor: User, at now: Date) throws
    /// The highest report id, so an import can tell its new reports afterwards.
    func maxReportID() throws -> Int64
    /// Reports added after `maxID` that were sent again (nil: too many new reports to check).
    func resentReports(after maxID: Int64, language: Language, cap: Int) throws -> [ProposedGroup]?
}

extension LaporStore: ReportImporting {}

/// Everything the commands that run on both engines need: reading, acting, importing.
public protocol DeskStore: ReportActing, ReportImporting {}

extension LaporStore: DeskStore {}
extension PGStore: DeskStore {}
