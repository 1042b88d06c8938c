import Foundation

/// The rules of UU 14/2008 that the state table cannot express, because they depend on dates and
/// on what happened before: one extension, before the answer was due; an objection after an answer
/// (within 30 working days) or once the answer is overdue; a dispute only after the objection.
/// Pure: the store loads the request and its clock readings, this decides.
public enum RequestRules {
    /// Why `action` (with `detail`) may not be taken on `request` at `now`, or nil when it may.
    public static func refusal(_ action: LifecycleAction, detail: ActionDetail, request: InformationRequest?,
                               state: ReportState, readings: [ClockReading], window: Date?, now: Date,
                               trackingID tid: String, zone: DeskZone) -> LaporError? {
        let information = readings.first { $0.clock == .information }
        let objection = readings.first { $0.clock == .objection }
        func stamp(_ date: Date) -> String { Trend.Day(date, zone: zone).text }
        func no(_ en: String, _ id: String) -> LaporError { .refused(en: "\(tid): \(en)", id: "\(tid): \(id)") }
        switch action {
        case .decide:
            guard let decision = detail.decision else {
                return .invalidArgument("Say how \(tid) was decided: --decision granted, partial or refused.")
            }
            if decision == .refused && detail.ground == nil {
                return .invalidArgument("A refusal needs its ground: --ground pasal17[:a-j], not_held or not_documented.")
            }
            if decision == .granted && detail.ground != nil {
                return .invalidArgument("A request granted in full has no refusal ground; drop --ground or use --decision partial.")
            }
        case .extend:
            if request?.extendedAt != nil {
                return no("the answer was already extended once; UU 14/2008 allows one extension of 7 working days.",
                          "jangka waktu sudah pernah diperpanjang; UU 14/2008 hanya membolehkan satu kali perpanjangan 7 hari kerja.")
            }
            if let information, now > information.deadline {
                return no("the 10 working days ran out on \(stamp(information.deadline)); an extension must be sent before then.",
                          "10 hari kerja sudah lewat pada \(stamp(information.deadline)); pemberitahuan perpanjangan harus sebelum itu.")
            }
        case .object:
            if request?.objectedAt != nil {
                return no("an objection was already filed; the next step is a dispute at the Komisi Informasi.",
                          "keberatan sudah pernah diajukan; langkah berikutnya sengketa ke Komisi Informasi.")
            }
            if state == .resolved {
                if let window, now > window {
                    return no("the 30 working days to object after the answer ended on \(stamp(window)).",
                              "batas 30 hari kerja untuk mengajukan keberatan berakhir pada \(stamp(window)).")
                }
            } else if let information, now <= information.deadline {
                return no("no answer is due yet (due \(stamp(information.deadline))); an objection before an answer needs the deadline passed.",
                          "jawaban belum jatuh tempo (\(stamp(information.deadline))); keberatan sebelum ada jawaban hanya setelah batas waktu lewat.")
            }
        case .respond where state == .objected:
            if detail.outcome == nil {
                return .invalidArgument("Say how the objection was answered: --outcome accepted or rejected.")
            }
        case .dispute:
            guard request?.objectedAt != nil else {
                return no("a dispute at the Komisi Informasi follows an objection; record the objection first (lapor object).",
                          "sengketa ke Komisi Informasi didahului keberatan; catat keberatannya dulu (lapor object).")
            }
            if request?.disputedAt != nil {
                return no("a dispute is already recorded.", "sengketa sudah tercatat.")
            }
            if request?.objectionAnsweredAt == nil, let objection, now <= objection.deadline {
                return no("the superior has until \(stamp(objection.deadline)) to answer the objection.",
                          "atasan PPID masih punya waktu sampai \(stamp(objection.deadline)) untuk menjawab keberatan.")
            }
        default:
            break
        }
        if action != .decide && (detail.decision != nil || detail.ground != nil) {
            return .invalidArgument("--decision and --ground go with decide only.")
        }
        if !(action == .respond && state == .objected) && detail.outcome != nil {
            return .invalidArgument("--outcome answers an objection: respond on a request that is objected.")
        }
        return nil
    }

    /// The last moment a requester may object to an answer given at `decided` (30 working days).
    public static func objectionWindow(decided: Date, calendar: WorkingCalendar, zone: DeskZone) -> Date {
        Deadline.of(start: decided, limit: .workingDays(SLAPolicy.objectionWindowWorkingDays), calendar: calendar, zone: zone)
    }

    /// Working days from receipt to the answer, counting the answer's day and not the day received.
    public static func workingDaysTaken(received: Date, answered: Date, calendar: WorkingCalendar, zone: DeskZone) -> Int {
        calendar.workingDays(after: Trend.Day(received, zone: zone), upTo: Trend.Day(answered, zone: zone))
    }
}
