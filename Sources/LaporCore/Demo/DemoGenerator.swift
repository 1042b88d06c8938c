import Foundation

/// Generates the demo desk: two years (by default) of reports whose weekday volume falls from
/// about 250 a day to about 30, each walked through ``Lifecycle`` so every history is legal.
///
/// Deterministic for (seed, days, end time): the same arguments give the same database.
public struct DemoGenerator: Sendable {
    public let days: Int
    public let end: Date
    public let zone: DeskZone
    /// Multiplies every day's volume (the benchmark's million reports is the demo × 10).
    public let scale: Double
    private var rng: SeededRandom
    private var sequence = 0
    private let seed: UInt64

    /// Demo people: (login, role, agency code).
    public static let people: [(String, Role, String?)] = [
        ("kabid.ikp", .supervisor, nil), ("op.sari", .operator, nil), ("op.budi", .operator, nil), ("pimpinan", .viewer, nil),
    ] + DemoCatalog.agencies.map { ("pd.\($0.code.lowercased())", Role.agency, $0.code) }

    public static var agencies: [Agency] {
        DemoCatalog.agencies.map { Agency(code: $0.code, name: $0.name, aliases: $0.aliases, calendar: $0.calendar) }
    }

    /// The demo desk's routing rules: category → agency, and kecamatan → its office for local matters.
    public static var rules: [RoutingRule] {
        DemoCatalog.categories.filter { $0.agency != "KEC" }.map { RoutingRule(kind: .category, pattern: $0.name, agencyCode: $0.agency) }
            + DemoCatalog.kecamatan.map { kec, _ in
                RoutingRule(kind: .kecamatan, pattern: kec, agencyCode: "KEC-" + kec.uppercased().replacingOccurrences(of: " ", with: ""),
                            categories: ["Pelayanan Kewilayahan"])
            }
            + [RoutingRule(kind: .keyword, pattern: "banjir", agencyCode: "BPBD", weight: 1.5),
               RoutingRule(kind: .keyword, pattern: "pdam", agencyCode: "PDAM", weight: 1.5)]
    }

    public init(seed: UInt64, days: Int = 730, end: Date, zone: DeskZone = .jakarta, scale: Double = 1) {
        self.scale = max(0.01, scale)
        self.days = max(1, days)
        self.end = end
        self.zone = zone
        rng = SeededRandom(seed: seed)
        self.seed = seed
    }

    /// Weekday volume on day `index` (0 = first): flat near 250 for the first half, then an
    /// exponential fall to about 30, flat again for the last eighth.
    public func weekdayRate(day index: Int) -> Double {
        let f = Double(index) / Double(days)
        if f < 0.5 { return 250 }
        if f >= 0.875 { return 30 }
        let t = (f - 0.5) / 0.375
        return 250 * pow(30.0 / 250.0, t)
    }

    /// The reports submitted on day `index`, with their histories up to `end`.
    public mutating func reports(day index: Int) -> [DemoReport] {
        let endDay = zone.calendar.startOfDay(for: end)
        guard let dayStart = zone.calendar.date(byAdding: .day, value: index - days + 1, to: endDay) else { return [] }
        let weekday = zone.calendar.component(.weekday, from: dayStart)
        let weekend = weekday == 1 || weekday == 7
        let rate = weekdayRate(day: index) * (weekend ? 0.4 : 1) * scale
        let count = Int((rate * (0.85 + 0.3 * rng.unit())).rounded())
        var out: [DemoReport] = []
        out.reserveCapacity(count)
        var seconds: [Int] = (0..<count).map { _ in Int(rng.unit() * 86_400) }
        seconds.sort()
        for s in seconds {
            let submitted = dayStart.addingTimeInterval(TimeInterval(s))
            if submitted > end { break }
            out.append(makeReport(submitted: submitted))
        }
        return out
    }

