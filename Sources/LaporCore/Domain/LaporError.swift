/// Every failure the core reports, each with the process exit code of cli.md and a sentence per language.
public enum LaporError: Error, Equatable, Sendable {
    case illegalTransition(trackingID: String, TransitionRefusal)
    case permissionDenied(login: String, role: Role, what: String)
    case notVisible(login: String, trackingID: String)
    case unknownUser(login: String)
    case reportNotFound(String)
    case agencyNotFound(String)
    case agencyAmbiguous(String, candidates: [String])
    case noteRequired(LifecycleAction)
    case sameAgency(trackingID: String, agency: String)
    case staleReport(trackingID: String)
    case alreadyReturned(trackingID: String)
    case alreadyRouted(trackingID: String, agency: String)
    case duplicate(String)
    case templateNotFound(String)
    case invalidArgument(String)
    /// A rule beside the state table refused the action (an information request's legal clocks).
    case refused(en: String, id: String)
    case databaseBusy(path: String)
    case cannotOpenDatabase(path: String, reason: String)
    /// The desk is on a PostgreSQL server and this does not run there (yet); nothing was read or changed.
    case notOnServer(path: String, en: String, id: String)
    /// The server's own rules (grants, row-level security) refused the connected role.
    case serverDenied(path: String, reason: String)
    case inputMissing(path: String)
    case inputUnreadable(path: String, reason: String)

    /// Exit codes of cli.md: 1 problem found, 2 usage, 65 data, 66 missing, 73 database, 75 busy, 77 role.
    public var exitCode: Int32 {
        switch self {
        case .illegalTransition, .reportNotFound, .agencyNotFound, .agencyAmbiguous, .noteRequired,
             .sameAgency, .staleReport, .alreadyReturned, .alreadyRouted, .duplicate, .templateNotFound, .refused: 1
        case .invalidArgument: 2
        case .inputUnreadable: 65
        case .inputMissing: 66
        case .cannotOpenDatabase, .notOnServer: 73
        case .databaseBusy: 75
        case .permissionDenied, .notVisible, .unknownUser, .serverDenied: 77
        }
    }

