/// The templates a new desk starts with, in Bahasa Indonesia and English, one for each common
/// step of LAPOR!: asking for missing information, not our remit, forwarded, follow-up in
/// progress, answered, archived as a duplicate or as spam. Supervisors edit or remove them.
public enum StarterTemplates {
    public static let all: [ReplyTemplate] = [
        ReplyTemplate(name: "tunda-lengkapi", language: .id, actions: [.hold], text: """
            Yth. {pelapor}, terima kasih atas laporan Anda nomor {tracking_id} tentang "{judul}". Agar dapat kami \
            tindak lanjuti, mohon lengkapi informasi berikut: lokasi yang jelas (jalan, RT/RW, kelurahan), waktu \
            kejadian, dan foto pendukung bila ada. Laporan kami tunda sampai informasi tersebut kami terima.
            """),
        ReplyTemplate(name: "bukan-wewenang", language: .id, actions: [.returnReport], text: """
            Laporan {tracking_id} tentang "{judul}" bukan kewenangan {instansi}; mohon didisposisikan ulang kepada \
            instansi yang berwenang.
            """),
        ReplyTemplate(name: "diteruskan", language: .id, actions: [.route], text: """
            Yth. {pelapor}, laporan Anda nomor {tracking_id} yang masuk pada {tanggal} telah kami teruskan kepada \
            {instansi} untuk ditindaklanjuti. Terima kasih atas partisipasi Anda.
            """),
        ReplyTemplate(name: "tindak-lanjut", language: .id, actions: [.followUp], text: """
            Laporan {tracking_id} sedang ditindaklanjuti oleh {instansi}; jawaban akan kami sampaikan paling lambat \
            {batas}.
            """),
        ReplyTemplate(name: "dijawab", language: .id, actions: [.respond], text: """
            Yth. {pelapor}, menindaklanjuti laporan Anda nomor {tracking_id} tentang "{judul}", {instansi} telah \
            melakukan penanganan sebagai berikut: … Apabila masih ada kendala, silakan sampaikan tanggapan Anda. \
            Terima kasih.
            """),
        ReplyTemplate(name: "arsip-duplikat", language: .id, actions: [.archive], text: """
            Laporan {tracking_id} diarsipkan karena sama dengan laporan yang telah kami terima sebelumnya dan sedang \
            ditangani.
            """),
        ReplyTemplate(name: "arsip-spam", language: .id, actions: [.archive], text: """
            Laporan {tracking_id} diarsipkan karena tidak berisi pengaduan atau aspirasi yang dapat ditindaklanjuti.
            """),
        ReplyTemplate(name: "hold-missing-info", language: .en, actions: [.hold], text: """
            Dear {reporter}, thank you for your report {tracking_id} about "{title}". So that we can act on it, \
            please add: the exact place (street, RT/RW, kelurahan), when it happened, and a photo if you have one. \
            The report is on hold until we receive this.
            """),
        ReplyTemplate(name: "not-our-remit", language: .en, actions: [.returnReport], text: """
            Report {tracking_id} about "{title}" is not within the remit of {agency}; please route it to the \
            responsible agency.
            """),
        ReplyTemplate(name: "forwarded", language: .en, actions: [.route], text: """
            Dear {reporter}, your report {tracking_id} of {date} has been forwarded to {agency} for follow-up. \
            Thank you for taking part.
            """),
        ReplyTemplate(name: "follow-up-in-progress", language: .en, actions: [.followUp], text: """
            {agency} is following up report {tracking_id}; we will answer by {deadline} at the latest.
            """),
        ReplyTemplate(name: "answered", language: .en, actions: [.respond], text: """
            Dear {reporter}, following up your report {tracking_id} about "{title}", {agency} has done the \
            following: … If the problem remains, please reply. Thank you.
            """),
        ReplyTemplate(name: "archived-duplicate", language: .en, actions: [.archive], text: """
            Report {tracking_id} is archived as a duplicate of a report we already received and are handling.
            """),
        ReplyTemplate(name: "archived-spam", language: .en, actions: [.archive], text: """
            Report {tracking_id} is archived: it holds no complaint or request that can be acted on.
            """),
    ]
}
