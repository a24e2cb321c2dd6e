import Foundation
import GongkaiCore
import Testing
@testable import GongkaiDocuments

/// Given a government page with the report inside navigation, scripts and layout tables, when it is read,
/// then the tables map to the model by their labels.
@Suite struct HTMLForeignPageTests {
    static let page = """
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
        <title>某区司法局2021年政府信息公开工作年度报告_政府信息公开年报</title>
        <script>var nav = "<table><tr><td>一、总体情况</td></tr></table>";</script>
        <style>td { font-size: 12px }</style></head>
        <body><div class="nav"><a href="/">首页</a> &gt; <a href="#">政务公开</a></div>
        <!-- 正文开始 -->
        <table width="100%"><tr><td class="left"><ul><li>政府信息公开指南</li><li>政府信息公开年报</li></ul></td>
        <td class="main"><div class="title">某区司法局2021年政府信息公开工作年度报告</div>
        <div class="TRS_Editor"><p>&nbsp;&nbsp;根据《中华人民共和国政府信息公开条例》要求，编制本报告。</p>
        <p><strong>一、总体情况</strong></p><p>　　2021年，我局认真落实《条例》。<br>（一）主动公开情况。</p>
        <p>二、主动公开政府信息情况</p>
        <table border="1"><tbody>
        <tr><td colspan="4">第二十条第(一)项</td></tr>
        <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
        <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
        <tr><td>行政规范性文件</td><td>3</td><td>1</td><td>12</td></tr>
        <tr><td colspan="4">第二十条第(五)项</td></tr>
        <tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
        <tr><td>行政许可</td><td colspan="3">5</td></tr>
        <tr><td colspan="4">第二十条第(六)项</td></tr>
        <tr><td>行政处罚</td><td colspan="3">17</td></tr><tr><td>行政强制</td><td colspan="3">&nbsp;</td></tr>
        <tr><td colspan="4">第二十条第(八)项</td></tr>
        <tr><td>行政事业性收费</td><td colspan="3">1.25</td></tr>
        </tbody></table>
        <p>三、收到和处理政府信息公开申请情况</p>
        <table border="1">
        <tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
        <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
        <tr><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
        ROWS
        </table>
        <p>四、政府信息公开行政复议、行政诉讼情况</p>
        <table border="1"><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
        <tr><td rowspan="2">结果<br/>维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
        <tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
        <tr><td>1</td><td>0</td><td>0</td><td>1</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
        </table>
        <p>五、存在的主要问题及改进情况</p><p>一是公开内容不够丰富。</p>
        <p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>
        </div></td></tr></table>
        <div class="footer">主办单位：某区人民政府办公室　网站标识码：1100000000</div>
        </body></html>
        """

    /// Section III rows as a real page writes them: group cells with rowspan, `<br>` inside labels.
    static var rows: String {
        var out = "<tr><td colspan=\"3\">一、本年新收政府信息公开申请数量</td>" + cells(8) + "</tr>\n"
        out += "<tr><td colspan=\"3\">二、上年结转政府信息公开申请数量</td>" + cells(1) + "</tr>\n"
        out += "<tr><td rowspan=\"22\">三、本年度办理结果</td><td colspan=\"2\">（一）予以公开</td>" + cells(5) + "</tr>\n"
        out += "<tr><td colspan=\"2\">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>" + cells(1) + "</tr>\n"
        let groups: [(String, [String])] = [
            ("（三）不予<br>公开", ApplicationRow.withheldLabels), ("（四）无法<br>提供", ApplicationRow.unavailableLabels),
            ("（五）不予<br>处理", ApplicationRow.notProcessedLabels), ("（六）其他<br>处理", ApplicationRow.otherLabels),
        ]
        for (group, labels) in groups {
            for (i, label) in labels.enumerated() {
                let head = i == 0 ? "<td rowspan=\"\(labels.count)\">\(group)</td>" : ""
                out += "<tr>\(head)<td>\(i + 1).\(label)</td>" + cells(i == 0 && group.hasPrefix("（四）") ? 3 : 0) + "</tr>\n"
            }
        }
        out += "<tr><td colspan=\"2\">（七）总计</td>" + cells(9) + "</tr>\n"
        out += "<tr><td colspan=\"3\">四、结转下年度继续办理</td>" + cells(0) + "</tr>\n"
        return out
    }

    static func cells(_ natural: Int) -> String {
        "<td>\(natural)</td>" + String(repeating: "<td>&nbsp;</td>", count: 5) + "<td>\(natural)</td>"
    }

    @Test func gb18030PageWithLayoutTablesReadsToTheModel() throws {
        let html = Self.page.replacingOccurrences(of: "ROWS", with: Self.rows)
        let data = try #require(html.data(using: HTMLReportReader.gb18030))
        #expect(String(data: data, encoding: .utf8) == nil, "the test page must not be valid UTF-8")
        let result = try HTMLReportReader.read(data: data, source: "sifaju-2021.html")
        let r = result.report
        #expect(r.year == 2021 && r.format == .v2021 && r.agency == "某区司法局")
        #expect(r.title == ["某区司法局2021年政府信息公开工作年度报告"])
        #expect(r.preamble == ["根据《中华人民共和国政府信息公开条例》要求，编制本报告。"])
        #expect(r.overview.text == ["2021年，我局认真落实《条例》。", "（一）主动公开情况。"])
        #expect(r.proactive[.normativeDocuments, .inForce] == 12)
        #expect(r.proactive[.licensing, .decisionsThisYear] == 5)
        #expect(r.proactive[.enforcement, .decisionsThisYear] == .blank)
        #expect(r.proactive[.fees, .feeAmount] == .number(ExactNumber(parsing: "1.25")!))
        let t = r.applications.table
        #expect(t[.new, .naturalPerson] == 8 && t[.new, .commercialEnterprise] == .blank && t[.new, .total] == 8)
        #expect(t[.granted, .naturalPerson] == 5 && t[.unavailable(1), .total] == 3 && t[.total, .total] == 9)
        #expect(t[.otherSub(3), .naturalPerson] == 0)
        #expect(r.appeals.table[.reconsideration, .upheld] == 1 && r.appeals.table[.reconsideration, .total] == 2)
        #expect(r.problems.text == ["一是公开内容不够丰富。"])
        #expect(r.otherMatters.text == ["本年度未收取信息处理费。"])
        #expect(!result.findings.contains { $0.rule == "read.missingRow" || $0.rule == "read.unknownRow" }, "\(result.findings)")
    }

    @Test func pageWithoutSectionThreeIsRefused() {
        #expect(throws: ReportReadError.missingSection(file: "x.html", section: "三")) {
            try HTMLReportReader.read("<html><body><p>一、总体情况</p><p>无</p></body></html>", source: "x.html")
        }
    }

    @Test func labelsAreNormalised() {
        #expect(ReportLabel.key("本年新<br/>制作数量".replacingOccurrences(of: "<br/>", with: "\n")) == "本年新制作数量")
        #expect(ReportLabel.bare("第二十条第(一)项") == ReportLabel.bare("第二十条第（一）项"))
        #expect(ReportLabel.bare("3．危及\"三安全一稳定\"") == ReportLabel.key("危及“三安全一稳定”"))
    }
}
