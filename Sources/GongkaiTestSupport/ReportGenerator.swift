import GongkaiCore

/// Makes random annual reports whose tables satisfy every strict identity of the format — for property tests,
/// round-trip tests and benchmarks. Randomness comes from the generator passed in.
///
/// ```swift
/// var rng = SplitMix64(seed: 7)
/// let report = ReportGenerator.validReport(using: &rng)
/// ReportChecker().check(report).filter { $0.severity == .error }.isEmpty // true
/// ```
public enum ReportGenerator {
    public static func validReport<G: RandomNumberGenerator>(
        year: Int? = nil, variant: RegionalVariant? = nil, using rng: inout G
    ) -> AnnualReport {
        let year = year ?? Int.random(in: 2019...2025, using: &rng)
        // Beijing's variant changes only the 2019 format's layout; a Beijing 2021 report is a national one.
        let variants: [RegionalVariant] = year <= 2020 ? [.national, .beijing, .hubei] : [.national, .hubei]
        let variant = variant ?? variants.randomElement(using: &rng)!
        var r = AnnualReport(agency: "某市某区" + ["应急管理局", "财政局", "人民政府办公室"].randomElement(using: &rng)!, year: year, variant: variant)
        r.preamble = ["", "　依据《中华人民共和国政府信息公开条例》第五十条规定，编制本报告。"]
        r.overview.text = ["（一）主动公开情况。本年度持续推进政务公开。", "（二）依申请公开情况。依法按期答复。"]
        r.problems.text = ["一是公开内容有待丰富；二是办理流程有待规范。"]
        r.otherMatters.text = ["无。"]
        r.applications.table = applicationTable(format: r.format, using: &rng)
        r.appeals.table = appealsTable(using: &rng)
        fillProactive(&r.proactive, using: &rng)
        return r
    }

    /// A section III table: per applicant kind, received = answered + carried forward, outcomes spread at random.
    public static func applicationTable<G: RandomNumberGenerator>(format: ReportFormat, using rng: inout G) -> ApplicationTable {
        var t = ApplicationTable(format: format)
        let outcomes = ApplicationRow.outcomeRows(for: format)
        for col in ApplicantColumn.applicantKinds {
            let busy = Bool.random(using: &rng)
            let new = busy ? Int.random(in: 0...300, using: &rng) : Int.random(in: 0...3, using: &rng)
            let carried = Int.random(in: 0...max(0, new / 5), using: &rng)
            let forward = Int.random(in: 0...(new + carried) / 3, using: &rng)
            t[.new, col] = .count(new)
            t[.carriedOver, col] = .count(carried)
            t[.carriedForward, col] = .count(forward)
            var left = new + carried - forward
            t[.total, col] = .count(left)
            for row in outcomes { t[row, col] = 0 }
            while left > 0 {
                let take = Int.random(in: 1...left, using: &rng)
                let row = outcomes.randomElement(using: &rng)!
                t[row, col] = .count(t[row, col].countOrZero + take)
                left -= take
            }
        }
        t.fillTotals()
        return t
    }

    public static func appealsTable<G: RandomNumberGenerator>(using rng: inout G) -> AppealsTable {
        var t = AppealsTable(cells: (0..<15).map { _ in .count(Int.random(in: 0...6, using: &rng)) })
        t.fillTotals()
        return t
    }

    static func fillProactive<G: RandomNumberGenerator>(_ p: inout ProactiveSection, using rng: inout G) {
        for row in p.rows {
            for col in row.columns(in: p.format) {
                p[row, col] = randomCell(col, using: &rng)
            }
            if p.format == .v2019, row.columns(in: .v2019).contains(.publishedTotal) {
                let published = p[row, .newlyPublished].countOrZero
                p[row, .publishedTotal] = .count(published + Int.random(in: 0...50, using: &rng))
            }
            if p.format == .v2019, row.columns(in: .v2019).contains(.itemChange) {
                let previous = p[row, .previousYearItems].countOrZero
                p[row, .itemChange] = .count(Int.random(in: -previous...10, using: &rng))
            }
        }
        if p.format == .v2019 && p.amountUnit == nil { p.amountUnit = .tenThousandYuan }
    }

    static func randomCell<G: RandomNumberGenerator>(_ col: ProactiveColumn, using rng: inout G) -> Cell {
        if col.isAmount {
            return .number(ExactNumber(units: Int64.random(in: 0...99_999_999, using: &rng), scale: Int.random(in: 0...4, using: &rng)))
        }
        return .count(Int.random(in: 0...600, using: &rng))
    }
}