    private mutating func makeReport(submitted: Date) -> DemoReport {
        sequence += 1
        let category = rng.weighted(DemoCatalog.categories.map { ($0, $0.weight) })
        let (kecamatan, kelurahans) = rng.pick(DemoCatalog.kecamatan)
        let kelurahan = rng.pick(kelurahans)
        let street = rng.pick(DemoCatalog.streets)
        let (titleTemplate, bodyTemplate) = rng.pick(category.templates)
        let n = String(2 + Int(rng.next() % 8))
        func fill(_ t: String) -> String {
            Self.fill(t, ["jalan": street, "kel": kelurahan, "kec": kecamatan, "n": n])
        }
        var body = fill(bodyTemplate)
        if sequence % 499 == 0 { body = DemoCatalog.hostileBodies[(sequence / 499) % DemoCatalog.hostileBodies.count] + " " + body }
        let anonymous = rng.chance(0.15)
        let confidential = rng.chance(0.10)
        let name = rng.pick(DemoCatalog.names)
        let contact = "08" + String(format: "%010llu", rng.next() % 10_000_000_000)
        let channel: Channel = rng.weighted([(.web, 30), (.mobile, 25), (.whatsapp, 20), (.sms, 8), (.twitter, 5),
                                              (.callCentre, 7), (.walkIn, 3), (.email, 2)])
        let type: ReportType = rng.weighted([(.pengaduan, 80), (.aspirasi, 12), (.permintaanInformasi, 8)])
        var report = Report(trackingID: String(3_000_000 + sequence), submittedAt: submitted, title: fill(titleTemplate), body: body,
                            category: category.name, type: type, channel: channel, reporterName: name, reporterContact: contact,
                            anonymous: anonymous, confidential: confidential, kecamatan: kecamatan, kelurahan: kelurahan,
                            address: "\(street) RT \(n)")
        let home = category.agency == "KEC" ? "KEC-" + kecamatan.uppercased().replacingOccurrences(of: " ", with: "") : category.agency
        var (events, agencyCode) = history(for: report, agency: home)
        var request: (purpose: String, delivery: String)?
        if type == .permintaanInformasi {
            var requests = RequestDemoHistory(rng: SeededRandom(seed: seed ^ UInt64(sequence) &* 0x2545_F491_4F6C_DD1D), end: end)
            events = requests.rewrite(events, submitted: submitted)
            request = requests.details()
        }
        if let last = events.last {
            report.state = last.to
            report.updatedAt = last.at
            report.version = 1 + events.count
            (report.bounces, report.returned) = Self.bounces(in: events)
        }
        return DemoReport(report: report, agencyCode: agencyCode, events: events, request: request)
    }

    /// A template's `{name}` placeholders replaced in one pass (Foundation's replacingOccurrences,
    /// four times a text, was an eighth of the demo's load). Unknown names stay as written.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        out.reserveCapacity(template.utf8.count + 32)
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            rest = rest[open...]
            guard let close = rest.firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            // A brace inside ("{{n}}") is text: the placeholder starts at the innermost one.
            if name.contains("{") {
                out += "{"
                rest = rest.dropFirst()
                continue
            }
            if let value = values[String(name)] { out += value } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// Bounces as the store counts them: each return, and each re-route not preceded by a return.
    static func bounces(in events: [DemoEvent]) -> (Int, Bool) {
        var count = 0
        var returned = false
        for event in events {
            if event.action == .returnReport { count += 1; returned = true }
            else if event.action == .route && event.from == .dispositioned { if !returned { count += 1 }; returned = false }
            else if event.action == .followUp { returned = false }
        }
        return (count, returned)
    }

