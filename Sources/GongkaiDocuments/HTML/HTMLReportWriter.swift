import GongkaiCore

/// Writes a report as a standalone zh-CN HTML page: headings in order, the three official tables with
/// their merged cells, `<caption>` and header `scope`s, readable on a phone and printable on A4.
///
/// The page carries the report's agency, year, format and variant in `<meta name="gongkai-report">`
/// so that `HTMLReportReader` reads it back to the same model.
///
/// ```swift
/// let html = HTMLReportWriter.render(report)
/// try html.write(to: url, atomically: true, encoding: .utf8)
/// ```
public enum HTMLReportWriter {
    /// The `generator` our pages declare; the reader keeps text verbatim in pages that declare it.
    static let generator = "Gongkai"

    /// The whole page.
    public static func render(_ report: AnnualReport) -> String {
        let title = report.title.isEmpty ? "\(report.agency)\(report.year)年政府信息公开工作年度报告" : report.title.joined()
        var html = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="\(generator)">
            <meta name="gongkai-report" content="\(esc(ReportMetadata(report).encoded))">
            <title>\(esc(title))</title>
            <style>\(HTMLStyle.css)</style>
            </head>
            <body>
            <main id="report">

            """
        return html + article(report) + "</main>\n</body>\n</html>\n"
    }

    /// The report's `<article>` alone (title, sections, tables), for a page that has its own frame and loads
    /// `HTMLStyle.css` itself.
    public static func article(_ report: AnnualReport) -> String {
        let title = report.title.isEmpty ? "\(report.agency)\(report.year)年政府信息公开工作年度报告" : report.title.joined()
        var html = "<article>\n<header>\n\(titleHeading(report, fallback: title))\n</header>\n"
        html += paragraphs(report.preamble)
        html += narrative(report.overview, number: 1)
        html += tableSection(
            report.proactive.heading, number: 2, before: report.proactive.textBefore, after: report.proactive.textAfter,
            table: ReportTableLayout.proactive(report.proactive))
        html += tableSection(
            report.applications.heading, number: 3, before: report.applications.textBefore,
            after: report.applications.textAfter, table: ReportTableLayout.applications(report.applications.table))
        html += tableSection(
            report.appeals.heading, number: 4, before: report.appeals.textBefore, after: report.appeals.textAfter,
            table: ReportTableLayout.appeals(report.appeals.table))
        html += narrative(report.problems, number: 5)
        html += narrative(report.otherMatters, number: 6)
        return html + "</article>\n"
    }

    static func esc(_ s: String) -> String { MarkupEscaping.escape(s) }

    /// The title lines as `<h1>`; a report without title lines gets a generated heading (never an empty one),
    /// marked so that the reader leaves it out.
    static func titleHeading(_ report: AnnualReport, fallback: String) -> String {
        guard !report.title.isEmpty else { return "<h1 data-generated=\"true\">\(esc(fallback))</h1>" }
        return "<h1>" + report.title.map { "<span class=\"gk-line\">\(line($0))</span>" }.joined(separator: "<br>") + "</h1>"
    }
    static func line(_ s: String) -> String { MarkupEscaping.escape(s, preserveSpaces: true) }

    static func paragraphs(_ lines: [String]) -> String {
        lines.map { "<p class=\"gk-line\">\(line($0))</p>\n" }.joined()
    }

    static func heading(_ text: String, number: Int) -> String {
        "<h2 id=\"gk-section-\(number)\" data-section=\"\(number)\">\(line(text))</h2>\n"
    }

    static func narrative(_ section: NarrativeSection, number: Int) -> String {
        "<section aria-labelledby=\"gk-section-\(number)\">\n" + heading(section.heading, number: number)
            + paragraphs(section.text) + "</section>\n"
    }

    static func tableSection(_ title: String, number: Int, before: [String], after: [String], table: LayoutTable) -> String {
        "<section aria-labelledby=\"gk-section-\(number)\">\n" + heading(title, number: number) + paragraphs(before)
            + render(table, id: "gk-table-\(number)") + paragraphs(after) + "</section>\n"
    }

    /// One table inside a focusable, horizontally scrollable region (narrow screens).
    static func render(_ table: LayoutTable, id: String) -> String {
        var out = "<div class=\"gk-table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"\(id)-caption\">\n"
        out += "<table id=\"\(id)\" class=\"gk-table gk-cols-\(table.columnCount)\">\n"
        out += "<caption id=\"\(id)-caption\">\(esc(table.caption))</caption>\n<colgroup>"
        out += table.columnWidths.map { "<col style=\"width:\($0)%\">" }.joined() + "</colgroup>\n"
        if table.headerRowCount > 0 {
            out += "<thead>\n" + table.rows[..<table.headerRowCount].map(row).joined() + "</thead>\n"
        }
        out += "<tbody>\n" + table.rows[table.headerRowCount...].map(row).joined() + "</tbody>\n</table>\n</div>\n"
        return out
    }

    static func row(_ cells: [LayoutCell]) -> String {
        "<tr>" + cells.map(cell).joined() + "</tr>\n"
    }

    static func cell(_ c: LayoutCell) -> String {
        var attributes = ""
        if c.rowSpan > 1 { attributes += " rowspan=\"\(c.rowSpan)\"" }
        if c.colSpan > 1 { attributes += " colspan=\"\(c.colSpan)\"" }
        let text = line(c.text)
        switch c.role {
        case .data: return "<td\(attributes)>\(text)</td>"
        case .note: return "<td\(attributes) class=\"gk-note\">\(text)</td>"
        case .columnHeader: return "<th scope=\"col\"\(attributes)>\(text)</th>"
        case .columnGroupHeader: return "<th scope=\"colgroup\"\(attributes)>\(text)</th>"
        case .rowHeader: return "<th scope=\"row\"\(attributes)>\(text)</th>"
        case .rowGroupHeader: return "<th scope=\"rowgroup\"\(attributes)>\(text)</th>"
        case .blockTitle: return "<th scope=\"colgroup\"\(attributes) class=\"gk-block\">\(text)</th>"
        }
    }
}
