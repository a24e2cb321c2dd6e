/// The checks of report section III (format reference §6.1 rules 1–6).
///
/// A cell that is the result of an identity (the 总计 column, the （七）总计 row, 四's applicant columns) and is
/// left blank is not a wrong total: the identity reports it as a blank to fill (`blankTotal`, a warning, with the
/// sum it should hold), or as an ordinary blank (`blankCell`) when that sum is 0, and the other identities use the
/// sum in its place. Errors are kept for results that are written and wrong.
enum ApplicationTableRules {
    static func check(_ t: ApplicationTable, into out: inout FindingList) {
        cellRules(t, into: &out)
        let v = Values(t)
        rowTotals(t, v, into: &out)
        outcomeSums(t, v, into: &out)
        balance(t, v, into: &out)
    }

    /// Whether a blank cell is the result of an identity, and so reported by it rather than by rule 6.
    static func isResult(_ row: ApplicationRow, _ col: ApplicantColumn) -> Bool {
        col == .total || row == .total || row == .carriedForward
    }

    /// Rules 4 and 6: each cell a non-negative integer; blank cells counted as 0 with a warning.
    static func cellRules(_ t: ApplicationTable, into out: inout FindingList) {
        for row in t.rows {
            for col in ApplicantColumn.allCases {
                let cell = t[row, col]
                if !cell.isNumber && isResult(row, col) { continue }
                checkCountCell(
                    cell, at: ReportLocation(section: 3, row: row.displayName, column: col.label),
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

    /// The result cell `cell` of an identity is blank (or a placeholder) and the identity gives `sum`: a blank to
    /// fill when the sum is not 0, an ordinary blank cell when it is.
    static func blankResult(
        _ cell: Cell, sum: Int, at loc: ReportLocation, what: String, into out: inout FindingList
    ) {
        guard sum != 0 else { return checkBlank(cell, at: loc, into: &out) }
        let shown = cell.description.isEmpty ? "空白" : "「\(cell.description)」"
        out.append(
            ReportRule.blankTotal.finding(
                loc, "\(what)为\(shown)，未填写；按勾稽关系应填 \(sum)", expected: "\(sum)", found: cell.description))
    }

    /// An identity whose sum cannot be represented in a 64-bit integer: an error naming where.
    static func overflowFinding(_ loc: ReportLocation) -> Finding {
        ReportRule.sumOverflow.finding(
            loc, "数值过大，合计超出可计算的范围（单元格不应超过 \(InputLimits.standard.maxCellValue)）",
            expected: "≤ \(InputLimits.standard.maxCellValue)", found: "溢出")
    }

    static func overflow(at loc: ReportLocation, into out: inout FindingList) { out.append(overflowFinding(loc)) }

    /// Rule 3: in every row, 总计 = the sum of the six applicant kinds.
    static func rowTotals(_ t: ApplicationTable, _ v: Values, into out: inout FindingList) {
        for row in t.rows {
            let loc = { ReportLocation(section: 3, row: row.displayName, column: "总计") }
            guard let sum = v.rowSum(row) else {
                overflow(at: loc(), into: &out)
                continue
            }
            let cell = t[row, .total]
            if !cell.isNumber {
                blankResult(cell, sum: sum, at: loc(), what: "总计", into: &out)
                continue
            }
            let total = v[row, .total]
            guard sum != total else { continue }
            out.append(
                ReportRule.rowTotal.finding(
                    loc(), "总计应等于六类申请人之和：应为 \(sum)，实为 \(v.shown(row, .total))", expected: "\(sum)",
                    found: "\(total)"))
        }
    }

    /// Rule 2: in every column, （七）总计 = the sum of the outcome rows (（六） as one row or three sub-rows).
    static func outcomeSums(_ t: ApplicationTable, _ v: Values, into out: inout FindingList) {
        let outcomes = ApplicationRow.outcomeRows(for: t.format)
        for col in ApplicantColumn.allCases {
            let loc = { ReportLocation(section: 3, row: ApplicationRow.total.label, column: col.label) }
            guard let sum = v.columnSum(outcomes, col) else {
                overflow(at: loc(), into: &out)
                continue
            }
            let cell = t[.total, col]
            if !cell.isNumber {
                // a blank （七）总计 in the 总计 column is the row identity's to report (from the row's own parts)
                if col != .total { blankResult(cell, sum: sum, at: loc(), what: "（七）总计", into: &out) }
                continue
            }
            let total = v[.total, col]
            guard sum != total else { continue }
            out.append(
                ReportRule.outcomeSum.finding(
                    loc(), "（七）总计应等于（一）至（六）各项之和：应为 \(sum)，实为 \(total)", expected: "\(sum)",
                    found: "\(total)"))
        }
    }

    /// Rules 1 and 5: in every column, 一＋二＝三（七）＋四. When one side of the right exceeds the left on its
    /// own (rule 5), that more precise finding is given instead of the plain imbalance. A blank 四 in an applicant
    /// column is the blank to fill with 一＋二－三（七）.
    static func balance(_ t: ApplicationTable, _ v: Values, into out: inout FindingList) {
        for col in ApplicantColumn.allCases {
            let answered = v[.total, col], forward = v[.carriedForward, col]
            guard let b = ApplicationIdentity.balance(
                new: v[.new, col], carriedOver: v[.carriedOver, col], answered: answered, carriedForward: forward)
            else {
                overflow(at: ReportLocation(section: 3, column: col.label), into: &out)
                continue
            }
            let forwardCell = t[.carriedForward, col]
            if !forwardCell.isNumber && col != .total {
                // filled with 一＋二－三（七） when that is positive; otherwise an ordinary blank, and the imbalance stays
                let loc = ReportLocation(section: 3, row: ApplicationRow.carriedForward.label, column: col.label)
                blankResult(forwardCell, sum: b.holds ? forward : 0, at: loc, what: "结转下年度", into: &out)
            }
            guard !b.holds else { continue }
            var bounded = false
            let sides = [(ApplicationRow.total, answered), (.carriedForward, forward)]
            for (row, value) in sides where value > b.received {
                bounded = true
                out.append(
                    ReportRule.bound.finding(
                        ReportLocation(section: 3, row: row.label, column: col.label),
                        "\(row.label)不能超过一＋二（\(b.received)）：实为 \(value)", expected: "≤ \(b.received)",
                        found: "\(value)"))
            }
            if !bounded {
                out.append(
                    ReportRule.balance.finding(
                        ReportLocation(section: 3, column: col.label),
                        "一＋二应等于三（七）＋四：一＋二为 \(b.received)，三（七）＋四为 \(b.settled)",
                        expected: "\(b.received)", found: "\(b.settled)"))
            }
        }
    }

    /// The table's counts with each blank result cell replaced by the sum its identity gives (so that a blank
    /// total does not break the identities it takes part in); blank parts count as 0.
    struct Values {
        let format: ReportFormat
        private var counts: [Int]
        private var filled: [Bool]

        init(_ t: ApplicationTable) {
            format = t.format
            let rows = t.rows
            counts = []
            counts.reserveCapacity(rows.count * 7)
            filled = Array(repeating: false, count: rows.count * 7)
            for row in rows {
                for col in ApplicantColumn.allCases { counts.append(t[row, col].countOrZero) }
            }
            // Row totals of the outcome rows; the （七） row's applicant columns from the outcome rows; 四 from
            // the balance; then the row totals of （七）, 一, 二 and 四, each from its own row.
            let outcomes = ApplicationRow.outcomeRows(for: format)
            for row in outcomes where !t[row, .total].isNumber { fillRowTotal(row) }
            for col in ApplicantColumn.applicantKinds where !t[.total, col].isNumber {
                fill(.total, col, columnSum(outcomes, col))
            }
            for col in ApplicantColumn.applicantKinds where !t[.carriedForward, col].isNumber {
                guard let b = ApplicationIdentity.balance(
                    new: self[.new, col], carriedOver: self[.carriedOver, col], answered: self[.total, col],
                    carriedForward: 0), b.received > b.settled
                else { continue }
                fill(.carriedForward, col, b.received - b.settled)
            }
            for row in [ApplicationRow.total, .new, .carriedOver, .carriedForward] where !t[row, .total].isNumber {
                fillRowTotal(row)
            }
        }

        private mutating func fillRowTotal(_ row: ApplicationRow) {
            fill(row, .total, rowSum(row))
        }

        /// The sum of the six applicant kinds in `row`, nil on overflow.
        func rowSum(_ row: ApplicationRow) -> Int? {
            var s = CheckedSum()
            for col in ApplicantColumn.applicantKinds { s.add(self[row, col]) }
            return s.value
        }

        /// The sum of `rows` in `col`, nil on overflow.
        func columnSum(_ rows: [ApplicationRow], _ col: ApplicantColumn) -> Int? {
            var s = CheckedSum()
            for row in rows { s.add(self[row, col]) }
            return s.value
        }

        private mutating func fill(_ row: ApplicationRow, _ col: ApplicantColumn, _ v: Int?) {
            guard let v, let p = row.position(in: format) else { return }
            counts[p * 7 + col.rawValue] = v
            filled[p * 7 + col.rawValue] = true
        }

        subscript(row: ApplicationRow, col: ApplicantColumn) -> Int {
            guard let p = row.position(in: format) else { return 0 }
            return counts[p * 7 + col.rawValue]
        }

        /// The value as a message shows it: a filled-in blank says so.
        func shown(_ row: ApplicationRow, _ col: ApplicantColumn) -> String {
            guard let p = row.position(in: format), filled[p * 7 + col.rawValue] else { return "\(self[row, col])" }
            return "空白（按勾稽关系计为 \(self[row, col])）"
        }
    }
}

/// The checks of report section IV (format reference §6.1 rules 8–11).
enum AppealsTableRules {
    static func check(_ t: AppealsTable, into out: inout FindingList) {
        for g in AppealsGroup.allCases {
            for r in AppealsResult.allCases where t[g, r].isNumber || r != .total {
                ApplicationTableRules.checkCountCell(
                    t[g, r], at: ReportLocation(section: 4, row: g.label, column: r.label), rule: .appealsCell,
                    into: &out)
            }
            let loc = { ReportLocation(section: 4, row: g.label, column: "总计") }
            guard let sum = ApplicationIdentity.sum(AppealsResult.allCases.dropLast().lazy.map { t[g, $0].countOrZero })
            else {
                ApplicationTableRules.overflow(at: loc(), into: &out)
                continue
            }
            if !t[g, .total].isNumber {
                ApplicationTableRules.blankResult(t[g, .total], sum: sum, at: loc(), what: "\(g.label)总计", into: &out)
                continue
            }
            let total = t[g, .total].countOrZero
            if sum != total {
                let rules: [ReportRule] = [.reconsiderationTotal, .directLitigationTotal, .afterReconsiderationTotal]
                let rule = rules[g.rawValue]
                out.append(
                    rule.finding(
                        loc(), "\(g.label)总计应等于结果维持、结果纠正、其他结果、尚未审结之和：应为 \(sum)，实为 \(total)",
                        expected: "\(sum)", found: "\(total)"))
            }
        }
    }
}
