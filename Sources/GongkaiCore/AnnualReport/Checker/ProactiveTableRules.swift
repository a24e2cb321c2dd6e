/// The checks of report section II (format reference §6.1 rules 12–17).
enum ProactiveTableRules {
    static func check(_ s: ProactiveSection) -> [Finding] {
        var out: [Finding] = []
        for row in s.rows {
            for col in row.columns(in: s.format) {
                if let f = cellFinding(s[row, col], row: row, column: col, format: s.format) { out.append(f) }
            }
        }
        out += publishedTotals(s) + itemCounts(s)
        if s.format == .v2019, s.amountUnit == nil, let amount = s[.procurement, .procurementAmount].number,
            amount.units != 0
        {
            out.append(
                ReportRule.amountUnit.finding(
                    ReportLocation(section: 2, row: "政府集中采购", column: "采购总金额"),
                    "采购总金额没有注明单位（元或万元）", expected: "元或万元", found: amount.description))
        }
        return out
    }

    /// Rules 12 and 14: counts are non-negative integers, 本年增/减 an integer, amounts non-negative.
    static func cellFinding(_ cell: Cell, row: ProactiveRow, column: ProactiveColumn, format: ReportFormat) -> Finding? {
        let loc = { ReportLocation(section: 2, row: row.label(in: format), column: column.label) }
        guard let n = cell.number else { return ApplicationTableRules.blankFinding(cell, at: loc()) }
        if !column.isAmount && n.integer == nil {
            return ReportRule.proactiveCell.finding(loc(), "应为整数，实为 \(n)", expected: "整数", found: n.description)
        }
        if !column.allowsNegative && n.isNegative {
            return ReportRule.proactiveCell.finding(loc(), "不能为负数，实为 \(n)", expected: "≥ 0", found: n.description)
        }
        return nil
    }

    /// Rule 15 (2019 format): 对外公开总数量 ≥ 本年新公开数量.
    static func publishedTotals(_ s: ProactiveSection) -> [Finding] {
        guard s.format == .v2019 else { return [] }
        return s.rows.filter { $0.columns(in: s.format).contains(.publishedTotal) }.compactMap { row in
            let published = s[row, .newlyPublished].number?.integer ?? 0
            let total = s[row, .publishedTotal].number?.integer ?? 0
            guard total < published else { return nil }
            return ReportRule.publishedTotal.finding(
                ReportLocation(section: 2, row: row.label(in: s.format), column: "对外公开总数量"),
                "对外公开总数量不应小于本年新公开数量（\(published)）：实为 \(total)", expected: "≥ \(published)", found: "\(total)")
        }
    }

    /// Rule 16 (2019 format): 上一年项目数量 + 本年增/减 ≥ 0.
    static func itemCounts(_ s: ProactiveSection) -> [Finding] {
        guard s.format == .v2019 else { return [] }
        return s.rows.filter { $0.columns(in: s.format).contains(.itemChange) }.compactMap { row in
            let previous = s[row, .previousYearItems].number?.integer ?? 0
            let change = s[row, .itemChange].number?.integer ?? 0
            guard previous + change < 0 else { return nil }
            return ReportRule.itemsNonNegative.finding(
                ReportLocation(section: 2, row: row.label(in: s.format), column: "本年增/减"),
                "上一年项目数量（\(previous)）加本年增/减（\(change)）后为负数", expected: "≥ \(-previous)", found: "\(change)")
        }
    }
}
