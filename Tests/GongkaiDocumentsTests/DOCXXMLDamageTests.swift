import Foundation
import GongkaiCore
import Testing

@testable import GongkaiDocuments

/// Given DOCX parts whose XML is invalid UTF-8, malformed or nested without end, when they are read, then each
/// is refused in Chinese naming the file, part and line — the bytes never reach a parser that traps, and no walk
/// over the elements can exhaust the stack.
@Suite struct DOCXXMLDamageTests {
    typealias H = HostileDOCX

    static func parse(_ xml: String, limits: InputLimits = .standard) throws -> DOCXElement {
        try DOCXXMLParser.parse(Data(xml.utf8), source: "x.docx", part: "word/document.xml", limits: limits)
    }

    static func message(_ xml: String) -> String? { H.message { try parse(xml) } }

    /// Foundation's XMLParser traps on this: invalid UTF-8 inside an element name.
    @Test func invalidUTF8InAnElementNameIsRefused() throws {
        var xml = Data(H.document("<w:p><w:r><w:t>x</w:t></w:r></w:p>").utf8)
        let at = try #require(xml.firstRange(of: Data("<w:p>".utf8))).lowerBound + 3
        xml.replaceSubrange(at..<(at + 1), with: [0xFF, 0xFE])
        let data = try H.zip([("word/document.xml", xml)])
        let error = #expect(throws: ReportReadError.self) {
            try DOCXReportReader.read(data: data, source: "x.docx")
        }
        #expect(error?.description == "x.docx：word/document.xml 第 1 行：第 \(at + 1) 字节起不是有效的 UTF-8 文本（1 字节）")
    }

    @Test(arguments: [
        ("<a><b></a>", "第 1 行：结束标记 </a> 与开始标记 <b> 不匹配"),
        ("<a>\n<b>", "第 2 行：元素 <b> 没有结束（文件不完整）"),
        ("<a>&bogus;</a>", "第 1 行：无法识别的实体 &bogus;"),
        ("<a x=1/>", "第 1 行：属性 x 的值缺少引号"),
        ("<!DOCTYPE a [<!ENTITY x \"y\">]><a/>", "第 1 行：含有 DOCTYPE 或其他声明，DOCX 部件中不应出现"),
        ("<a/><b/>", "第 1 行：根元素之后还有元素"),
        ("", "第 1 行：没有根元素"),
        ("<a><!-- open", "第 1 行：注释没有结束（文件不完整）"),
        ("<1a/>", "第 1 行：此处应为元素或属性名"),
    ])
    func malformedXMLIsRefusedWithLine(xml: String, expected: String) {
        #expect(Self.message(xml) == "x.docx：word/document.xml \(expected)")
    }

    @Test func wellFormedPartsKeepTextAttributesAndEntities() throws {
        let root = try Self.parse(
            "\u{FEFF}<?xml version=\"1.0\"?><!-- c --><w:a w:val='1 &amp; 2'><w:t>甲&lt;乙&#x4E19;&#19969;</w:t>"
                + "<w:t><![CDATA[<戊>]]></w:t></w:a>")
        #expect(root.name == "w:a")
        #expect(root.attribute("val") == "1 & 2")
        #expect(root.children.map(\.text) == ["甲<乙丙丁", "<戊>"])
    }

    @Test func nestingBeyondTheLimitIsRefusedNamingIt() throws {
        let deep = H.document(
            String(repeating: "<w:sdt>", count: 100_000) + String(repeating: "</w:sdt>", count: 100_000))
        let data = try H.docx(deep)
        let error = H.limit { try DOCXReportReader.read(data: data, source: "deep.docx") }
        #expect(error?.limit == .maxNestingDepth)
        #expect(error?.allowed == 512)
        #expect(error?.place == "deep.docx word/document.xml 第 1 行")
        #expect(error?.description.contains("元素嵌套层数上限") == true)
    }

    @Test func deeplyNestedRunsAreRefused() throws {
        let runs =
            "<w:p>" + String(repeating: "<w:r>", count: 50_000) + String(repeating: "</w:r>", count: 50_000) + "</w:p>"
        let error = H.limit { try DOCXReportReader.read(data: try H.docx(H.document(runs)), source: "deep.docx") }
        #expect(error?.limit == .maxNestingDepth)
    }

    @Test func nestingAtTheLimitIsReadAndWalked() throws {
        var limits = InputLimits.standard
        limits.maxNestingDepth = 40
        // document, body, p: 3 levels; 36 runs; t: the 40th.
        let runs = String(repeating: "<w:r>", count: 36) + "<w:t>深</w:t>" + String(repeating: "</w:r>", count: 36)
        let root = try Self.parse(H.document("<w:p>\(runs)</w:p>"), limits: limits)
        let paragraph = try #require(root.first(named: "p"))
        #expect(DOCXBlockWalker.text(of: paragraph) == "深")
        let deeper = H.document("<w:p><w:r>\(runs)</w:r></w:p>")
        let error = #expect(throws: LimitExceeded.self) { try Self.parse(deeper, limits: limits) }
        #expect(error?.found == 41)
    }

    /// Content controls nested to the limit are walked with an explicit stack, in document order.
    @Test func nestedContentControlsAreWalkedInOrder() throws {
        let nested =
            String(repeating: "<w:sdt><w:sdtContent>", count: 200) + "<w:p><w:r><w:t>内</w:t></w:r></w:p>"
            + String(repeating: "</w:sdtContent></w:sdt>", count: 200)
        let body = "<w:p><w:r><w:t>前</w:t></w:r></w:p>" + nested + "<w:p><w:r><w:t>后</w:t></w:r></w:p>"
        let root = try Self.parse(H.document(body))
        var walker = DOCXBlockWalker(
            own: false, tables: DOCXTableReader(own: false, source: "x.docx", limits: .standard))
        try walker.walk(try #require(root.child("body")))
        #expect(walker.blocks == [.line("前", .text), .line("内", .text), .line("后", .text)])
    }
}

/// A limit reached while reading reads in Chinese also where only `localizedDescription` is shown.
@Suite struct LimitExceededDescriptionTests {
    @Test func localizedDescriptionIsTheChineseDescription() {
        let error: any Error = LimitExceeded(
            limit: .maxNestingDepth, allowed: 512, found: 513, place: "a.docx word/document.xml 第 1 行")
        #expect(
            error.localizedDescription
                == "a.docx word/document.xml 第 1 行：超过元素嵌套层数上限（512，实为 513；可用环境变量 GONGKAI_LIMIT_MAX_NESTING_DEPTH 调整）")
    }
}
