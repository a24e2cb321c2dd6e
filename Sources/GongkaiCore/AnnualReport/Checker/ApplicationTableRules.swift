/// The checks of report section III (format reference §6.1 rules 1–6).
///
/// Each check appends its findings to the checker's list; locations and messages are made only for a finding.
enum ApplicationTableRules {
    static func check(_ t: ApplicationTable, into out: inout FindingList) {
        cellRules(t, into: &out)
        rowTotals(t, into: &out)
        outcomeSums(t, into: &out)
        balance(t, into: &out)
    }

    /// Rules 4 and 6: each cell a non-negative integer; blank cells counted as 0 with a warning.
    static func cellRules(_ t: ApplicationTable, into out: inout FindingList) {
        for row in t.rows {
            for col in ApplicantColumn.allCases {
                checkCountCell(
                    t[row, col], at: ReportLocation(section: 3, row: row.displayName, column: col.label),
                    rule: .countCell, into: &out)
            }
        }
    }

    /// A cell that must hold a count: blank or placeholder → a warning (counted as 0); a fraction or a negative
    /// number → `rule`, an error.
    /// The location is built only for a finding: most cells have none.
    static func checkCountCell(
        _ cell: Cell, at loc: @autoclosure () -> ReportLocation, rule: ReportRule, into out: inout FindingList
    ) {
        guard let n = cell.number else { return checkBlank(cell, at: loc(), into: &out) }
        guard n.integer == nil || n.isNegative else { return }
        out.append(rule.finding(loc(), "应为非负整数，实为 \(n)", expected: "非负整数", found: n.description))
    }

    /// Rule 6: a blank or placeholder cell is counted as 0 and reported as a warning.
    static func checkBlank(_ cell: Cell, at loc: @autoclosure () -> ReportLocation, into out: inout FindingList) {
        switch cell {
        case .blank: out.append(ReportRule.blankCell.finding(loc(), "空白单元格，按 0 计", expected: "0", found: "空白"))
        case .placeholder(let p):
            out.append(ReportRule.blankCell.finding(loc(), "单元格填的是「\(p)」，按 0 计", expected: "0", found: p))
        case .number: break
        }
    }

    /// Rule 3: in every row, 总计 = the sum of the six applicant kinds.
    static func rowTotals(_ t: ApplicationTable, into out: inout FindingList) {
        for row in t.rows {
            let sum = ApplicantColumn.applicantKinds.reduce(0) { $0 + t[row, $1].countOrZero }
            let total = t[row, .total].countOrZero
            guard sum != total else { continue }
            out.append(
                ReportRule.rowTotal.finding(
                    ReportLocation(section: 3, row: row.displayName, column: "总计"),
                    "总计应等于六类申请人之和：应为 \(sum)，实为 \(total)", expected: "\(sum)", found: "\(total)"))
        }
    }

    /// Rule 2: in every column, （七）总计 = the sum of the outcome rows (（六） as one row or three sub-rows).
    static func outcomeSums(_ t: ApplicationTable, into out: inout FindingList) {
        let outcomes = ApplicationRow.outcomeRows(for: t.format)
        for col in ApplicantColumn.allCases {
            let sum = outcomes.reduce(0) { $0 + t[$1, col].countOrZero }
            let total = t[.total, col].countOrZero
            guard sum != total else { continue }
            out.append(
                ReportRule.outcomeSum.finding(
                    ReportLocation(section: 3, row: ApplicationRow.total.label, column: col.label),
                    "（七）总计应等于（一）至（六）各项之和：应为 \(sum)，实为 \(total)", expected: "\(sum)", found: "\(total)"))
        }
    }

    /// Rules 1 and 5: in every column, 一＋二＝三（七）＋四. When one side of the right exceeds the left on its
    /// own (rule 5), that more precise finding is given instead of the plain imbalance.
    static func balance(_ t: ApplicationTable, into out: inout FindingList) {
        for col in ApplicantColumn.allCases {
            let received = t[.new, col].countOrZero + t[.carriedOver, col].countOrZero
            let answered = t[.total, col].countOrZero
            let forward = t[.carriedForward, col].countOrZero
            guard received != answered + forward else { continue }
            var bounded = false
            for (row, value) in [(ApplicationRow.total, answered), (.carriedForward, forward)] where value > received {
                bounded = true
                out.append(
                    ReportRule.bound.finding(
                        ReportLocation(section: 3, row: row.label, column: col.label),
                        "\(row.label)不能超过一＋二（\(received)）：实为 \(value)", expected: "≤ \(received)", found: "\(value)"))
            }
            if !bounded {
                out.append(
                    ReportRule.balance.finding(
                        ReportLocation(section: 3, column: col.label),
                        "一＋二应等于三（七）＋四：一＋二为 \(received)，三（七）＋四为 \(answered + forward)",
                        expected: "\(received)", found: "\(answered + forward)"))
            }
        }
    }
}

/// The checks of report section IV (format reference §6.1 rules 8–11).
enum AppealsTableRules {
    static func check(_ t: AppealsTable, into out: inout FindingList) {
        for g in AppealsGroup.allCases {
            for r in AppealsResult.allCases {
                ApplicationTableRules.checkCountCell(
                    t[g, r], at: ReportLocation(section: 4, row: g.label, column: r.label), rule: .appealsCell, into: &out)
            }
            let sum = AppealsResult.allCases.dropLast().reduce(0) { $0 + t[g, $1].countOrZero }
            let total = t[g, .total].countOrZero
            if sum != total {
                let rule: ReportRule = [.reconsiderationTotal, .directLitigationTotal, .afterReconsiderationTotal][g.rawValue]
                out.append(
                    rule.finding(
                        ReportLocation(section: 4, row: g.label, column: "总计"),
                        "\(g.label)总计应等于结果维持、结果纠正、其他结果、尚未审结之和：应为 \(sum)，实为 \(total)",
                        expected: "\(sum)", found: "\(total)"))
            }
        }
    }
}
