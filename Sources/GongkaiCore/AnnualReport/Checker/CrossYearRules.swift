/// The checks between two consecutive reports of one agency (format reference §6.2).
enum CrossYearRules {
    static func check(previous p: AnnualReport, current c: AnnualReport) -> [Finding] {
        // years come from files: compared without overflow (a year of Int.max has no next year)
        let next = p.year.addingReportingOverflow(1)
        guard p.agency == c.agency, !next.overflow, next.partialValue == c.year else {
            return [
                ReportRule.crossPair.finding(
                    ReportLocation(),
                    "跨年度检查需要同一机关相邻两年的报告：收到的是「\(p.agency)」\(p.year)年和「\(c.agency)」\(c.year)年",
                    expected: "\(p.agency) \(next.overflow ? "—" : "\(next.partialValue)")",
                    found: "\(c.agency) \(c.year)")
            ]
        }
        return carryOver(p, c) + proactive(p, c) + pendingAppeals(p, c)
    }

    /// Rule 21: this year's 上年结转 equals last year's 结转下年度继续办理, column by column; the 总计 column is
    /// strict, the applicant columns a warning (an applicant may be re-classified across years).
    static func carryOver(_ p: AnnualReport, _ c: AnnualReport) -> [Finding] {
        ApplicantColumn.allCases.compactMap { col in
            let before = p.applications.table[.carriedForward, col].countOrZero
            let now = c.applications.table[.carriedOver, col].countOrZero
            guard before != now else { return nil }
            let rule: ReportRule = col == .total ? .crossCarryOver : .crossCarryOverColumn
            return rule.finding(
                ReportLocation(section: 3, row: ApplicationRow.carriedOver.label, column: col.label),
                "\(c.year)年上年结转应等于\(p.year)年结转下年度继续办理（\(before)）：实为 \(now)",
                expected: "\(before)", found: "\(now)")
        }
    }

    static func proactive(_ p: AnnualReport, _ c: AnnualReport) -> [Finding] {
        let ps = p.proactive, cs = c.proactive
        var out: [Finding] = []
        for row in cs.rows where ps.rows.contains(row) {
            let name = row.label(in: cs.format)
            func value(_ s: ProactiveSection, _ col: ProactiveColumn) -> Int { s[row, col].number?.integer ?? 0 }
            switch (ps.format, cs.format) {
            case (.v2021, .v2021) where row.columns(in: .v2021).contains(.inForce):
                out += inForce(
                    value(ps, .inForce), value(cs, .issued), value(cs, .abolished), value(cs, .inForce), name)
            case (.v2019, .v2019) where row.columns(in: .v2019).contains(.itemChange):
                let (expected, overflow) = value(ps, .previousYearItems).addingReportingOverflow(value(ps, .itemChange))
                let loc = ReportLocation(section: 2, row: name, column: "上一年项目数量")
                if overflow {
                    out.append(ApplicationTableRules.overflowFinding(loc))
                } else if expected != value(cs, .previousYearItems) {
                    out.append(ReportRule.crossItems.finding(
                        loc, "应等于\(p.year)年上一年项目数量＋本年增/减（\(expected)）：实为 \(value(cs, .previousYearItems))",
                        expected: "\(expected)", found: "\(value(cs, .previousYearItems))"))
                }
            case (.v2019, .v2019) where row.columns(in: .v2019).contains(.publishedTotal):
                if value(cs, .publishedTotal) < value(ps, .publishedTotal) {
                    out.append(ReportRule.crossPublishedTotal.finding(
                        ReportLocation(section: 2, row: name, column: "对外公开总数量"),
                        "对外公开总数量比\(p.year)年（\(value(ps, .publishedTotal))）少，如有清理或撤除请说明",
                        expected: "≥ \(value(ps, .publishedTotal))", found: "\(value(cs, .publishedTotal))"))
                }
            default:
                break
            }
        }
        return out
    }

    /// Rules 22 and 13 (2021 format): 现行有效 ≈ last year's ＋ 制发 － 废止; 废止 ≤ last year's ＋ 制发.
    static func inForce(_ before: Int, _ issued: Int, _ abolished: Int, _ now: Int, _ name: String) -> [Finding] {
        let (bound, o1) = before.addingReportingOverflow(issued)
        let (expected, o2) = bound.subtractingReportingOverflow(abolished)
        guard !o1 && !o2 else {
            return [ApplicationTableRules.overflowFinding(ReportLocation(section: 2, row: name, column: "现行有效件数"))]
        }
        var out: [Finding] = []
        if expected != now {
            out.append(ReportRule.crossInForce.finding(
                ReportLocation(section: 2, row: name, column: "现行有效件数"),
                "上年现行有效件数＋本年制发－本年废止为 \(expected)，表中为 \(now)（制发含修改时可以不等）",
                expected: "\(expected)", found: "\(now)"))
        }
        if abolished > bound {
            out.append(ReportRule.crossAbolished.finding(
                ReportLocation(section: 2, row: name, column: "本年废止件数"),
                "本年废止件数不应大于上年现行有效件数＋本年制发件数（\(bound)）", expected: "≤ \(bound)", found: "\(abolished)"))
        }
        return out
    }

    /// Rule 25: cases pending at the end of Y−1 should reappear in Y's table with some result.
    static func pendingAppeals(_ p: AnnualReport, _ c: AnnualReport) -> [Finding] {
        AppealsGroup.allCases.compactMap { g in
            let pending = p.appeals.table[g, .pending].countOrZero
            let total = c.appeals.table[g, .total].countOrZero
            guard pending > total else { return nil }
            return ReportRule.crossPendingAppeals.finding(
                ReportLocation(section: 4, row: g.label, column: "总计"),
                "\(p.year)年尚未审结 \(pending) 件，\(c.year)年总计只有 \(total) 件", expected: "≥ \(pending)", found: "\(total)")
        }
    }
}
