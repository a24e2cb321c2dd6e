import Foundation
import GongkaiCore
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import GongkaiDocuments

/// Given a report (and optionally the previous year's), when its 图解 is drawn, then the SVG is well-formed,
/// labelled in Chinese, readable by screen readers and in grey scale.
@Suite struct SVGSummaryWriterTests {
    @Test func summaryIsAccessibleAndWellFormed() throws {
        let svg = SVGSummaryWriter.render(TestReports.national2022)
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        #expect(svg.contains("role=\"img\" aria-labelledby=\"gk-title gk-desc\""))
        #expect(svg.contains("<title id=\"gk-title\">平潭综合实验区公安局2022年政府信息公开工作年度报告图解</title>"))
        for label in ["本年新收申请", "上年结转申请", "予以公开", "不予公开", "自然人", "商业企业", "行政复议", "行政诉讼·复议后起诉"] {
            #expect(svg.contains(label), "图解中没有「\(label)」")
        }
        let desc = try #require(svg.split(separator: "<desc").last)
        #expect(desc.contains("本年新收政府信息公开申请"))
        let colours = Set(svg.matches(of: /fill="#([0-9a-f]{6})"/).map { String($0.output.1) })
        #expect(colours.allSatisfy { hex in hex.dropFirst(0).prefix(2) == hex.dropFirst(2).prefix(2) && hex.dropFirst(2).prefix(2) == hex.suffix(2) },
                "只用灰度：\(colours)")
    }

    @Test func yearOverYearWhenTwoYearsAreGiven() {
        var previous = TestReports.national2022
        previous.year = 2021
        let svg = SVGSummaryWriter.render(TestReports.national2022, compare: previous)
        #expect(svg.contains("五、与2021年对比（件）"))
        #expect(svg.contains("2021年 ") && svg.contains("2022年 "))
        #expect(svg.contains("与2021年相比"))
    }

    @Test func textIsEscaped() {
        var report = TestReports.national2022
        report.agency = "A&B<局>"
        let svg = SVGSummaryWriter.render(report)
        #expect(svg.contains("A&amp;B&lt;局&gt;") && !svg.contains("A&B<局>"))
    }
}
