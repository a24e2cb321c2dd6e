import Foundation
import GongkaiCore
import GongkaiDocuments
import Testing

@Suite("Text reader — run-together digits, encodings, broken input")
struct TextReaderRobustnessTests {
    typealias F = TextReaderFixtures

    /// A minimal run-together report: section III rows given as digit runs in format order.
    private func runTogether(_ rows: [String], appeals: String = "000000000000000", year: Int = 2020) -> String {
        let labels = ApplicationRow.rows(for: .v2019).map(\.label)
        var table = ""
        for (label, digits) in zip(labels, rows) { table += label + digits }
        return "某局\(year)年政府信息公开工作年度报告 一、总体情况无。二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况"
            + "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人" + table
            + "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持" + appeals + "五、存在的主要问题及改进情况无。六、其他需要报告的事项无。"
    }

    private func zeros(_ count: Int) -> [String] { Array(repeating: "0000000", count: count) }

    @Test("multi-digit cells are split by the row total and the column identities")
    func splitsByIdentities() throws {
        // Given 一 = 12/3/0/0/0/0/15 and （一）予以公开 the same, run together
        var rows = ["123000015"] + zeros(22)
        rows[2] = "123000015"
        rows[21] = "123000015"
        // When it is read
        let result = try TextReportReader.read(runTogether(rows), source: "t")
        // Then the identities pick the only split that fits
        let t = result.report.applications.table
        #expect(t.row(.new) == [12, 3, 0, 0, 0, 0, 15])
        #expect(t.row(.total) == [12, 3, 0, 0, 0, 0, 15])
        #expect(!result.findings.contains { $0.rule == "read.ambiguousSplit" })
    }

    @Test("a split that nothing can decide is taken once and flagged read.ambiguousSplit")
    func ambiguity() throws {
        // Given "11100012": 1/11/0/0/0/0/12 and 11/1/0/0/0/0/12 both fit every identity
        var rows = ["111000012"] + zeros(22)
        rows[2] = "111000012"
        rows[21] = "111000012"
        // When it is read
        let result = try TextReportReader.read(runTogether(rows), source: "t")
        // Then one reading is taken and the ambiguity is reported with the line
        let t = result.report.applications.table
        #expect(t[.new, .total] == 12)
        #expect(t.row(.new) == t.row(.total))
        let warnings = result.findings.filter { $0.rule == "read.ambiguousSplit" }
        #expect(!warnings.isEmpty)
        #expect(warnings.allSatisfy { $0.severity == .warning && $0.location.line == 1 })
    }

    @Test("spaces in a run are hints: a reading that honours them comes first")
    func spaceHints() throws {
        var rows = ["1 11 0 0 0 0 12"] + zeros(22)
        rows[2] = "1 11 0 0 0 0 12"
        rows[21] = "1 11 0 0 0 0 12"
        let t = try TextReportReader.read(runTogether(rows), source: "t").report.applications.table
        #expect(t.row(.new) == [1, 11, 0, 0, 0, 0, 12])
    }

    @Test("a label that starts with a digit keeps it: 00000002.其他法律… is 0000000 + 2.其他法律…")
    func labelDigits() throws {
        let result = try TextReportReader.read(try F.text("02-pingtan-guanweihui-2019.txt"), source: "02")
        #expect(result.report.applications.table.row(.withheld(2)) == Array(repeating: 0, count: 7))
        #expect(!result.findings.contains { $0.rule == "read.unplaced" && $0.location.section == 3 })
    }

    @Test("section IV run together is split by each group's total")
    func appealsSplit() throws {
        let rows = zeros(23)
        let result = try TextReportReader.read(runTogether(rows, appeals: "10020120000011002"), source: "t")
        #expect(result.report.appeals.table.cells == [10, 0, 2, 0, 12, 0, 0, 0, 0, 0, 1, 1, 0, 0, 2].map(Cell.count))
        #expect(AppealsTableReaderProbe.sumsHold(result.report.appeals.table))
    }

    @Test("section II run together: column constraints and the ambiguity warning")
    func proactiveSplit() throws {
        let result = try TextReportReader.read(try F.text("05-pingtan-ziranziyuanju-2020.txt"), source: "05")
        let p = result.report.proactive
        #expect(p.cells[.normativeDocuments] == [9, 9, 21])
        #expect(p.cells[.procurement] == [19, .number(ExactNumber(units: 16_909_913, scale: 4))])
        #expect(p.amountUnit == .tenThousandYuan)
        #expect(result.findings.contains { $0.rule == "read.ambiguousSplit" && $0.location.section == 2 })
        let p02 = try TextReportReader.read(try F.text("02-pingtan-guanweihui-2019.txt"), source: "02").report.proactive
        #expect(p02.cells[.normativeDocuments] == [89, 89, 89])
        #expect(p02[.procurement, .procurementAmount].description == "575394432.52")
        #expect(p02.amountUnit == .yuan)
    }

    @Test("GB18030-encoded files read like their UTF-8 originals", arguments: [F.seed] + F.samples)
    func gb18030(name: String) throws {
        // Given a fixture encoded as GB18030
        let text = try F.text(name)
        let data = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632)))
        #expect(data != Data(text.utf8))
        // When the bytes are read
        let result = try TextReportReader.read(data: data, source: name)
        // Then the report is the same as from UTF-8
        #expect(result.report == (try TextReportReader.read(text, source: name)).report)
    }
}

/// Helpers for checking tables in tests.
enum AppealsTableReaderProbe {
    static func sumsHold(_ t: AppealsTable) -> Bool {
        AppealsGroup.allCases.allSatisfy { g in
            AppealsResult.allCases.dropLast().reduce(0) { $0 + t[g, $1].countOrZero } == t[g, .total].countOrZero
        }
    }
}
