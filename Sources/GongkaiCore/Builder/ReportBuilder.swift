/// 年报生成 — builds report sections III and IV of one agency's annual report from its case facts.
///
/// Pass every case that might touch the year (received in it, or carried in from before); `ReportPeriod`
/// decides which rows each adds to. Every cell is a count, 总计 columns and rows are sums, so the report satisfies
/// the format's identities by construction.
///
/// ```swift
/// let report = ReportBuilder(agency: "某区应急管理局", year: 2024).build(applications: cases, appeals: appeals)
/// report.applications.table[.new, .total]
/// ```
public struct ReportBuilder: Sendable {
    public var agency: String
    public var year: Int
    public var format: ReportFormat
    public var variant: RegionalVariant

    public init(agency: String, year: Int, format: ReportFormat? = nil, variant: RegionalVariant = .national) {
        self.agency = agency
        self.year = year
        self.format = format ?? ReportFormat.official(forYear: year)
        self.variant = variant
    }

    public var period: ReportPeriod { ReportPeriod(year: year) }

    /// A report with sections III and IV filled; the other sections are left empty.
    public func build(applications: [ApplicationCase], appeals: [AppealCase] = []) -> AnnualReport {
        var report = AnnualReport(agency: agency, year: year, format: format, variant: variant)
        report.applications.table = applicationTable(applications)
        report.appeals.table = appealsTable(appeals)
        return report
    }

    /// Section III: each case adds 1 to its rows (`ReportPeriod.rows`) in its applicant's column.
    public func applicationTable(_ cases: [ApplicationCase]) -> ApplicationTable {
        var counts: [ApplicationRow: [Int]] = [:]
        for c in cases {
            for row in period.rows(for: c, format: format) {
                counts[row, default: Array(repeating: 0, count: 6)][c.applicant.kind.column.rawValue] += 1
            }
        }
        var table = ApplicationTable(format: format)
        for row in table.rows where row != .total {
            let values = counts[row] ?? Array(repeating: 0, count: 6)
            table.setRow(row, values.map { Cell.count($0) } + [.count(values.reduce(0, +))])
        }
        let outcomes = ApplicationRow.outcomeRows(for: format)
        let total = ApplicantColumn.allCases.map { col in outcomes.reduce(0) { $0 + table[$1, col].countOrZero } }
        table.setRow(.total, total.map { Cell.count($0) })
        return table
    }

    /// The cases behind a figure of section III: those counted in `row` (the 总计 row: in any outcome row) and in
    /// `column`'s applicant kind (总计: every kind) — the same rule `applicationTable` counts by.
    public func cases(countedIn row: ApplicationRow, column: ApplicantColumn, of cases: [ApplicationCase]) -> [ApplicationCase] {
        let outcomes = Set(ApplicationRow.outcomeRows(for: format))
        return cases.filter { c in
            let rows = period.rows(for: c, format: format)
            let counted = row == .total ? rows.contains(where: outcomes.contains) : rows.contains(row)
            return counted && (column == .total || c.applicant.kind.column == column)
        }
    }

    /// The appeals behind a figure of section IV: those counted in `group`'s `result` column (总计: any result).
    public func appeals(countedIn group: AppealsGroup, result: AppealsResult, of appeals: [AppealCase]) -> [AppealCase] {
        appeals.filter { a in
            period.includes(a) && a.kind.group == group && (result == .total || period.result(of: a) == result)
        }
    }

    /// Section IV: each appeal in the year adds 1 to its group's result column (尚未审结 if undecided).
    public func appealsTable(_ appeals: [AppealCase]) -> AppealsTable {
        var table = AppealsTable()
        for a in appeals where period.includes(a) {
            let g = a.kind.group, r = period.result(of: a)
            table[g, r] = .count(table[g, r].countOrZero + 1)
        }
        table.fillTotals()
        return table
    }
}
