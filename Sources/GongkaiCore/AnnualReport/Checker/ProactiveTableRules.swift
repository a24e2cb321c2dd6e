/// The checks of report section II (format reference §6.1 rules 12–17).
///
/// Each check appends its findings to the checker's list; a row's cells and columns are looked up once per row.
enum ProactiveTableRules {
    static func check(_ s: ProactiveSection, into out: inout FindingList) {
        for row in s.rows {
            let cells = s.cells[row]
            for (i, col) in row.columns(in: s.format).enumerated() {
                checkCell(cells?[i] ?? .blank, row: row, column: col, format: s.format, into: &out)
            }
        }
        publishedTotals(s, into: &out)
        itemCounts(s, into: &out)
        if s.format == .v2019, s.amountUnit == nil, let amount = s[.procurement, .procurementAmount].number,
            amount.units != 0
        {
            out.append(
                ReportRule.amountUnit.finding(
                    ReportLocation(section: 2, row: "政府集中采购", column: "采购总金额"),
                    "采购总金额没有注明单位（元或万元）", expected: "元或万元", found: amount.description))
        }
    }

    /// Rules 12 and 14: counts are non-negative integers, 本年增/减 an integer, amounts non-negative.
    static func checkCell(
        _ cell: Cell, row: ProactiveRow, column: ProactiveColumn, format: ReportFormat, into out: inout FindingList
    ) {
        let loc = { ReportLocation(section: 2, row: row.label(in: format), column: column.label) }
        guard let n = cell.number else { return ApplicationTableRules.checkBlank(cell, at: loc(), into: &out) }
        if !column.isAmount && n.integer == nil {
            out.append(ReportRule.proactiveCell.finding(loc(), "应为整数，实为 \(n)", expected: "整数", found: n.description))
        } else if !column.allowsNegative && n.isNegative {
            out.append(ReportRule.proactiveCell.finding(loc(), "不能为负数，实为 \(n)", expected: "≥ 0", found: n.description))
        }
    }

    /// The integer in a row's cell, 0 for anything else.
    private static func integer(_ s: ProactiveSection, _ row: ProactiveRow, _ column: ProactiveColumn) -> Int {
        s[row, column].number?.integer ?? 0
    }

    /// Rule 15 (2019 format): 对外公开总数量 ≥ 本年新公开数量.
    static func publishedTotals(_ s: ProactiveSection, into out: inout FindingList) {
        guard s.format == .v2019 else { return }
        for row in s.rows where row.columns(in: s.format).contains(.publishedTotal) {
            let published = integer(s, row, .newlyPublished)
            let total = integer(s, row, .publishedTotal)
            guard total < published else { continue }
            out.append(
                ReportRule.publishedTotal.finding(
                    ReportLocation(section: 2, row: row.label(in: s.format), column: "对外公开总数量"),
                    "对外公开总数量不应小于本年新公开数量（\(published)）：实为 \(total)", expected: "≥ \(published)",
                    found: "\(total)"))
        }
    }

    /// Rule 16 (2019 format): 上一年项目数量 + 本年增/减 ≥ 0.
    static func itemCounts(_ s: ProactiveSection, into out: inout FindingList) {
        guard s.format == .v2019 else { return }
        for row in s.rows where row.columns(in: s.format).contains(.itemChange) {
            let previous = integer(s, row, .previousYearItems)
            let change = integer(s, row, .itemChange)
            let (items, overflow) = previous.addingReportingOverflow(change)
            if overflow {
                ApplicationTableRules.overflow(
                    at: ReportLocation(section: 2, row: row.label(in: s.format), column: "本年增/减"), into: &out)
                continue
            }
            guard items < 0 else { continue }
            out.append(
                ReportRule.itemsNonNegative.finding(
                    ReportLocation(section: 2, row: row.label(in: s.format), column: "本年增/减"),
                    "上一年项目数量（\(previous)）加本年增/减（\(change)）后为负数",
                    expected: "≥ " + (previous > 0 ? "-\(previous)" : "\(previous.magnitude)"), found: "\(change)"))
        }
    }
}
