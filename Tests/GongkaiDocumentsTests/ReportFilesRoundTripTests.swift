import Foundation
import GongkaiCore
import Testing
@testable import GongkaiDocuments

/// Given the seed and every sample read from text, when each is written as HTML or DOCX and read back,
/// then the model is identical; and the `ReportFiles` entry point dispatches by extension.
@Suite struct ReportFilesRoundTripTests {
    static func textModel(_ name: String) throws -> AnnualReport {
        try TextReportReader.read(data: Data(contentsOf: TestReports.fixture(name)), source: name).report
    }

    @Test(arguments: TestReports.sampleNames)
    func textToHTMLToModel(name: String) throws {
        let report = try Self.textModel(name)
        let back = try HTMLReportReader.read(HTMLReportWriter.render(report), source: name + ".html")
        #expect(back.findings.isEmpty, "\(back.findings)")
        expectSameReport(back.report, report)
    }

    @Test(arguments: TestReports.sampleNames)
    func textToDOCXToModel(name: String) throws {
        let report = try Self.textModel(name)
        let back = try DOCXReportReader.read(data: DOCXReportWriter.render(report), source: name + ".docx")
        #expect(back.findings.isEmpty, "\(back.findings)")
        expectSameReport(back.report, report)
    }

    @Test func filesAreReadByExtension() throws {
        let report = try Self.textModel(TestReports.seedName)
        let dir = try ExternalTool.temporaryDirectory("gongkai-reportfiles")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (ext, format) in [("html", RenderFormat.html), ("htm", .html), ("docx", .docx), ("json", .json), ("txt", .text)] {
            let url = dir.appendingPathComponent("seed.\(ext)")
            try ReportFiles.render(report, to: format).write(to: url)
            let back = try ReportFiles.read(url: url)
            #expect(back.report.applications == report.applications, "\(ext)")
            #expect(back.report.proactive == report.proactive, "\(ext)")
        }
        let odd = dir.appendingPathComponent("seed.rtf")
        try Data("x".utf8).write(to: odd)
        #expect(throws: ReportReadError.unsupportedType(file: "seed.rtf", type: "rtf")) { try ReportFiles.read(url: odd) }
    }

    @Test func svgRendersThroughReportFiles() throws {
        let data = try ReportFiles.render(TestReports.national2022, to: .svg, compare: TestReports.beijing2020)
        #expect(String(decoding: data, as: UTF8.self).contains("<title id=\"gk-title\">"))
    }
}
