import Foundation
import LaporCore

/// What a command runs with: the open store, the acting user, the time and the language.
struct Context {
    /// The desk as the reading commands and the lifecycle actions see it, on either engine.
    let reader: any DeskBackend
    private let sqlite: LaporStore?
    let user: User
    let now: Date
    let language: Language
    let json: Bool

    var zone: DeskZone { reader.zone }

    /// The same desk, named for the commands that change it.
    var writer: any DeskBackend { reader }

    /// Whether the desk is on a PostgreSQL server (only ``reader`` is there).
    var isServer: Bool { sqlite == nil }

    /// The SQLite store, for the commands that run only there; on a server it is refused with the
    /// sentence naming what runs there (commands that may meet a server use ``reader`` alone).
    var store: LaporStore {
        get throws {
            guard let sqlite else { throw StoreLocation.serverRefusal(reader.location, language: language) }
            return sqlite
        }
    }

    /// Opens the database and resolves the acting user (`--as` or the OS login); an unknown user is refused (77).
    /// A database that does not exist yet is not created here: only `init` and `demo` make one, so a
    /// refused first command leaves no file behind and says which of them to run. `onServer` lets
    /// a command that reads through ``reader`` alone run on a PostgreSQL server.
    static func open(_ common: CommonOptions, onServer: Bool = false) throws -> Context {
        let path = databasePath(common)
        let environment = ProcessInfo.processInfo.environment
        if onServer && PGLocation.isPostgres(path) { return try openServer(common, uri: path) }
        try StoreLocation.refuseServer(path, language: Language.resolve(flag: common.lang, environment: environment))
        if !FileManager.default.fileExists(atPath: path) {
            let flag = common.db == nil ? "" : " --db \(path)"
            let en = Language.resolve(flag: common.lang, environment: ProcessInfo.processInfo.environment) == .en
            throw LaporError.cannotOpenDatabase(path: path, reason: en
                ? "there is no desk there yet; create one with 'lapor\(flag) init' (you become its supervisor) "
                    + "or try the demo with 'lapor\(flag) demo'"
                : "belum ada desk di sana; buat dengan 'lapor\(flag) init' (Anda menjadi supervisornya) "
                    + "atau coba demo dengan 'lapor\(flag) demo'")
        }
        let (store, language) = try openStore(common)
        guard try store.hasPeople() else {
            throw LaporError.cannotOpenDatabase(path: path, reason: language == .en
                ? "the desk has no users yet; run 'lapor init' to become its supervisor"
                : "desk belum punya pengguna; jalankan 'lapor init' untuk menjadi supervisornya")
        }
        let user = try store.user(login: login(common))
        return Context(reader: store, sqlite: store, user: user, now: try now(common, zone: store.zone), language: language,
                       json: common.json)
    }

    /// The same on a PostgreSQL server: the desk must exist there (`lapor init`, `demo` or `db copy`).
    private static func openServer(_ common: CommonOptions, uri: String) throws -> Context {
        let language = try checkedLanguage(common)
        let store = try PGStore.open(uri: uri)
        guard try store.hasPeople() else {
            throw LaporError.cannotOpenDatabase(path: store.location, reason: language == .en
                ? "there is no desk on this server yet; create one with 'lapor --db \(store.location) init' (you become its "
                    + "supervisor) or 'lapor --db \(store.location) demo', or copy one there with 'lapor db copy FILE \(store.location)'"
                : "belum ada desk di server ini; buat dengan 'lapor --db \(store.location) init' (Anda menjadi supervisornya) "
                    + "atau 'lapor --db \(store.location) demo', atau salin ke sana dengan 'lapor db copy BERKAS \(store.location)'")
        }
        let user = try serverUser(common, store: store, language: language)
        return Context(reader: store, sqlite: nil, user: user, now: try now(common, zone: store.zone), language: language,
                       json: common.json)
    }

    /// On a server the desk user is the connected role; `--as` is refused unless that role is a
    /// supervisor acting for a test. The desk's owner (or a superuser) administers, and acts as
    /// `--as` or the OS login, as on a file.
    static func serverUser(_ common: CommonOptions, store: PGStore, language: Language) throws -> User {
        let session = try store.sessionRole()
        if session.administers && (try? store.user(login: session.login)) == nil {
            return try store.user(login: login(common))
        }
        let own: User
        do {
            own = try store.user(login: session.login)
        } catch LaporError.unknownUser {
            throw LaporError.serverDenied(path: store.location, reason: language == .en
                ? "the server role \(session.login) is not a desk user here; a supervisor adds it with 'lapor user add \(session.login)'"
                : "peran server \(session.login) bukan pengguna desk ini; supervisor menambahkannya dengan 'lapor user add \(session.login)'")
        }
        guard let actAs = common.actAs, !actAs.isEmpty, actAs != own.login else { return own }
        guard own.role == .supervisor else {
            throw LaporError.serverDenied(path: store.location, reason: language == .en
                ? "on a server you act as the role you connect as (\(own.login)); only a supervisor may use --as, for a test"
                : "di server Anda bertindak sebagai peran yang tersambung (\(own.login)); hanya supervisor boleh memakai --as, untuk uji")
        }
        return try store.user(login: actAs)
    }

    static func openStore(_ common: CommonOptions) throws -> (LaporStore, Language) {
        let language = try checkedLanguage(common)
        try StoreLocation.refuseServer(databasePath(common), language: language)
        return (try LaporStore.open(path: databasePath(common), group: ProcessInfo.processInfo.environment["LAPOR_DB_GROUP"]), language)
    }

    /// The language of messages; an unknown `--lang` is a usage error.
    static func checkedLanguage(_ common: CommonOptions) throws -> Language {
        if let lang = common.lang, Language(rawValue: lang.lowercased()) == nil {
            throw LaporError.invalidArgument("--lang takes id or en, not '\(lang)'.")
        }
        return Language.resolve(flag: common.lang, environment: ProcessInfo.processInfo.environment)
    }

    static func databasePath(_ common: CommonOptions) -> String {
        let env = ProcessInfo.processInfo.environment
        if let db = common.db, !db.isEmpty { return db }
        if let db = env["LAPOR_DB"], !db.isEmpty { return db }
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (FileManager.default.homeDirectoryForCurrentUser.path + "/.local/share")
        return base + "/lapor/lapor.sqlite"
    }

    static func login(_ common: CommonOptions) -> String {
        if let actAs = common.actAs, !actAs.isEmpty { return actAs }
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    static func now(_ common: CommonOptions, zone: DeskZone) throws -> Date {
        guard let text = common.now ?? ProcessInfo.processInfo.environment["LAPOR_NOW"], !text.isEmpty else { return Date() }
        guard let date = zone.parseISO(text) else {
            throw LaporError.invalidArgument("--now takes an ISO 8601 time such as 2026-11-23T09:00:00+07:00, not '\(text)'.")
        }
        return date
    }

    /// Compiles a `--where` filter; a syntax error is a usage error (exit 2) naming the column.
    func filter(_ text: String?) throws -> ReportCondition? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let compiler = FilterCompiler(now: now, zone: zone, calendar: try reader.deskCalendar())
        do {
            return try compiler.compile(text)
        } catch {
            throw LaporError.invalidArgument(error.text(language))
        }
    }

    /// The agency code for an id, cached for tables.
    func agencyCodes() throws -> [Int64: String] {
        var codes = Dictionary(uniqueKeysWithValues: try reader.agencies().map { ($0.id, $0.code) })
        // A merged agency's old history shows the code of the agency it became.
        for (from, into) in try reader.mergedAgencies() { codes[from] = codes[into] }
        return codes
    }
}
