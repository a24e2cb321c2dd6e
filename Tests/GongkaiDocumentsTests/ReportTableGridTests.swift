import GongkaiCore
import Testing

@testable import GongkaiDocuments

/// Where a finding sits on the tables: a data cell is placed by its section, row (by every name) and column.
@Suite struct ReportTableGridTests {
    @Test(arguments: [
        // (finding's location, concerns the 表二 cell （三）不予公开 1.属于国家秘密 × 自然人?)
        (ReportLocation(section: 3, row: "（三）不予公开 1.属于国家秘密", column: "自然人"), true),
        (ReportLocation(section: 3, row: "1.属于国家秘密", column: "自然人"), true),
        (ReportLocation(section: 3, column: "自然人"), true),
        (ReportLocation(section: 3, row: "1.属于国家秘密"), true),
        (ReportLocation(section: 3, row: "1.属于国家秘密", column: "总计"), false),
        (ReportLocation(section: 2, row: "1.属于国家秘密", column: "自然人"), false),
        (ReportLocation(section: 3), false),
        (ReportLocation(line: 12), false),
    ])
    func aFindingConcernsTheCellsItNames(location: ReportLocation, expected: Bool) {
        let place = CellPlace(section: 3, rows: ["1.属于国家秘密", "（三）不予公开 1.属于国家秘密"], column: "自然人")
        #expect(place.concerns(location) == expected)
    }

    @Test func everyDataCellOfTheThreeTablesIsPlacedAndEveryCheckerLocationFindsItsCell() throws {
        var report = AnnualReport(agency: "某局", year: 2020)
        report.applications.table[.total, .naturalPerson] = 5
        let tables = ReportTableGrid.tables(of: report)
        #expect(tables.map(\.caption) == ["表一　主动公开政府信息情况", "表二　收到和处理政府信息公开申请情况", "表三　政府信息公开行政复议、行政诉讼情况"])
        let cells = tables.flatMap { $0.rows.joined() }
        #expect(cells.filter { $0.headerScope == nil && $0.place == nil }.allSatisfy { $0.text.hasPrefix("（本列数据") })
        // The checker's finding on the total it cannot reconcile lands on exactly that cell.
        let findings = ReportChecker().check(report).filter { $0.location.row == "（七）总计" && $0.location.column == "自然人" }
        #expect(!findings.isEmpty)
        for f in findings {
            let hit = cells.filter { $0.place?.concerns(f.location) == true }
            #expect(hit.count == 1 && hit.first?.text == "5", "\(f)")
        }
        // 表三: 15 cells, each under its group and result.
        let appeals = tables[2].rows.joined().compactMap(\.place)
        #expect(appeals.count == 15 && appeals[5] == CellPlace(section: 4, rows: ["未经复议直接起诉"], column: "结果维持"))
    }

    @Test func findingsAsCSVAreQuotedAndMarkedForSpreadsheets() {
        var check = ReportCheck(file: "a,\"b\".txt")
        check.findings = [
            Finding(rule: "r.x", severity: .error, location: ReportLocation(section: 3, row: "（七）总计", column: "总计"),
                message: "应为 1，实为 0", expected: "1", found: "0")
        ]
        let csv = ReportBatch.csv([check, ReportCheck(file: "b.pdf", readError: "无法读取 b.pdf")])
        let lines = csv.components(separatedBy: "\r\n")
        #expect(csv.unicodeScalars.first == "\u{FEFF}")
        #expect(lines[0].dropFirst() == "文件,机关,年度,严重程度,规则,部分,行,列,原文行号,说明,应为,实为,读取存疑")
        #expect(lines[1] == "\"a,\"\"b\"\".txt\",,,错误,r.x,3,（七）总计,总计,,应为 1，实为 0,1,0,")
        #expect(lines[2] == "b.pdf,,,无法读取,read.unreadable,,,,,无法读取 b.pdf,,,")
        #expect(lines.count == 4 && lines[3].isEmpty)
    }
}