    /// One clear sentence naming what was wrong and what to do.
    public func message(_ language: Language) -> String {
        let en = language == .en
        switch self {
        case let .illegalTransition(tid, refusal):
            let allowed = refusal.allowedFrom.map { $0.label(language) }.joined(separator: ", ")
            if allowed.isEmpty {
                let kind = refusal.type == .permintaanInformasi
                    ? (en ? "an information request" : "permintaan informasi") : (en ? "a complaint" : "pengaduan")
                return en ? "'\(refusal.action.rawValue)' does not apply to \(kind) (\(tid)). Nothing was changed."
                    : "'\(refusal.action.rawValue)' tidak berlaku untuk \(kind) (\(tid)). Tidak ada yang diubah."
            }
            // An information request is answered with `decide`, not the complaint's respond/resolve.
            let hint = refusal.type == .permintaanInformasi && [.respond, .resolve].contains(refusal.action)
                ? (en ? " An information request is answered with: lapor decide \(tid) --decision …"
                      : " Permintaan informasi dijawab dengan: lapor decide \(tid) --decision …") : ""
            return (en
                ? "Report \(tid) is \(refusal.from.label(.en)) (\(refusal.from.rawValue)); '\(refusal.action.rawValue)' is only possible from: \(allowed). Nothing was changed."
                : "Laporan \(tid) berstatus \(refusal.from.label(.id)) (\(refusal.from.rawValue)); '\(refusal.action.rawValue)' hanya bisa dari: \(allowed). Tidak ada yang diubah.") + hint
        case let .permissionDenied(login, role, what):
            return en
                ? "User \(login) (role \(role.rawValue)) may not \(what); ask a supervisor."
                : "Pengguna \(login) (peran \(role.rawValue)) tidak berwenang untuk \(what); hubungi supervisor."
        case let .notVisible(login, tid):
            return en
                ? "Report \(tid) is not routed to the agency of \(login); agency users see only their own agency's reports."
                : "Laporan \(tid) tidak didisposisikan ke instansi \(login); pengguna instansi hanya melihat laporan instansinya."
        case let .unknownUser(login):
            return en
                ? "'\(login)' is not a desk user; a supervisor can add them with: lapor --as SUPERVISOR user add \(login) --role operator"
                : "'\(login)' bukan pengguna desk; supervisor dapat menambahkannya dengan: lapor --as SUPERVISOR user add \(login) --role operator"
        case let .reportNotFound(ref):
            return en ? "No report with id or tracking id '\(ref)'." : "Tidak ada laporan dengan id atau nomor tracking '\(ref)'."
        case let .agencyNotFound(ref):
            return en
                ? "No agency named '\(ref)'; see 'lapor agency list' for codes."
                : "Tidak ada instansi bernama '\(ref)'; lihat 'lapor agency list' untuk kodenya."
        case let .agencyAmbiguous(ref, candidates):
            return en
                ? "'\(ref)' matches several agencies (\(candidates.joined(separator: ", "))); use the code."
                : "'\(ref)' cocok dengan beberapa instansi (\(candidates.joined(separator: ", "))); gunakan kodenya."
        case let .noteRequired(action):
            return en
                ? "'\(action.rawValue)' needs a reason or note (--note or --reason)."
                : "'\(action.rawValue)' memerlukan alasan atau catatan (--note atau --reason)."
        case let .sameAgency(tid, agency):
            return en
                ? "Report \(tid) is already routed to \(agency); pick another agency to re-route."
                : "Laporan \(tid) sudah didisposisikan ke \(agency); pilih instansi lain untuk disposisi ulang."
        case let .staleReport(tid):
            return en
                ? "Report \(tid) was changed by someone else a moment ago; look at it again before acting."
                : "Laporan \(tid) baru saja diubah orang lain; periksa kembali sebelum bertindak."
        case let .alreadyReturned(tid):
            return en
                ? "Report \(tid) was already returned as not our remit; it waits for the desk to re-route it."
                : "Laporan \(tid) sudah dikembalikan (bukan wewenang); menunggu disposisi ulang oleh admin."
        case let .alreadyRouted(tid, agency):
            return en
                ? "Report \(tid) is already routed to \(agency); add --reroute to send it elsewhere."
                : "Laporan \(tid) sudah didisposisikan ke \(agency); tambahkan --reroute untuk memindahkannya."
        case let .duplicate(what):
            return en ? "\(what) already exists." : "\(what) sudah ada."
        case let .templateNotFound(name):
            return en ? "No template named \(name); see lapor template list."
                : "Tidak ada templat bernama \(name); lihat lapor template list."
        case let .invalidArgument(text):
            return text
        case let .refused(enText, idText):
            return en ? enText : idText
        case let .databaseBusy(path):
            return en
                ? "The database \(path) stayed busy (another process is writing); try again in a moment."
                : "Basis data \(path) sedang sibuk (proses lain sedang menulis); coba lagi sebentar lagi."
        case let .cannotOpenDatabase(path, reason):
            return en
                ? "Cannot open the database \(path): \(reason). Check the path and its permissions, or pass --db."
                : "Tidak dapat membuka basis data \(path): \(reason). Periksa path dan izinnya, atau gunakan --db."
        case let .notOnServer(path, enText, idText):
            return en
                ? "The desk at \(path) is on a PostgreSQL server: \(enText). Nothing was read or changed."
                : "Desk di \(path) ada di server PostgreSQL: \(idText). Tidak ada yang dibaca atau diubah."
        case let .serverDenied(path, reason):
            return en
                ? "PostgreSQL at \(path) does not let this server role do that: \(reason). Nothing was changed."
                : "PostgreSQL di \(path) tidak mengizinkan peran server ini: \(reason). Tidak ada yang diubah."
        case let .inputMissing(path):
            return en ? "The file \(path) does not exist." : "Berkas \(path) tidak ada."
        case let .inputUnreadable(path, reason):
            return en ? "Cannot read \(path): \(reason)." : "Tidak dapat membaca \(path): \(reason)."
        }
    }
}
