import Foundation
import GongkaiCore
import Testing
@testable import GongkaiDocuments

/// Given a PDF that LibreOffice made from our own DOCX, when it is read through pdftotext -layout and the
/// text reader, then it gives the same model.
@Suite struct PDFReaderTests {
    /// The whole model comes back for the seed. (The samples are text once extracted from PDFs or web pages:
    /// "2025 年" keeps a space that LibreOffice's spacing between Chinese and digits makes indistinguishable
    /// from "2025年", and some paragraphs break mid-sentence; their metadata and tables are checked below.)
    @Test(PDFToolSupport.needs("soffice", "pdftotext", "pdfinfo"), arguments: [TestReports.seedName])
    func ownPDFReadsBackToTheSameModel(name: String) throws {
        guard PDFToolSupport.require("soffice", "pdftotext", "pdfinfo") else { return }
        let report = try ReportFilesRoundTripTests.textModel(name)
        let pdf = try PDFReportWriter.render(report)
        let back = try PDFReportReader.read(data: pdf, source: name + ".pdf")
        expectSameReport(Self.withoutLayout(back.report), Self.withoutLayout(report))
    }

    /// A PDF carries neither blank lines nor a paragraph's leading indent (the seed's preamble has both).
    static func withoutLayout(_ report: AnnualReport) -> AnnualReport {
        var r = report
        r.preamble = r.preamble.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return r
    }

    @Test(PDFToolSupport.needs("soffice", "pdftotext", "pdfinfo"), arguments: TestReports.sampleNames)
    func ownPDFReadsBackToTheSameTables(name: String) throws {
        guard PDFToolSupport.require("soffice", "pdftotext", "pdfinfo") else { return }
        let report = try ReportFilesRoundTripTests.textModel(name)
        let back = try PDFReportReader.read(data: PDFReportWriter.render(report), source: name + ".pdf").report
        #expect(back.agency == report.agency && back.year == report.year && back.format == report.format)
        #expect(back.proactive.cells == report.proactive.cells)
        #expect(back.applications.table == report.applications.table)
        #expect(back.appeals.table == report.appeals.table)
    }

    @Test(PDFToolSupport.needs("soffice", "pdftotext", "pdftoppm"))
    func seedPDFShowsTablesWithChineseIntact() throws {
        guard PDFToolSupport.require("soffice", "pdftotext", "pdftoppm") else { return }
        let report = try ReportFilesRoundTripTests.textModel(TestReports.seedName)
        let dir = try PDFToolSupport.outputDirectory()
        let file = dir.appendingPathComponent("seed.pdf")
        try PDFReportWriter.render(report).write(to: file)
        let text = try PDFToolSupport.run("pdftotext", ["-layout", "-enc", "UTF-8", file.path, "-"])
            .replacingOccurrences(of: " ", with: "")
        for expected in ["北京市大兴区应急管理局", "第二十条第（九）项", "929.9082", "1.本机关不掌握相关政府信息", "复议后起诉", "六、其他需要报告的事项"] {
            #expect(text.contains(expected), "PDF 文本中没有「\(expected)」")
        }
        #expect(!text.contains("\u{FFFD}"), "PDF 文本中有无法显示的字符")
        _ = try PDFToolSupport.run("pdftoppm", ["-png", "-r", "70", file.path, dir.appendingPathComponent("seed").path])
        let pngs = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("seed-") && $0.hasSuffix(".png") }
        #expect(pngs.count >= 3, "pdftoppm 生成的页数不对：\(pngs)")
    }

    @Test func missingPdftotextIsAClearError() {
        let error = ReportReadError.missingTool(tool: "pdftotext", package: PDFReportReader.package)
        #expect(error.description.contains("poppler-utils"))
    }
}
