import Foundation
import GongkaiCore
import Testing

@testable import GongkaiDocuments

/// Given hostile pages — elements nested ten thousand deep, thousands of empty comments, unclosed tags by the
/// hundred thousand, absurd colspans — when they are read, then each is read or refused naming the limit and
/// where, never overflowing the stack or hanging.
@Suite struct HTMLHostileInputTests {
    typealias H = HostileDOCX

    static func read(_ html: String, limits: InputLimits = .standard) throws -> ReadResult {
        try HTMLReportReader.read(html, source: "hostile.html", limits: limits)
    }

    @Test func tenThousandNestedDivsAreRefusedNamingTheLimit() throws {
        let html =
            "<html><body>\n" + String(repeating: "<div>", count: 10_000) + "x"
            + String(repeating: "</div>", count: 10_000)
        let error = H.limit { try Self.read(html) }
        #expect(error?.limit == .maxNestingDepth)
        #expect(error?.allowed == 512)
        #expect(error?.found == 513)
        #expect(error?.place == "hostile.html 第 2 行")
        #expect(error?.description.contains("元素嵌套层数上限（512，实为 513") == true)
    }

    /// The scanner works on bytes: characters around tags stay whole, `<` before a non-letter is text, script
    /// bodies are raw, lines are counted at line feeds (CRLF once).
    @Test func scannerKeepsCharactersWholeAndCountsLines() {
        var scanner = HTMLScanner(
            "<p class=\"甲\">政府<b>信息</b>公开</p>\r\n<script>var s = \"</p>中\";</SCRIPT>\r\n<中文> é\u{301}<")
        var tokens: [String] = []
        while let token = scanner.next() {
            switch token {
            case .start(let name, let attributes, _):
                tokens.append("<\(name) \(attributes)>")
                if name == "script" { tokens.append(scanner.rawText(until: "script")) }
            case .end(let name): tokens.append("</\(name)>")
            case .text(let text): tokens.append(text)
            }
        }
        #expect(
            tokens == [
                "<p [\"class\": \"甲\"]>", "政府", "<b [:]>", "信息", "</b>", "公开", "</p>", "\r\n", "<script [:]>",
                "var s = \"</p>中\";", "\r\n", "<中文> é\u{301}", "<",
            ])
        #expect(scanner.line == 3)
    }

    @Test func nestingAtTheLimitIsRead() throws {
        var limits = InputLimits.standard
        limits.maxNestingDepth = 30
        let html = String(repeating: "<div>", count: 30) + "深" + String(repeating: "</div>", count: 30)
        let root = try HTMLTreeBuilder.parse(html, source: "t.html", limits: limits)
        #expect(root.descendants(named: "div").count == 30)
        var walker = HTMLBlockWalker(own: false, source: "t.html", limits: limits)
        try walker.walk(root)
        walker.flush()
        #expect(walker.blocks == [.line("深", .text)])
        #expect(throws: LimitExceeded.self) {
            try HTMLTreeBuilder.parse("<span>" + html, source: "t.html", limits: limits)
        }
    }

    /// Closed elements do not count: a long run of siblings is shallow.
    @Test func siblingsDoNotCountAsNesting() throws {
        let html = String(repeating: "<div><span>格</span></div>", count: 5_000)
        let root = try HTMLTreeBuilder.parse(html, source: "t.html")
        #expect(root.descendants(named: "span").count == 5_000)
    }

    /// 7,000 consecutive empty comments (a 49 KB file) overflowed the stack of the recursive scanner.
    @Test func sevenThousandCommentsAreSkipped() throws {
        let html = String(repeating: "<!---->", count: 7_000) + "<p>正文</p>" + String(repeating: "<!---->", count: 7_000)
        #expect(html.utf8.count > 49_000 * 2)
        let root = try HTMLTreeBuilder.parse(html, source: "t.html")
        #expect(root.children.map(\.name) == ["p"])
        let error = #expect(throws: ReportReadError.self) { try Self.read(html) }
        #expect(error?.description.hasPrefix("hostile.html：") == true)
    }

    /// Declarations and unclosed tags without a `>` anywhere after them are scanned once, not once per `<`.
    @Test func manyUnclosedTagsAreText() throws {
        let html = "<p>起" + String(repeating: "<a", count: 100_000)
        let root = try HTMLTreeBuilder.parse(html, source: "t.html")
        let p = try #require(root.children.first)
        let text = p.children.compactMap { node -> String? in
            if case .text(let t) = node.kind { return t } else { return nil }
        }
        #expect(text.joined() == "起" + String(repeating: "<a", count: 100_000))
    }

    @Test(
        arguments: [
            ("2147483647", 2_147_483_648), ("9223372036854775807", nil), ("99999999999999999999", nil), ("65", 66),
            (" 64px", 65),
        ] as [(String, Int64?)])
    func absurdColspanIsRefusedNamingTableAndRow(colspan: String, found: Int64?) throws {
        let html = "<table><tr><td>一</td></tr><tr><td>甲</td><td colspan=\"\(colspan)\">1</td></tr></table>"
        let error = H.limit { try Self.read(html) }
        #expect(error?.limit == .maxTableColumns)
        #expect(error?.place == "hostile.html 第 1 个表格第 2 行")
        #expect(error?.found == found)
    }

    @Test func rowAsWideAsTheLimitIsRead() throws {
        var limits = InputLimits.standard
        limits.maxTableColumns = 4
        let table = try #require(
            try HTMLTreeBuilder.parse("<table><tr><td colspan=3>甲</td><td>1</td></tr></table>").children.first)
        let grid = try HTMLTableReader.grid(
            table, number: 1, in: HTMLBlockWalker(own: false, source: "t.html", limits: limits))
        #expect(grid.rows == [[TableGrid.Cell(text: "甲", colSpan: 3), TableGrid.Cell(text: "1")]])
        let wide = try #require(
            try HTMLTreeBuilder.parse("<table><tr><td colspan=4>甲</td><td>1</td></tr></table>").children.first)
        let error = #expect(throws: LimitExceeded.self) {
            try HTMLTableReader.grid(wide, number: 1, in: HTMLBlockWalker(own: false, source: "t.html", limits: limits))
        }
        #expect(error?.found == 5)
    }
}
