import GongkaiCore

/// Renders a report model as plain text in the layout of the seed report (a Word table saved as text: each
/// cell on its own tab-indented line, a blank line after each table row).
///
/// The writer works from the model only. Reading the seed and writing it back gives the seed line for line,
/// apart from white space inside a line and the `[bookmark: _GoBack]` artefact (see README).
///
/// ```swift
/// let text = TextReportWriter.render(report)
/// ```
public enum TextReportWriter {
    public static func render(_ report: AnnualReport) -> String {
        var lines: [String] = report.title + report.preamble
        lines += narrative(report.overview)
        lines.append(report.proactive.heading)
        lines += report.proactive.textBefore + ProactiveLayout.lines(report.proactive) + [""] + report.proactive.textAfter
        lines.append(report.applications.heading)
        lines += report.applications.textBefore + ApplicationLayout.lines(report.applications.table) + [""]
        lines += report.applications.textAfter
        lines.append(report.appeals.heading)
        lines += report.appeals.textBefore + AppealsLayout.lines(report.appeals.table) + [""] + report.appeals.textAfter
        lines += narrative(report.problems) + narrative(report.otherMatters)
        return lines.joined(separator: "\n") + "\n"
    }

    static func narrative(_ s: NarrativeSection) -> [String] { [s.heading] + s.text }

    /// One table row: each cell on its own line after a tab, then a blank line.
    static func block(_ cells: [String]) -> [String] { cells.map { "\t" + $0 } + [""] }

    /// How a cell is written: numbers as written in reports, blank as nothing, placeholders as they were.
    static func text(_ cell: Cell, signed: Bool = false) -> String {
        if signed, let n = cell.number, n.units > 0 { return "＋" + n.description }
        return cell.description
    }
}

/// Section II in the seed's layout: a block per 第二十条第（X）项, its header row, then its rows.
enum ProactiveLayout {
    static func lines(_ s: ProactiveSection) -> [String] {
        var out: [String] = []
        var currentItem = ""
        for row in s.rows {
            if row.article20Item != currentItem {
                currentItem = row.article20Item
                out += TextReportWriter.block(["第二十条第\(currentItem)项"])
                out += TextReportWriter.block(["信息内容"] + row.columns(in: s.format).map { header($0, s) })
            }
            out += TextReportWriter.block(labels(row, s) + values(row, s))
        }
        return out
    }

    static func values(_ row: ProactiveRow, _ s: ProactiveSection) -> [String] {
        row.columns(in: s.format).map { TextReportWriter.text(s[row, $0], signed: $0 == .itemChange) }
    }

    /// Beijing's two rows stand under a merged 其他对外管理服务事项 cell: named on the first, empty on the second.
    static func labels(_ row: ProactiveRow, _ s: ProactiveSection) -> [String] {
        switch row {
        case .inspection: return ["其他对外管理服务事项", row.label(in: s.format)]
        case .confirmation: return ["", row.label(in: s.format)]
        default: return [row.label(in: s.format)]
        }
    }

    static func header(_ column: ProactiveColumn, _ s: ProactiveSection) -> String {
        guard column == .procurementAmount else { return column.label }
        switch s.amountUnit {
        case .tenThousandYuan: return s.variant == .beijing ? "采购总金额（万元，保留四位小数）" : "采购总金额（万元）"
        case .yuan: return "采购总金额（元）"
        case nil: return column.label
        }
    }
}

/// Section III in the seed's layout, with the merged group cells written where Word put them.
enum ApplicationLayout {
    static let header: [String] =
        ["\t（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "\t申请人情况", ""]
        + TextReportWriter.block(["", "自然人", "法人或其他组织", "总计"])
        + TextReportWriter.block(["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])

    static func lines(_ t: ApplicationTable) -> [String] {
        var out = header
        for row in t.rows {
            let cells = t.row(row).map { TextReportWriter.text($0) }
            out += labelLines(row) + cells.map { "\t" + $0 } + [""]
        }
        return out
    }

    /// The label lines before a row's seven cells. Group names wrap as in the seed ("（三）不予" / "公开").
    static func labelLines(_ row: ApplicationRow) -> [String] {
        switch row {
        case .new, .carriedOver, .carriedForward: return ["\t" + row.label]
        case .granted: return ["\t三、本年度办理结果", "\t" + row.label]
        case .withheld(1): return ["\t", "\t（三）不予", "公开", "\t" + row.label]
        case .unavailable(1): return ["\t", "\t（四）无法", "提供", "\t" + row.label]
        case .notProcessed(1): return ["\t", "\t（五）不予", "处理", "\t" + row.label]
        case .otherSub(1): return ["\t", "\t（六）其他处理", "\t" + row.label]
        case .withheld, .unavailable, .notProcessed, .otherSub: return ["\t", "\t", "\t" + row.label]
        case .partiallyGranted, .other, .total: return ["\t", "\t" + row.label]
        }
    }
}

/// Section IV in the seed's layout: two header rows, then the 15 cells.
enum AppealsLayout {
    static let header: [String] =
        TextReportWriter.block(["行政复议", "行政诉讼"])
        + ["\t结", "果", "维", "持", "\t结果纠正", "\t其他结果", "\t尚未审结", "\t总 计", "\t未经复议直接起诉", "\t复议后起诉", ""]
        + TextReportWriter.block(Array(repeating: "", count: 5) + Array(repeating: AppealsResult.allCases.map(\.label), count: 2).flatMap { $0 })

    static func lines(_ t: AppealsTable) -> [String] {
        header + TextReportWriter.block(t.cells.map { TextReportWriter.text($0) })
    }
}