    /// Picks a final state by age and walks there, stopping early if the next step would be in the future.
    private mutating func history(for report: Report, agency: String) -> ([DemoEvent], String?) {
        let ageDays = end.timeIntervalSince(report.submittedAt) / 86_400
        let goal: ReportState
        if ageDays > 180 {
            // Half a year on, a desk has closed everything: no demo report is left open for years.
            goal = rng.weighted([(.resolved, 90), (.archived, 10)])
        } else if ageDays > 60 {
            goal = rng.weighted([(.resolved, 89.2), (.archived, 10), (.inProgress, 0.3), (.dispositioned, 0.3), (.awaitingReporter, 0.1), (.onHold, 0.1)])
        } else if ageDays > 14 {
            goal = rng.weighted([(.resolved, 58), (.archived, 8), (.inProgress, 12), (.awaitingReporter, 8), (.dispositioned, 9), (.onHold, 2), (.verified, 3)])
        } else if ageDays > 3 {
            goal = rng.weighted([(.resolved, 18), (.archived, 5), (.inProgress, 22), (.awaitingReporter, 8), (.dispositioned, 27), (.verified, 6), (.onHold, 5), (.new, 9)])
        } else {
            goal = rng.weighted([(.new, 55), (.verified, 10), (.dispositioned, 25), (.onHold, 5), (.inProgress, 5)])
        }
        let wrong = rng.pick(DemoCatalog.agencies.map(\.code).filter { $0 != agency && !$0.hasPrefix("KEC") })
        let bounce = rng.chance(0.08)
        let pingPong = bounce && rng.chance(0.25)
        let operatorLogin = rng.chance(0.5) ? "op.sari" : "op.budi"
        var plan: [(LifecycleAction, String?, String, Role, String)] = []
        func liaison(_ code: String) -> String { "pd.\(code.lowercased())" }
        switch goal {
        case .new: break
        case .onHold:
            plan = [(.hold, nil, operatorLogin, .operator, "Mohon lengkapi lokasi dan foto kejadian.")]
        case .archived:
            plan = [(.archive, nil, operatorLogin, .operator, rng.pick(["Duplikat laporan sebelumnya", "Bukan laporan (spam)", "Di luar kewenangan pemerintah kota", "Tidak dapat ditindaklanjuti: informasi tidak lengkap"]))]
        case .verified:
            plan = [(.verify, nil, operatorLogin, .operator, "")]
        default:
            plan = [(.verify, nil, operatorLogin, .operator, "")]
            if bounce {
                plan.append((.route, wrong, operatorLogin, .operator, ""))
                plan.append((.returnReport, nil, liaison(wrong), .agency, "Bukan wewenang kami; urusan \(agency)."))
                plan.append((.route, agency, operatorLogin, .operator, "Setelah dikembalikan oleh \(wrong)"))
                if pingPong {
                    plan.append((.route, wrong, operatorLogin, .operator, "Disposisi ulang"))
                    plan.append((.route, agency, "kabid.ikp", .supervisor, "Disposisi ulang oleh Kabid"))
                }
            } else {
                plan.append((.route, agency, operatorLogin, .operator, ""))
            }
            if goal != .dispositioned {
                plan.append((.followUp, nil, liaison(agency), .agency, "Laporan diterima, tim akan meninjau lokasi."))
                if goal == .awaitingReporter || goal == .resolved {
                    plan.append((.respond, nil, liaison(agency), .agency, "Sudah ditindaklanjuti di lapangan. Mohon konfirmasi."))
                }
                if goal == .resolved {
                    plan.append(rng.chance(0.6) ? (.resolve, nil, operatorLogin, .operator, "Pelapor puas")
                                                : (.autoClose, nil, User.systemLogin, .system, "Selesai otomatis: pelapor tidak menanggapi dalam 10 hari kerja"))
                }
            }
        }
        var events: [DemoEvent] = []
        var state = ReportState.new
        var current: String?
        var at = report.submittedAt
        for (action, target, actor, role, note) in plan {
            var gap = action == .autoClose ? 14 * 86_400.0 : (0.1 + rng.unit() * rng.unit() * 4) * 86_400
            // About one follow-up in six comes late, so the board's "SLA met %" has something to say.
            if action == .followUp && rng.chance(0.16) { gap += (4 + rng.unit() * 10) * 86_400 }
            let next = at.addingTimeInterval(gap)
            guard next < end, case .success(let to) = Lifecycle.next(from: state, action: action) else { break }
            let toAgency = action == .route ? target : current
            events.append(DemoEvent(action: action, at: next, actor: actor, role: role, from: state, to: to,
                                    fromAgency: current, toAgency: toAgency, note: note))
            state = to; current = toAgency; at = next
        }
        return (events, current)
    }
}
