import Foundation
import GongkaiCore

/// Writes a letter (文书) as a Word file in the official document layout (GB/T 9704): title in 小标宋 2号 centred,
/// the number centred under it, the addressee flush left, the body in 仿宋_GB2312 3号 with a two-character indent,
/// a correction's note after the body, and the agency and date right-aligned.
///
/// ```swift
/// let docx = try LetterDOCXWriter.render(issued.letter)
/// ```
public enum LetterDOCXWriter {
    /// The .docx file's bytes.
    public static func render(_ letter: Letter) throws -> Data {
        try DOCXParts.package(
            title: letter.title, creator: letter.signatory, keywords: letter.number?.description ?? "",
            document: document(letter), file: "letter.docx")
    }

    /// `word/document.xml`.
    static func document(_ letter: Letter) -> String {
        var body = DOCXReportWriter.paragraph(letter.title, style: "Title")
        if let number = letter.number { body += paragraph(number.description, align: "center") }
        body += paragraph(letter.addressee + "：", align: "left")
        body += letter.paragraphs.map { DOCXReportWriter.paragraph($0) }.joined()
        if let note = letter.correctionNote { body += DOCXReportWriter.paragraph(note) }
        body += paragraph("", align: "left")
        body += paragraph(letter.signatory, align: "right")
        body += paragraph(letter.date.chineseDate, align: "right")
        return DOCXParts.xmlHeader + "<w:document xmlns:w=\"\(DOCXParts.w)\" xmlns:r=\"\(DOCXParts.r)\"><w:body>"
            + body + DOCXParts.sectionProperties + "</w:body></w:document>"
    }

    /// A paragraph without the first-line indent, aligned `align` (left, center, right).
    static func paragraph(_ text: String, align: String) -> String {
        "<w:p><w:pPr><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"\(align)\"/></w:pPr>"
            + DOCXReportWriter.runs(text) + "</w:p>"
    }
}
