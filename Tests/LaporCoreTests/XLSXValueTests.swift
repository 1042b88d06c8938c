import Foundation
import Testing
@testable import LaporCore

/// Excel's values as the importer reads them, and agency names as LAPOR! spells them.
@Suite struct XLSXValueTests {
    @Test func dateSerialsIn1900And1904Systems() {
        #expect(ExcelDate.isoText(serial: 1, date1904: false) == "1900-01-01")
        #expect(ExcelDate.isoText(serial: 59, date1904: false) == "1900-02-28")
        // Serial 60 is Excel's phantom 29 February 1900; the day after is 1 March either way.
        #expect(ExcelDate.isoText(serial: 60, date1904: false) == "1900-02-28")
        #expect(ExcelDate.isoText(serial: 61, date1904: false) == "1900-03-01")
        #expect(ExcelDate.isoText(serial: 45075, date1904: false) == "2023-05-29")
        #expect(ExcelDate.isoText(serial: 45075.17053240741, date1904: false) == "2023-05-29T04:05:34")
        #expect(ExcelDate.isoText(serial: 45075 - 1462, date1904: true) == "2023-05-29")
        #expect(ExcelDate.isoText(serial: 0.5, date1904: false) == "12:00:00")
        #expect(ExcelDate.isoText(serial: 45075.99999999, date1904: false) == "2023-05-30")
        #expect(ExcelDate.isoText(serial: -3, date1904: false) == nil)
        #expect(ExcelDate.serial(year: 2023, month: 5, day: 29, hour: 12, minute: 0, second: 0) == 45075.5)
    }

    @Test func dateFormatsAreTold() {
        #expect(ExcelDate.isDateFormat("dd/mm/yyyy"))
        #expect(ExcelDate.isDateFormat("[$-421]d mmmm yyyy;@"))
        #expect(ExcelDate.isDateFormat("h:mm AM/PM"))
        #expect(!ExcelDate.isDateFormat("General"))
        #expect(!ExcelDate.isDateFormat("[Red]0.00"))
        #expect(!ExcelDate.isDateFormat("0.00E+00"))
        #expect(!ExcelDate.isDateFormat("\"days\" 0"))
        #expect(ExcelDate.builtInDateFormats.contains(14) && !ExcelDate.builtInDateFormats.contains(2))
    }

    @Test func numbersReadAsPeopleTypeThem() {
        #expect(XLSXSheetReader.numberText("5216807") == "5216807")
        #expect(XLSXSheetReader.numberText("5216807.0") == "5216807")
        #expect(XLSXSheetReader.numberText("3.5") == "3.5")
        #expect(XLSXSheetReader.numberText("1.2345E-5") == "1.2345E-5")
        #expect(XLSXSheetReader.column("A12") == 0)
        #expect(XLSXSheetReader.column("C5") == 2)
        #expect(XLSXSheetReader.column("AA10") == 26)
        #expect(XLSXSheetReader.column("XFD1") == 16_383)
        #expect(XLSXSheetReader.column("12") == nil)
        #expect(XLSXWriter.columnName(0) == "A" && XLSXWriter.columnName(26) == "AA" && XLSXWriter.columnName(16_383) == "XFD")
    }

    @Test func agencySpellingsShareAKey() {
        let region = AgencyName.region(ofPemda: "Pemerintah Kabupaten Sukamaju")
        #expect(region == ["kabupaten", "sukamaju"])
        let a = AgencyName.key("Dinas Kesehatan Kab. Sukamaju", region: region)
        #expect(a == AgencyName.key("DINAS KESEHATAN KABUPATEN SUKAMAJU", region: region))
        #expect(a == AgencyName.key("Dinas Kesehatan", region: region))
        // Without the pemda the two spellings still agree with each other, but a neighbour's agency does not.
        #expect(AgencyName.key("Dinas Kesehatan Kab. Sukamaju") == AgencyName.key("DINAS KESEHATAN KABUPATEN SUKAMAJU"))
        #expect(AgencyName.key("Dinas Kesehatan Kab. Sukamaju") != AgencyName.key("Dinas Kesehatan Kab. Sukaraja"))
        #expect(AgencyName.key("Dinas Kesehatan Kab. Sukaraja", region: region) != a)
    }

    @Test func readableCodes() {
        let region = ["kabupaten", "sukamaju"]
        #expect(AgencyName.code(for: "Dinas Kesehatan Kab. Sukamaju", region: region) == "DINKES")
        #expect(AgencyName.code(for: "Dinas Sosial") == "DINSOS")
        #expect(AgencyName.code(for: "Kecamatan Pasar Kliwon") == "KEC-PASARKLIWON")
        #expect(AgencyName.code(for: "Badan Penanggulangan Bencana Daerah Kabupaten Sukamaju", region: region) == "BPBD")
        #expect(AgencyName.code(for: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu") == "DPMPTSP")
        #expect(AgencyName.code(for: "!!!") == "PD")
    }
}
