import Foundation
import GongkaiCore
import Testing
@testable import GongkaiDocuments

/// Given a report, when it is written as HTML and read back, then the model is the same.
@Suite struct HTMLRoundTripTests {
    @Test(arguments: TestReports.handBuilt.map(\.0))
    func handBuiltReportsRoundTrip(name: String) throws {
        let report = try #require(TestReports.handBuilt.first { $0.0 == name }).1
        let html = HTMLReportWriter.render(report)
        let back = try HTMLReportReader.read(html, source: "\(name).html")
        #expect(back.findings.isEmpty, "\(back.findings)")
        expectSameReport(back.report, report)
    }

    @Test func pageHasLanguageCaptionsScopesAndPrintStyles() {
        let html = HTMLReportWriter.render(TestReports.beijing2020)
        #expect(html.contains("<html lang=\"zh-CN\">"))
        #expect(html.contains("<meta name=\"viewport\""))
        #expect(html.contains("@media print"))
        #expect(html.components(separatedBy: "<caption").count == 4)
        #expect(html.contains("<th scope=\"rowgroup\" rowspan=\"20\">三、本年度办理结果</th>"))
        #expect(html.contains("<th scope=\"rowgroup\" rowspan=\"8\">（三）不予公开</th>"))
        #expect(html.contains("<td rowspan=\"3\" colspan=\"3\" class=\"gk-note\">"))
        #expect(html.contains("<th scope=\"colgroup\" colspan=\"10\">行政诉讼</th>"))
        #expect(html.contains("<th scope=\"rowgroup\" rowspan=\"2\">其他对外管理服务事项</th>"))
        #expect(html.contains("&lt;特殊&gt; &amp; &quot;字符&quot;"))
        #expect(!html.contains("<特殊>"))
    }

    @Test func headingsAreInOrder() {
        let html = HTMLReportWriter.render(TestReports.national2022)
        let levels = html.matches(of: /<h([1-6])[ >]/).map { Int($0.output.1)! }
        #expect(levels == [1, 2, 2, 2, 2, 2, 2])
    }

    @Test func table2021HasTwentyTwoResultRows() {
        let html = HTMLReportWriter.render(TestReports.national2022)
        #expect(html.contains("rowspan=\"22\">三、本年度办理结果"))
        #expect(html.contains("<th scope=\"rowgroup\" rowspan=\"3\">（六）其他处理</th>"))
    }
}

/// Compares two reports field by field so that a failure names what differs.
func expectSameReport(_ a: AnnualReport, _ b: AnnualReport, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.agency == b.agency, sourceLocation: sourceLocation)
    #expect(a.year == b.year, sourceLocation: sourceLocation)
    #expect(a.format == b.format, sourceLocation: sourceLocation)
    #expect(a.variant == b.variant, sourceLocation: sourceLocation)
    #expect(a.title == b.title, sourceLocation: sourceLocation)
    #expect(a.preamble == b.preamble, sourceLocation: sourceLocation)
    #expect(a.overview == b.overview, sourceLocation: sourceLocation)
    #expect(a.proactive == b.proactive, sourceLocation: sourceLocation)
    #expect(a.applications == b.applications, sourceLocation: sourceLocation)
    #expect(a.appeals == b.appeals, sourceLocation: sourceLocation)
    #expect(a.problems == b.problems, sourceLocation: sourceLocation)
    #expect(a.otherMatters == b.otherMatters, sourceLocation: sourceLocation)
    #expect(a == b, sourceLocation: sourceLocation)
}
