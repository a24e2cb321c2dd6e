import Foundation
import GongkaiCore
import Testing

@testable import GongkaiDocuments

/// A letter as a Word file: title, number, addressee, body, correction note, signatory and date, in that order,
/// in the official layout; and, through LibreOffice, as a PDF whose text reads the same.
@Suite struct LetterDOCXWriterTests {
    static let letter = Letter(
        kind: .answer, title: "某区某局政府信息公开申请答复书", number: LetterNumber(prefix: "某公开", year: 2024, sequence: 12),
        addressee: "张三", paragraphs: ["本机关于2024年3月4日收到您提出的政府信息公开申请。", "如对本答复不服 <可以> & 申请复议。"],
        signatory: "某区某局", date: CivilDate(2024, 3, 20),
        replaces: LetterNumber(prefix: "某公开", year: 2024, sequence: 3), correctionReason: "日期有误")

    static func documentXML(_ data: Data) throws -> String {
        var package = try ZIPPackage(data: data, source: "letter.docx", limits: .standard)
        return String(decoding: try #require(try package.part("word/document.xml")), as: UTF8.self)
    }

    @Test func theLetterIsWrittenInOrderWithItsLayout() throws {
        let xml = try Self.documentXML(try LetterDOCXWriter.render(Self.letter))
        let order = [
            "某区某局政府信息公开申请答复书", "某公开〔2024〕第12号", "张三：", "本机关于2024年3月4日",
            "如对本答复不服 &lt;可以&gt; &amp; 申请复议。", "本文书更正并替代某公开〔2024〕第3号，更正原因：日期有误。", "某区某局",
            "2024年3月20日",
        ]
        var cursor = xml.startIndex
        for text in order {
            let found = try #require(xml.range(of: text, range: cursor..<xml.endIndex), "\(text) in order")
            cursor = found.upperBound
        }
        #expect(xml.contains("<w:pStyle w:val=\"Title\"/>") && xml.contains("<w:jc w:val=\"right\"/>"))
    }

    @Test func theSameLetterGivesTheSameBytes() throws {
        #expect(try LetterDOCXWriter.render(Self.letter) == LetterDOCXWriter.render(Self.letter))
    }

    @Test(PDFToolSupport.needs("soffice", "pdftotext"))
    func itsPDFReadsTheSame() throws {
        guard PDFToolSupport.require("soffice", "pdftotext") else { return }
        let pdf = try PDFReportWriter.convert(docx: try LetterDOCXWriter.render(Self.letter))
        let file = try PDFToolSupport.outputDirectory().appendingPathComponent("letter.pdf")
        try pdf.write(to: file)
        let text = try PDFToolSupport.run("pdftotext", ["-enc", "UTF-8", file.path, "-"]).filter { !$0.isWhitespace }
        #expect(text.contains("某区某局政府信息公开申请答复书") && text.contains("某公开〔2024〕第12号"))
        #expect(text.contains("2024年3月20日") && text.contains("更正原因：日期有误"))
    }
}
