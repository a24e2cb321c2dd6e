import Foundation
import GongkaiCore
import Testing
@testable import GongkaiDocuments

/// Given a report's DOCX, when LibreOffice headless converts it, then the PDF shows the tables with Chinese intact.
@Suite struct PDFWriterTests {
    @Test(PDFToolSupport.needs("soffice", "pdftotext", "pdftoppm"))
    func pdfFromDOCXKeepsChineseTables() throws {
        guard PDFToolSupport.require("soffice", "pdftotext", "pdftoppm") else { return }
        let report = TestReports.beijing2020
        let pdf = try PDFReportWriter.render(report)
        #expect(pdf.starts(with: Data("%PDF".utf8)))
        let dir = try PDFToolSupport.outputDirectory()
        let file = dir.appendingPathComponent("beijing2020.pdf")
        try pdf.write(to: file)
        let text = try PDFToolSupport.run("pdftotext", ["-layout", "-enc", "UTF-8", file.path, "-"])
        for expected in [
            "北京市大兴区应急管理局", "2020年政府信息公开工作年度报告", "第二十条第（一）项", "行政检查",
            "929.9082", "本年新收政府信息公开申请数量", "属于国家秘密", "结转下年度继续办理", "行政复议", "复议后起诉",
        ] {
            #expect(text.replacingOccurrences(of: " ", with: "").contains(expected), "PDF 文本中没有「\(expected)」")
        }
        _ = try PDFToolSupport.run("pdftoppm", ["-png", "-r", "60", file.path, dir.appendingPathComponent("beijing2020").path])
        let pngs = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("beijing2020") && $0.hasSuffix(".png") }
        #expect(!pngs.isEmpty, "pdftoppm 没有生成 PNG")
    }

    @Test(PDFToolSupport.needs("soffice"))
    func parallelConversionsUseTheirOwnProfiles() async throws {
        guard PDFToolSupport.require("soffice") else { return }
        let reports = [TestReports.beijing2020, TestReports.national2022]
        let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
            for report in reports { group.addTask { try PDFReportWriter.render(report).count } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(sizes.count == 2 && sizes.allSatisfy { $0 > 1000 })
    }

    @Test func missingLibreOfficeNamesThePackage() {
        let error = ReportReadError.missingTool(tool: "soffice", package: PDFReportWriter.package)
        #expect(error.description.contains("libreoffice-writer-nogui"))
        #expect(PDFReportReader.package == "poppler-utils")
    }
}
