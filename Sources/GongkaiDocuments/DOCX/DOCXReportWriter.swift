import Foundation
import GongkaiCore
import ZIPFoundation

/// Writes a report as a Word file in the official document layout: A4, GB/T 9704 margins, title in
/// 小标宋 2号, headings in 黑体 3号, body in 仿宋_GB2312 3号, bordered tables with merged cells
/// (`w:gridSpan`, `w:vMerge`) as in the official template.
///
/// The report's agency, year, format and variant go into the document keywords so that
/// `DOCXReportReader` reads the file back to the same model.
///
/// ```swift
/// let docx = try DOCXReportWriter.render(report)
/// try docx.write(to: URL(fileURLWithPath: "report.docx"))
/// ```
public enum DOCXReportWriter {
    /// The `Application` our files declare in `docProps/app.xml`.
    static let application = "Gongkai"

    /// The .docx file's bytes.
    public static func render(_ report: AnnualReport) throws -> Data {
        let title = report.title.isEmpty ? "\(report.agency)\(report.year)年政府信息公开工作年度报告" : report.title.joined()
        return try DOCXParts.package(
            title: title, creator: report.agency, keywords: ReportMetadata(report).encoded, document: document(report),
            file: "report.docx")
    }

    /// `word/document.xml`.
    static func document(_ report: AnnualReport) -> String {
        var body = report.title.map { paragraph($0, style: "Title") }.joined()
        body += report.preamble.map { paragraph($0) }.joined()
        body += narrative(report.overview)
        body += paragraph(report.proactive.heading, style: "Heading1")
        body += report.proactive.textBefore.map { paragraph($0) }.joined()
        body += DOCXTableWriter.table(ReportTableLayout.proactive(report.proactive))
        body += report.proactive.textAfter.map { paragraph($0) }.joined()
        body += paragraph(report.applications.heading, style: "Heading1")
        body += report.applications.textBefore.map { paragraph($0) }.joined()
        body += DOCXTableWriter.table(ReportTableLayout.applications(report.applications.table))
        body += report.applications.textAfter.map { paragraph($0) }.joined()
        body += paragraph(report.appeals.heading, style: "Heading1")
        body += report.appeals.textBefore.map { paragraph($0) }.joined()
        body += DOCXTableWriter.table(ReportTableLayout.appeals(report.appeals.table))
        body += report.appeals.textAfter.map { paragraph($0) }.joined()
        body += narrative(report.problems)
        body += narrative(report.otherMatters)
        return DOCXParts.xmlHeader + "<w:document xmlns:w=\"\(DOCXParts.w)\" xmlns:r=\"\(DOCXParts.r)\"><w:body>"
            + body + DOCXParts.sectionProperties + "</w:body></w:document>"
    }

    static func narrative(_ section: NarrativeSection) -> String {
        paragraph(section.heading, style: "Heading1") + section.text.map { paragraph($0) }.joined()
    }

    /// A paragraph; tabs become `w:tab`, line breaks `w:br`, and spaces are kept (`xml:space="preserve"`).
    static func paragraph(_ text: String, style: String? = nil) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)\(runs(text))</w:p>"
    }

    static func runs(_ text: String, bold: Bool = false) -> String {
        guard !text.isEmpty else { return "" }
        let rPr = bold ? "<w:rPr><w:b/><w:bCs/></w:rPr>" : ""
        var out = "<w:r>\(rPr)"
        var pending = ""
        func flushText() {
            if !pending.isEmpty { out += "<w:t xml:space=\"preserve\">\(MarkupEscaping.escape(pending))</w:t>" }
            pending = ""
        }
        for ch in text {
            switch ch {
            case "\t": flushText(); out += "<w:tab/>"
            case "\n", "\r\n": flushText(); out += "<w:br/>"
            default: pending.append(ch)
            }
        }
        flushText()
        return out + "</w:r>"
    }
}

/// Writes a laid-out table as `w:tbl`: fixed grid, single borders, header rows repeated on each page,
/// horizontal merges as `w:gridSpan`, vertical merges as `w:vMerge` with continuation cells.
enum DOCXTableWriter {
    static func table(_ layout: LayoutTable) -> String {
        let widths = layout.columnWidths.map { DOCXParts.textWidth * $0 / 100 }
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
        var out = "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
        out += "<w:tblBorders>" + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) \(border)/>" }.joined()
        out += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\"/></w:tblPr><w:tblGrid>"
        out += widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        var covering: [Int: (cell: LayoutCell, until: Int)] = [:]
        for (r, row) in layout.rows.enumerated() {
            out += "<w:tr><w:trPr><w:cantSplit/>" + (r < layout.headerRowCount ? "<w:tblHeader/>" : "") + "</w:trPr>"
            var queue = row[...]
            var column = 0
            while column < layout.columnCount {
                if let span = covering[column], span.until >= r {
                    out += cell(nil, span: span.cell.colSpan, width: width(widths, column, span.cell.colSpan), merge: "<w:vMerge/>")
                    column += span.cell.colSpan
                    continue
                }
                guard let c = queue.popFirst() else { break }
                var merge = ""
                if c.rowSpan > 1 {
                    covering[column] = (c, r + c.rowSpan - 1)
                    merge = "<w:vMerge w:val=\"restart\"/>"
                }
                out += cell(c, span: c.colSpan, width: width(widths, column, c.colSpan), merge: merge)
                column += c.colSpan
            }
            out += "</w:tr>"
        }
        return out + "</w:tbl>"
    }

    static func width(_ widths: [Int], _ column: Int, _ span: Int) -> Int {
        widths[column..<min(widths.count, column + span)].reduce(0, +)
    }

    static func cell(_ c: LayoutCell?, span: Int, width: Int, merge: String) -> String {
        var out = "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
        if span > 1 { out += "<w:gridSpan w:val=\"\(span)\"/>" }
        out += merge + "<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>"
        if let c, c.role == .rowHeader || c.role == .rowGroupHeader || c.role == .note { out += "<w:jc w:val=\"left\"/>" }
        out += "</w:pPr>"
        if let c { out += DOCXReportWriter.runs(c.text, bold: c.role == .blockTitle) }
        return out + "</w:p></w:tc>"
    }
}
