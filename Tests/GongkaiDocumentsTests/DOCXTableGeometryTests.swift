import Foundation
import GongkaiCore
import Testing

@testable import GongkaiDocuments

/// Given Word tables whose `w:gridSpan`/`w:gridBefore` are huge, negative or past the column limit, when they are
/// read, then the file is refused naming the table and row — never an overflow trap or a resolver that loops.
@Suite struct DOCXTableGeometryTests {
    typealias H = HostileDOCX

    static func read(_ body: String, limits: InputLimits = .standard) throws -> ReadResult {
        try DOCXReportReader.read(data: try H.docx(H.document(body)), source: "hostile.docx", limits: limits)
    }

    /// The grid of the first table of `body`, read directly.
    static func grid(_ body: String, limits: InputLimits = .standard) throws -> TableGrid {
        let root = try DOCXXMLParser.parse(Data(H.document(body).utf8), source: "t.docx", part: "word/document.xml")
        let table = try #require(root.first(named: "tbl"))
        var reader = DOCXTableReader(own: false, source: "t.docx", limits: limits)
        return try reader.grid(table)
    }

    static func limitError(_ body: String) throws -> LimitExceeded {
        let error = H.limit { try read(body) }
        return try #require(error)
    }

    @Test(
        arguments: [
            ("2147483647", 2_147_483_648), ("9223372036854775807", nil), ("99999999999999999999999", nil), ("64", 65),
        ] as [(String, Int64?)])
    func hugeGridSpanIsRefusedNamingTableAndRow(span: String, found: Int64?) throws {
        let body = H.table([H.row([H.cell("a")]), H.row([H.cell("甲"), H.cell("b", span: span)])])
        let error = try Self.limitError(body)
        #expect(error.limit == .maxTableColumns)
        #expect(error.allowed == 64)
        #expect(error.place == "hostile.docx word/document.xml 第 1 个表格第 2 行")
        #expect(error.found == found)
        #expect(error.description.contains("表格列数上限"))
    }

    @Test func hugeGridBeforeIsRefused() throws {
        let body = H.table([H.row([H.cell("a"), H.cell("b")], gridBefore: "2147483647")])
        let error = try Self.limitError(body)
        #expect(error.limit == .maxTableColumns)
        #expect(error.found == 2_147_483_647)
        #expect(error.place.hasSuffix("第 1 个表格第 1 行"))
    }

    @Test(arguments: [("-5", "w:gridSpan"), ("-2147483648", "w:gridBefore")])
    func negativeSpanIsRefused(value: String, attribute: String) throws {
        let row =
            attribute == "w:gridSpan"
            ? H.row([H.cell("a", span: value)]) : H.row([H.cell("a")], gridBefore: value)
        let error = #expect(throws: ReportReadError.self) { try Self.read(H.table([row])) }
        #expect(error?.description == "hostile.docx：word/document.xml 第 1 个表格第 1 行：\(attribute) 的值 \(value) 无效（不能为负数）")
    }

    /// The input that made the row resolver loop for minutes: a huge and a negative span, both restarting a
    /// vertical merge, continued in the next row.
    @Test func hugeAndNegativeSpansWithMergeAreRefused() throws {
        let body = H.table([
            H.row([
                H.cell("甲", span: "2147483647", merge: "restart"), H.cell("乙", span: "-2147483647", merge: "restart"),
            ]),
            H.row([H.cell("", merge: ""), H.cell("", merge: "")]),
        ])
        #expect(H.limit { try Self.read(body) }?.limit == .maxTableColumns)
    }

    @Test func rowAsWideAsTheLimitIsRead() throws {
        var limits = InputLimits.standard
        limits.maxTableColumns = 10
        let grid = try Self.grid(
            H.table([H.row([H.cell("a", span: "4"), H.cell("b", span: "5")], gridBefore: "1")]), limits: limits)
        #expect(grid.rows == [[TableGrid.Cell(text: "a", colSpan: 4), TableGrid.Cell(text: "b", colSpan: 5)]])
        let wider = H.table([H.row([H.cell("a", span: "4"), H.cell("b", span: "6")], gridBefore: "1")])
        let error = #expect(throws: LimitExceeded.self) { try Self.grid(wider, limits: limits) }
        #expect(error?.found == 11)
    }

    @Test func zeroOrTextSpanCountsAsOneColumn() throws {
        let grid = try Self.grid(H.table([H.row([H.cell("a", span: "0"), H.cell("b", span: "two")])]))
        #expect(grid.rows == [[TableGrid.Cell(text: "a"), TableGrid.Cell(text: "b")]])
    }

    @Test func verticalMergeStillExtendsTheCellAbove() throws {
        let grid = try Self.grid(
            H.table([
                H.row([H.cell("组", merge: "restart"), H.cell("一")]),
                H.row([H.cell("", merge: ""), H.cell("二")]),
            ]))
        #expect(
            grid.rows == [
                [TableGrid.Cell(text: "组", rowSpan: 2), TableGrid.Cell(text: "一")], [TableGrid.Cell(text: "二")],
            ])
    }

    /// A cell spanning down at a far column (as any reader could hand over) is reached by a jump, not by stepping
    /// through a billion empty columns.
    @Test func resolverJumpsToFarCoveredColumns() {
        let grid = TableGrid(rows: [
            [
                TableGrid.Cell(text: "宽", colSpan: 1_000_000_000), TableGrid.Cell(text: "下", rowSpan: 2),
                TableGrid.Cell(text: "5"),
            ],
            [TableGrid.Cell(text: "左")],
        ])
        let rows = grid.resolvedRows()
        #expect(rows.map(\.labels) == [["宽", "下"], ["左", "下"]])
        #expect(rows.map(\.values) == [["5"], []])
    }
}
