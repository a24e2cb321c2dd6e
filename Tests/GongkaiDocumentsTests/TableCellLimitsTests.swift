import Foundation
import GongkaiCore
import Testing

@testable import GongkaiDocuments

/// Issue 10: a table cell written as a number that a cell cannot hold is an unreadable cell — an error naming
/// its table, row and column — in HTML and DOCX as in text, never a row label that makes the row unknown; JSON
/// holds cells to the limits it is given.
@Suite("Cells past the limit in HTML, DOCX and JSON")
struct TableCellLimitsTests {
    /// A 2022 report whose 本年新收 / 科研机构 cell is written as `text`.
    static func report(cell text: String) -> AnnualReport {
        var r = TestReports.national2022
        r.applications.table[.new, .researchInstitution] = .placeholder(text)
        return r
    }

    static func read(_ r: AnnualReport, as type: String, foreign: Bool = false) throws -> ReadResult {
        switch type {
        case "html":
            var html = HTMLReportWriter.render(r)
            // Without the generator's mark the page is read as another publisher's (headings and labels guessed).
            if foreign { html = html.replacingOccurrences(of: HTMLReportWriter.generator, with: "其他网站") }
            return try HTMLReportReader.read(html, source: "r.html")
        default:
            return try DOCXReportReader.read(data: try DOCXReportWriter.render(r), source: "r.docx")
        }
    }

    @Test(
        "HTML and DOCX: an over-limit or scientific number is read.unreadableCell at its row and column",
        arguments: [
            ("html", false), ("html", true), ("docx", false),
        ], ["12345678901234567890", "1234567890123456", "1e3", "1.1234567"])
    func unreadable(format: (String, Bool), cell: String) throws {
        let read = try Self.read(Self.report(cell: cell), as: format.0, foreign: format.1)
        let errors = read.findings.filter { $0.rule == "read.unreadableCell" }
        #expect(errors.count == 1, "\(format) \(cell): \(read.findings.map(\.description))")
        let f = try #require(errors.first)
        #expect(f.severity == .error && f.found == cell)
        #expect(f.location.section == 3 && f.location.row == ApplicationRow.new.displayName)
        #expect(f.location.column == ApplicantColumn.researchInstitution.label)
        #expect(!read.findings.contains { $0.rule == "read.unknownRow" || $0.rule == "read.missingRow" })
        // The rest of the row is read: 自然人 keeps its value.
        #expect(read.report.applications.table[.new, .naturalPerson] == TestReports.national2022.applications.table[.new, .naturalPerson])
    }

    @Test("a number within the limits is read as a number in HTML and DOCX", arguments: ["html", "docx"])
    func withinLimits(format: String) throws {
        let read = try Self.read(Self.report(cell: "999999999999999"), as: format)
        #expect(read.report.applications.table[.new, .researchInstitution] == .number(ExactNumber(units: 999_999_999_999_999)))
        #expect(!read.findings.contains { $0.rule == "read.unreadableCell" })
    }

    @Test("HTML and DOCX hold cells to the limits they are given")
    func overriddenLimits() throws {
        var small = InputLimits.standard
        small.maxCellValue = 4_999  // the report's largest other cell is 4567
        let r = Self.report(cell: "5000")
        let html = try HTMLReportReader.read(HTMLReportWriter.render(r), source: "r.html", limits: small)
        let docx = try DOCXReportReader.read(data: try DOCXReportWriter.render(r), source: "r.docx", limits: small)
        for read in [html, docx] {
            #expect(read.findings.filter { $0.rule == "read.unreadableCell" }.map(\.found) == ["5000"])
        }
        #expect(try HTMLReportReader.read(HTMLReportWriter.render(r), source: "r.html").report
            .applications.table[.new, .researchInstitution] == 5000)
    }

    @Test("JSON cells are held to the limits passed in, not only the standard ones")
    func jsonOverriddenLimits() throws {
        var r = TestReports.national2022
        r.applications.table[.new, .researchInstitution] = 1000
        let data = try ReportJSON.encode(r)
        #expect(try ReportJSON.decode(data, source: "r.json").applications.table[.new, .researchInstitution] == 1000)
        var small = InputLimits.standard
        small.maxCellValue = 999
        do {
            _ = try ReportJSON.decode(data, source: "r.json", limits: small)
            Issue.record("1000 was accepted under a limit of 999")
        } catch {
            #expect(error.description.contains("数值超过上限") && error.description.contains("999"), "\(error.description)")
        }
        #expect(throws: ReportReadError.self) {
            try ReportFiles.read(data: data, type: "json", source: "r.json", limits: small)
        }
    }
}
