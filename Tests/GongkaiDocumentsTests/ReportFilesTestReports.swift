import Foundation
import GongkaiCore
@testable import GongkaiDocuments

/// Reports built by hand for the document tests, and the fixture files.
enum TestReports {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reports")

    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    static let seedName = "seed-daxing-yingji-2020.txt"
    /// The `.txt` fixtures; stops the test run when there are none, so that tests over them can never pass
    /// by running zero cases.
    static var sampleNames: [String] {
        let all: [String]
        do { all = try FileManager.default.contentsOfDirectory(atPath: fixtures.path) } catch {
            preconditionFailure("找不到测试样本目录 \(fixtures.path)：\(error)")
        }
        let names = all.filter { $0.hasSuffix(".txt") }.sorted()
        precondition(!names.isEmpty, "测试样本目录 \(fixtures.path) 中没有 .txt 样本")
        return names
    }

    /// A seed-like 2019-format Beijing report (北京市大兴区应急管理局 2020) with non-zero, negative,
    /// decimal, blank and placeholder cells and narrative lines with leading spaces.
    static var beijing2020: AnnualReport {
        var r = AnnualReport(agency: "北京市大兴区应急管理局", year: 2020, variant: .beijing)
        r.preamble = ["　依据《中华人民共和国政府信息公开条例》(以下简称《政府信息公开条例》)第五十条规定，编制本报告。"]
        r.overview.text = [
            "  按照区政府《大兴区2020年政务公开工作要点》通知的要求，紧密结合应急工作实际。",
            "（一）加强组织领导。我局成立了以局长为组长的领导小组，配备了1名兼职工作人员。",
            "",
            "含 <特殊> & \"字符\"\t和制表符  两个空格 ",
        ]
        r.proactive[.licensing, .previousYearItems] = 7
        r.proactive[.licensing, .itemChange] = -1
        r.proactive[.licensing, .decisions] = 89
        r.proactive[.inspection, .previousYearItems] = 6
        r.proactive[.inspection, .decisions] = 557
        r.proactive[.penalty, .previousYearItems] = 351
        r.proactive[.penalty, .itemChange] = 26
        r.proactive[.penalty, .decisions] = 384
        r.proactive[.enforcement, .previousYearItems] = 4
        r.proactive[.enforcement, .itemChange] = -1
        r.proactive[.enforcement, .decisions] = 5
        r.proactive[.procurement, .procurementProjects] = 8
        r.proactive[.procurement, .procurementAmount] = .number(ExactNumber(parsing: "929.9082")!)
        r.proactive[.fees, .itemChange] = .placeholder("/")
        r.applications.table[.new, .naturalPerson] = 21
        r.applications.table[.unavailable(1), .naturalPerson] = 21
        r.applications.table[.total, .naturalPerson] = 21
        r.applications.table[.withheld(3), .researchInstitution] = .blank
        r.applications.table.fillTotals()
        r.applications.table[.other, .total] = .blank
        r.appeals.table[.reconsideration, .upheld] = 2
        r.appeals.table[.litigationDirect, .pending] = 1
        r.appeals.table.fillTotals()
        r.problems.text = ["2020年，本局政府信息公开工作取得了成绩，但也存在一些问题。", "一是进一步丰富信息公开内容。"]
        r.otherMatters.text = ["无。"]
        return r
    }

    /// A 2021-format national report with every kind of cell.
    static var national2022: AnnualReport {
        var r = AnnualReport(agency: "平潭综合实验区公安局", year: 2022)
        r.title = ["平潭综合实验区公安局2022年政府信息公开工作年度报告"]
        r.overview.text = ["2022年，我局认真贯彻落实《条例》。", "（一）主动公开。"]
        r.proactive.textBefore = ["本部分以表格形式报告。"]
        r.proactive[.rules, .issued] = 1
        r.proactive[.normativeDocuments, .issued] = 8
        r.proactive[.normativeDocuments, .inForce] = 18
        r.proactive[.licensing, .decisionsThisYear] = 1203
        r.proactive[.penalty, .decisionsThisYear] = 4567
        r.proactive[.fees, .feeAmount] = .number(ExactNumber(parsing: "12.50")!)
        var t = ApplicationTable(format: .v2021)
        for (i, row) in t.rows.enumerated() {
            for c in ApplicantColumn.applicantKinds { t[row, c] = .count((i * 3 + c.rawValue) % 5) }
        }
        t[.otherSub(2), .legalServiceOrganization] = .placeholder("—")
        t.fillTotals()
        r.applications.table = t
        r.applications.textAfter = ["注：本表数据统计期限为2022年1月1日至12月31日。"]
        r.appeals.table = AppealsTable(cells: (0..<15).map { .count($0 % 4) })
        r.appeals.heading = "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"
        r.problems.heading = "五、存在的主要问题及整改措施"
        r.problems.text = ["一是公开内容不够丰富。"]
        r.otherMatters.text = ["依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。", "平潭综合实验区公安局", "2023年1月9日"]
        return r
    }

    static var handBuilt: [(String, AnnualReport)] { [("beijing2020", beijing2020), ("national2022", national2022)] }
}
