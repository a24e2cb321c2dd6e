import Foundation
import GongkaiCore
import GongkaiDocuments
import Testing

@Suite("Text reader — the seed and the real samples")
struct TextReaderSampleTests {
    typealias F = TextReaderFixtures

    @Test("each sample reads to exactly the hand-read section III and IV cells", arguments: F.samples)
    func sampleTables(name: String) throws {
        // Given a real report and its hand reading
        let text = try F.text(name)
        let expected = try #require(try F.expected(name))
        // When it is read
        let result = try TextReportReader.read(text, source: name)
        // Then the format and every cell of sections III and IV agree
        #expect(result.report.format == expected.format)
        let diffs = F.differences(result.report.applications.table, expected.table)
        #expect(diffs.isEmpty, "\(name): \(diffs.joined(separator: "\n"))")
        #expect(result.report.appeals.table == expected.appeals)
    }

    @Test("agency, year, format and variant of each file", arguments: [
        (F.seed, "北京市大兴区应急管理局", 2020, ReportFormat.v2019, RegionalVariant.beijing),
        ("02-pingtan-guanweihui-2019.txt", "平潭综合实验区", 2019, .v2019, .national),
        ("05-pingtan-ziranziyuanju-2020.txt", "平潭综合实验区自然资源与生态环境局", 2020, .v2019, .national),
        ("09-pingtan-gonganju-2022.txt", "平潭综合实验区公安局", 2022, .v2021, .national),
        ("15-shuyang-fagaiju-2023.txt", "沭阳县发展和改革局", 2023, .v2021, .national),
        ("19-shanghai-shizhengfu-bangongting-2025.txt", "上海市人民政府办公厅", 2025, .v2021, .national),
    ])
    func identity(name: String, agency: String, year: Int, format: ReportFormat, variant: RegionalVariant) throws {
        // Given a report file
        let text = try F.text(name)
        // When it is read
        let report = try TextReportReader.read(text, source: name).report
        // Then the agency, year, format and variant come from its title and table shape
        #expect(report.agency == agency)
        #expect(report.year == year)
        #expect(report.format == format)
        #expect(report.variant == variant)
    }

    @Test("the genuine arithmetic error of sample 05 is read as printed, not corrected")
    func genuineError() throws {
        // Given sample 05, whose （四）1 row counts a 法律服务机构 application the 总计 row does not
        let text = try F.text("05-pingtan-ziranziyuanju-2020.txt")
        // When it is read
        let result = try TextReportReader.read(text, source: "05")
        let t = result.report.applications.table
        // Then the cells are as printed and the reader reports no arithmetic of its own
        #expect(t.row(.unavailable(1)) == [1, 0, 0, 0, 1, 0, 2])
        #expect(t.row(.total) == [9, 0, 0, 0, 0, 0, 9])
        #expect(!result.findings.contains { $0.severity == .error })
        #expect(!result.findings.contains { $0.rule == "read.ambiguousSplit" && $0.location.section == 3 })
    }

    @Test("sample 15's empty legal-person cells are blank, not 0, and each row says so")
    func blankCells() throws {
        let result = try TextReportReader.read(try F.text("15-shuyang-fagaiju-2023.txt"), source: "15")
        #expect(result.report.applications.table[.new, .commercialEnterprise] == .blank)
        let blanks = result.findings.filter { $0.rule == "read.blankCell" && $0.location.section == 3 }
        #expect(blanks.count == 25)
        #expect(blanks.first?.location.line == 41)
    }

    @Test("sample 19: PDF text with footers, markdown tables and rows without labels")
    func pdfSample() throws {
        let result = try TextReportReader.read(try F.text("19-shanghai-shizhengfu-bangongting-2025.txt"), source: "19")
        let r = result.report
        #expect(r.title == ["2025 年上海市人民政府办公厅政府信息公开", "工作年度报告"])
        #expect(r.overview.text.contains("提质增效。"))
        #expect(!r.overview.text.contains { $0.contains("— 1 —") })
        #expect(r.problems.text.first == "（一）2024 年工作中存在问题的改进情况")
        #expect(result.findings.contains { $0.rule == "read.missingHeading" && $0.location.section == 5 })
        #expect(r.otherMatters.text == ["2025 年度本机关未收取信息公开处理费。"])
        #expect(r.proactive[.licensing, .decisionsThisYear] == 0)
    }
}
