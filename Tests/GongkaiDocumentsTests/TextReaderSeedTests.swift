import Foundation
import GongkaiCore
import GongkaiDocuments
import Testing

@Suite("Text reader — the seed layout")
struct TextReaderSeedTests {
    typealias F = TextReaderFixtures

    private func readSeed() throws -> ReadResult {
        try TextReportReader.read(try F.text(F.seed), source: F.seed)
    }

    @Test("section III and IV are read cell by cell")
    func tables() throws {
        // Given the seed, When it is read
        let result = try readSeed()
        // Then section III is all 0 except the 21 applications, and section IV is all 0
        let diffs = F.differences(result.report.applications.table, F.seedTable)
        #expect(diffs.isEmpty, "\(diffs)")
        #expect(result.report.appeals.table == AppealsTable())
    }

    @Test("section II values, signed changes and the procurement amount")
    func proactive() throws {
        let p = try readSeed().report.proactive
        let expected: [(ProactiveRow, [Cell])] = [
            (.rules, [0, 0, 0]), (.normativeDocuments, [0, 0, 0]), (.licensing, [7, -1, 89]),
            (.inspection, [6, 0, 557]), (.confirmation, [0, 0, 0]), (.penalty, [351, 26, 384]),
            (.enforcement, [4, -1, 5]), (.fees, [0, 0]),
            (.procurement, [8, .number(ExactNumber(units: 9_299_082, scale: 4))]),
        ]
        for (row, cells) in expected {
            #expect(p.cells[row] == cells, "\(row)")
        }
        #expect(p.amountUnit == .tenThousandYuan)
        #expect(p[.procurement, .procurementAmount].description == "929.9082")
    }

    @Test("title, preamble, headings and narrative lines are kept verbatim")
    func narrative() throws {
        let r = try readSeed().report
        #expect(r.title == ["北京市大兴区应急管理局", "2020年政府信息公开工作年度报告"])
        #expect(r.preamble == ["", "　依据《中华人民共和国政府信息公开条例》(以下简称《政府信息公开条例》)第五十条规定，编制本报告。"])
        #expect(r.overview.heading == "一、总体情况")
        #expect(r.overview.text.count == 6)
        #expect(r.overview.text.last == "（五）依申请公开情况。2020年度，本局共接到21件政府信息公开申请，均已按期答复，无行政复议或行政诉讼情况。")
        #expect(r.proactive.heading == "二、主动公开政府信息情况")
        #expect(r.applications.heading == "三、收到和处理政府信息公开申请情况")
        #expect(r.appeals.heading == "四、政府信息公开行政复议、行政诉讼情况")
        #expect(r.problems.heading == "五、存在的主要问题及改进情况")
        #expect(r.problems.text.count == 2)
        #expect(r.problems.text[0].hasPrefix("2020年，本局政府信息公开工作取得了成绩"))
        #expect(r.otherMatters == NarrativeSection(heading: "六、其他需要报告的事项", text: ["无。"]))
        #expect(r.proactive.textBefore.isEmpty && r.proactive.textAfter.isEmpty)
        #expect(r.applications.textBefore.isEmpty && r.appeals.textAfter.isEmpty)
    }

    @Test("the seed reads without a single finding")
    func clean() throws {
        let findings = try readSeed().findings
        #expect(findings.isEmpty, "\(findings.map(\.description))")
    }

    @Test("UTF-8 bytes with a BOM and CRLF line ends read the same")
    func bomAndCRLF() throws {
        let text = try F.text(F.seed)
        let bytes = Data([0xEF, 0xBB, 0xBF]) + Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let result = try TextReportReader.read(data: bytes, source: "bom")
        #expect(result.report == (try readSeed()).report)
    }
}
