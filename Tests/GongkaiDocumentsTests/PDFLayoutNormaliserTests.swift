import Foundation
import GongkaiCore
import Testing
@testable import GongkaiDocuments

/// Given `pdftotext -layout` text, when it is normalised, then the text reader gets clean lines and table rows.
@Suite struct PDFLayoutNormaliserTests {
    @Test func pageNumbersAreDroppedAndParagraphsJoined() {
        let layout = """
                           某某局
                  2020 年政府信息公开工作年度报告
                 一、总体情况
                 本年度，我局认真贯彻落实《条例》，共收到申请 21 件，均
            已按期答复。
                 （一）加强领导。
                                 -3-
            \u{0C}     二、主动公开政府信息情况
            """
        let out = LayoutTextNormaliser.normalise(layout).split(separator: "\n").map(String.init)
        #expect(out.contains("2020 年政府信息公开工作年度报告"))
        #expect(out.contains("本年度，我局认真贯彻落实《条例》，共收到申请 21 件，均已按期答复。"))
        #expect(out.contains("（一）加强领导。"))
        #expect(!out.contains { $0.contains("-3-") })
        #expect(LayoutTextNormaliser.isPageNumber("        — 12 —"))
        #expect(LayoutTextNormaliser.isPageNumber("第 3 页"))
        #expect(!LayoutTextNormaliser.isPageNumber("   0"))
    }

    /// Page numbers in each shape the pattern knows, and lines that only look like one.
    @Test(arguments: [
        ("-3-", true), ("  — 12 —  ", true), ("－ 7 －", true), ("第 3 页", true), ("第3页，共12页", true), ("第 3 页 / 共 12 页", true),
        ("3/12", true), ("３ / １２", true), ("\t- 3 -\t", true), ("   0", false), ("12345", false), ("-12345-", false),
        ("第3页 说明", false), ("1.属于国家秘密", false), ("2020", false), ("", false), ("---", false), ("3 / 12 件", false),
    ])
    func pageNumbers(line: String, isPageNumber: Bool) {
        #expect(LayoutTextNormaliser.isPageNumber(line) == isPageNumber, "\(line)")
    }

    /// Lines end at line feeds whether or not a carriage return comes first; pages at form feeds.
    @Test func crlfReadsLikeLF() {
        let lf = "一、总体情况\n本年度共收到申请 21 件。\n-3-\n\u{0C}二、主动公开政府信息情况\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(LayoutTextNormaliser.normalise(crlf) == LayoutTextNormaliser.normalise(lf))
        let lines = LayoutTextNormaliser.layoutLines(crlf)
        #expect(lines.map(\.text) == ["一、总体情况", "本年度共收到申请 21 件。", "", "二、主动公开政府信息情况", ""])
        #expect(lines.map(\.page) == [0, 0, 0, 1, 1])
    }

    @Test func strayLabelSpacesAreRemoved() {
        #expect(LayoutTextNormaliser.tidy("（二）部分公开（区分处理的，只计这一情 形，不计其他情形）") == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
        #expect(LayoutTextNormaliser.tidy("Times  New Roman 字体") == "Times New Roman 字体")
    }

    @Test func valuesArePlacedInTheirColumnsByPosition() {
        let full = LayoutLine("年        1.属于国家秘密         0     0   0      0      0   0    0", page: 0)
        let gap = LayoutLine("办   （三   3.危及“三安全一稳定”     0     0          0      0   0    0", page: 0)
        let cells = LayoutTableRebuilder.place(gap, count: 7, among: [full, gap])
        #expect(cells == ["0", "0", "", "0", "0", "0", "0"])
    }

    @Test func verticalGroupLabelsAndWrappedLabelsGiveFormatRows() throws {
        var rebuilder = LayoutTableRebuilder()
        var region = [LayoutLine("                申请人情况", page: 0)]
        for i in 0..<25 {
            region.append(LayoutLine("三    标签片段", page: 0))
            region.append(LayoutLine("本    第\(i)行标签          \(i)      0    0     0      0    0    \(i)", page: 0))
            region.append(LayoutLine("         续行", page: 0))
        }
        let result = rebuilder.rebuild(section: 3, region)
        #expect(rebuilder.format == .v2021)
        #expect(result.lines.count == 3 + 25)
        #expect(result.lines[3] == "一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0")
        #expect(result.lines[3 + 4].hasPrefix("（三）不予公开\t1.属于国家秘密\t4\t"))
    }
}
