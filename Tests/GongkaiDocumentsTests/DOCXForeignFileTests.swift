import Foundation
import GongkaiCore
import Testing
import ZIPFoundation
@testable import GongkaiDocuments

/// Given Word files not written by us — text split across runs, `w:vMerge` continuations, `w:gridSpan`,
/// fields, tracked changes — when they are read, then the tables map to the model by label.
@Suite struct DOCXForeignFileTests {
    static func zip(_ document: String) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in [("[Content_Types].xml", DOCXParts.contentTypes), ("word/document.xml", document)] {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { p, n in
                data.subdata(in: Int(p)..<(Int(p) + n))
            }
        }
        return try #require(archive.data)
    }

    static func p(_ runs: String) -> String { "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>\(runs)</w:p>" }
    static func r(_ text: String) -> String { "<w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr><w:t xml:space=\"preserve\">\(text)</w:t></w:r>" }
    static func tc(_ body: String, span: Int = 1, merge: String? = nil) -> String {
        var pr = span > 1 ? "<w:gridSpan w:val=\"\(span)\"/>" : ""
        if let merge { pr += merge == "continue" ? "<w:vMerge/>" : "<w:vMerge w:val=\"restart\"/>" }
        return "<w:tc><w:tcPr>\(pr)</w:tcPr>\(p(body))</w:tc>"
    }
    static func row(_ cells: [String]) -> String { "<w:tr>" + cells.joined() + "</w:tr>" }
    static func values(_ natural: Int) -> [String] { ([natural] + Array(repeating: 0, count: 5) + [natural]).map { tc(r("\($0)")) } }

    /// A WPS-style document: section III with the group cells merged vertically, labels split across runs.
    static var document: String {
        var rows = [
            row([tc(r("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"), span: 3), tc(r("申请人情况"), span: 7)]),
            row([tc(r("一、本年新收") + r("政府信息公开申请数量"), span: 3)] + values(4)),
            row([tc(r("二、上年结转政府信息公开申请数量"), span: 3)] + values(1)),
        ]
        var outcomeRows: [(String?, String, Int)] = [(nil, "（一）予以公开", 2), (nil, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 0)]
        let groups: [(String, [String], Int)] = [
            ("（三）不予公开", ApplicationRow.withheldLabels, -1), ("（四）无法提供", ApplicationRow.unavailableLabels, 0),
            ("（五）不予处理", ApplicationRow.notProcessedLabels, -1),
        ]
        for (group, labels, counted) in groups {
            for (k, label) in labels.enumerated() {
                let head: String? = k == 0 ? group : nil
                outcomeRows.append((head, "\(k + 1).\(label)", k == counted ? 3 : 0))
            }
        }
        outcomeRows += [(nil, "（六）其他处理", 0), (nil, "（七）总计", 5)]
        for (i, (group, label, n)) in outcomeRows.enumerated() {
            let first = tc(i == 0 ? r("三、本年度") + "<w:r><w:br/></w:r>" + r("办理结果") : "", merge: i == 0 ? "restart" : "continue")
            let inGroup = label.first?.isNumber == true
            let cells = inGroup
                ? [tc(group.map(r) ?? "", merge: group != nil ? "restart" : "continue"), tc(r(String(label.prefix(2))) + r(String(label.dropFirst(2))))]
                : [tc(r(label), span: 2)]
            rows.append(row([first] + cells + values(n)))
        }
        rows.append(row([tc(r("四、结转下年度继续办理"), span: 3)] + values(0)))
        let table3 = "<w:tbl><w:tblGrid>" + String(repeating: "<w:gridCol/>", count: 10) + "</w:tblGrid>" + rows.joined() + "</w:tbl>"
        let appeals = "<w:tbl>" + row(["行政复议", "行政诉讼"].map { tc(r($0)) }) + row((0..<15).map { tc(r($0 == 0 ? "1" : $0 == 4 ? "1" : "0")) }) + "</w:tbl>"
        let body = [
            p(r("某县") + r("统计局") + r("2019年政府信息公开工作年度报告")),
            p(r("一、总体情况")), p(r("本年度工作") + "<w:del><w:r><w:delText>删除的字</w:delText></w:r></w:del>" + r("顺利。")),
            p(r("二、主动公开政府信息情况")), p(r("三、收到和处理政府信息公开申请情况")), table3,
            p(r("四、政府信息公开行政复议、行政诉讼情况")), appeals, p(r("五、存在的主要问题及改进情况")), p(r("无。")),
            p(r("六、其他需要报告的事项")), p(r("无。")),
        ].joined()
        return DOCXParts.xmlHeader + "<w:document xmlns:w=\"\(DOCXParts.w)\"><w:body>\(body)<w:sectPr/></w:body></w:document>"
    }

    @Test func mergedCellsAndSplitRunsMapToTheModel() throws {
        let result = try DOCXReportReader.read(data: Self.zip(Self.document), source: "wps.docx")
        let r = result.report
        #expect(r.year == 2019 && r.format == .v2019 && r.agency == "某县统计局")
        #expect(r.overview.text == ["本年度工作顺利。"])
        let t = r.applications.table
        #expect(t[.new, .naturalPerson] == 4 && t[.carriedOver, .total] == 1)
        #expect(t[.granted, .naturalPerson] == 2 && t[.unavailable(1), .total] == 3 && t[.total, .total] == 5)
        #expect(t[.withheld(8), .naturalPerson] == 0 && t[.other, .total] == 0)
        #expect(r.appeals.table[.reconsideration, .upheld] == 1 && r.appeals.table[.reconsideration, .total] == 1)
        #expect(!result.findings.contains { $0.location.section == 3 }, "\(result.findings)")
    }

    @Test(PDFToolSupport.needs("soffice"))
    func fileResavedByLibreOfficeReadsBack() throws {
        guard PDFToolSupport.require("soffice") else { return }
        let report = TestReports.national2022
        let dir = try ExternalTool.temporaryDirectory("gongkai-lo-resave")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.docx")
        try DOCXReportWriter.render(report).write(to: input)
        let soffice = try ExternalTool.require(["soffice"], package: PDFReportWriter.package)
        let out = dir.appendingPathComponent("out")
        let run = try ExternalTool.run(soffice, [
            "--headless", "-env:UserInstallation=\(dir.appendingPathComponent("profile").absoluteString)",
            "--convert-to", "docx:MS Word 2007 XML", "--outdir", out.path, input.path,
        ])
        #expect(run.status == 0, "LibreOffice 无法打开或另存 DOCX：\(run.stderr)")
        let back = try DOCXReportReader.read(data: Data(contentsOf: out.appendingPathComponent("in.docx")), source: "lo.docx").report
        #expect(back.applications.table == report.applications.table)
        #expect(back.appeals.table == report.appeals.table)
        #expect(back.proactive.cells == report.proactive.cells)
        #expect(back.overview.text == report.overview.text)
    }
}
