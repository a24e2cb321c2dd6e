import Testing

@testable import GongkaiCore
import GongkaiTestSupport

/// Each check is broken alone in an otherwise valid report, and exactly that rule must fire.
@Suite("Report checker — one rule at a time")
struct ReportCheckerTests {
    /// A valid 2020 Beijing report and a valid 2022 national one, with non-trivial numbers.
    static func valid(year: Int = 2020, seed: UInt64 = 1) -> AnnualReport {
        var rng = SplitMix64(seed: seed)
        return ReportGenerator.validReport(year: year, variant: year <= 2020 ? .beijing : .national, using: &rng)
    }

    static func ruleIDs(_ r: AnnualReport) -> Set<String> { Set(ReportChecker().check(r).map(\.rule)) }

    @Test("generated reports pass every check", arguments: 0..<300)
    func generatedReportsAreValid(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let report = ReportGenerator.validReport(using: &rng)
        #expect(ReportChecker().check(report) == [])
    }

    typealias Mutation = @Sendable (inout AnnualReport) -> Void

    static let mutations: [(String, Int, Mutation)] = [
        // III — rule 3: one application moved between outcome rows in one column, row totals left as they were
        ("III.rowTotal", 2020, { r in
            var t = ApplicationTable(format: .v2019)
            t[.new, .naturalPerson] = 2; t[.new, .total] = 2
            t[.total, .naturalPerson] = 2; t[.total, .total] = 2
            t[.granted, .naturalPerson] = 2; t[.granted, .total] = 1
            t[.partiallyGranted, .total] = 1
            r.applications.table = t
        }),
        // III — rule 2: move one application from an outcome to （七）total's neighbour in the same column and row total
        ("III.outcomeSum", 2020, { r in
            var t = r.applications.table
            t[.granted, .naturalPerson] = .count(t[.granted, .naturalPerson].countOrZero + 1)
            t[.granted, .total] = .count(t[.granted, .total].countOrZero + 1)
            r.applications.table = t
        }),
        // III — rule 1: one more new application in a column, row total kept consistent
        ("III.balance", 2020, { r in
            var t = r.applications.table
            t[.new, .researchInstitution] = .count(t[.new, .researchInstitution].countOrZero + 1)
            t[.new, .total] = .count(t[.new, .total].countOrZero + 1)
            r.applications.table = t
        }),
        // III — rule 5: carried forward larger than everything received
        ("III.bound", 2022, { r in
            var t = ApplicationTable(format: .v2021)
            t[.new, .naturalPerson] = 2; t[.new, .total] = 2
            t[.carriedForward, .naturalPerson] = 3; t[.carriedForward, .total] = 3
            r.applications.table = t
        }),
        // III — rule 4: a negative count (row and column sums kept intact by a compensating cell)
        ("III.nonNegativeInteger", 2022, { r in
            var t = ApplicationTable(format: .v2021)
            t[.new, .naturalPerson] = 1; t[.new, .total] = 1
            t[.granted, .naturalPerson] = 2; t[.withheld(1), .naturalPerson] = -1
            t[.granted, .total] = 2; t[.withheld(1), .total] = -1
            t[.total, .naturalPerson] = 1; t[.total, .total] = 1
            r.applications.table = t
        }),
        // rule 6: a blank cell where 0 belongs
        ("blankCell", 2022, { $0.applications.table[.withheld(2), .otherOrganization] = .placeholder("/") }),
        // rule 7: the 2019 format used for 2022
        ("formatYear", 2022, { r in r = AnnualReport(agency: r.agency, year: 2022, format: .v2019) }),
        // IV — rules 8–11
        ("IV.reconsiderationTotal", 2020, { $0.appeals.table[.reconsideration, .total] = .count($0.appeals.table[.reconsideration, .total].countOrZero + 1) }),
        ("IV.litigationDirectTotal", 2020, { $0.appeals.table[.litigationDirect, .upheld] = .count($0.appeals.table[.litigationDirect, .upheld].countOrZero + 2) }),
        ("IV.litigationAfterReconsiderationTotal", 2020, { $0.appeals.table[.litigationAfterReconsideration, .total] = 99 }),
        ("IV.nonNegativeInteger", 2020, { r in
            r.appeals.table = AppealsTable()
            r.appeals.table[.reconsideration, .upheld] = 2
            r.appeals.table[.reconsideration, .corrected] = -1
            r.appeals.table[.reconsideration, .total] = 1
        }),
        // II — rules 12–17
        ("II.validNumber", 2022, { $0.proactive[.rules, .issued] = .number(ExactNumber(units: 15, scale: 1)) }),
        ("II.validNumber", 2020, { $0.proactive[.penalty, .decisions] = -3 }),
        ("II.publishedTotal", 2020, { r in r.proactive[.rules, .newlyPublished] = 10; r.proactive[.rules, .publishedTotal] = 9 }),
        ("II.itemsNonNegative", 2020, { r in r.proactive[.licensing, .previousYearItems] = 3; r.proactive[.licensing, .itemChange] = -4 }),
        ("II.amountUnit", 2020, { r in r.proactive.amountUnit = nil; r.proactive[.procurement, .procurementAmount] = 12 }),
        // prose — rule 18
        ("prose.applications", 2020, { r in r.overview.text.append("本年度共收到政府信息公开申请\(r.applications.table[.new, .total].countOrZero + 1000)件。") }),
        ("prose.answered", 2020, { r in r.overview.text.append("全年办结\(r.applications.table[.total, .total].countOrZero + 1)件。") }),
        ("prose.carried", 2020, { r in r.overview.text.append("其中上年结转\(r.applications.table[.carriedOver, .total].countOrZero + 1)件。") }),
        ("prose.appeals", 2020, { r in r.overview.text.append("被申请行政复议\(r.appeals.table[.reconsideration, .total].countOrZero + 1)件。") }),
        ("prose.outcomes", 2022, { r in r.overview.text.append("其中予以公开\(r.applications.table[.granted, .total].countOrZero + 1)件。") }),
        ("prose.proactive", 2022, { r in
            let values = Set(r.proactive.cells[.penalty]?.compactMap(\.count) ?? [])
            r.overview.text.append("全年作出行政处罚决定\((values.max() ?? 0) + 1)件。")
        }),
        // a blank total where the parts are filled: a blank to fill, not a wrong total
        ("blankTotal", 2020, { r in
            let rows = ApplicationRow.outcomeRows(for: r.format)
            let busiest = rows.max { r.applications.table[$0, .total].countOrZero < r.applications.table[$1, .total].countOrZero }!
            r.applications.table[busiest, .total] = .blank
        }),
        // a sum no 64-bit integer holds
        ("sumOverflow", 2020, { r in
            r.appeals.table[.reconsideration, .upheld] = .count(Int.max)
            r.appeals.table[.reconsideration, .corrected] = 1
        }),
    ]

    @Test("breaking one identity fires exactly its rule", arguments: 0..<mutations.count)
    func oneRule(index: Int) {
        let (rule, year, mutate) = Self.mutations[index]
        var report = Self.valid(year: year)
        #expect(Self.ruleIDs(report).isEmpty)
        mutate(&report)
        #expect(Self.ruleIDs(report) == [rule], "mutation \(index) should fire only \(rule)")
    }

    @Test("every rule id of a single report is covered by a mutation")
    func coverage() {
        let covered = Set(Self.mutations.map(\.0))
        let single = ReportRule.allCases.filter { !$0.id.hasPrefix("cross.") }.map(\.id)
        #expect(Set(single).subtracting(covered).isEmpty)
    }

    @Test("a finding names section, row, column, expected and found")
    func findingNamesItsPlace() throws {
        var r = Self.valid(year: 2020)
        r.applications.table[.unavailable(1), .total] = .count(r.applications.table[.unavailable(1), .total].countOrZero + 3)
        let f = try #require(ReportChecker().check(r).first { $0.rule == "III.rowTotal" })
        #expect(f.severity == .error)
        #expect(f.location.section == 3 && f.location.column == "总计")
        #expect(f.location.row == "（四）无法提供 1.本机关不掌握相关政府信息")
        #expect(f.message.contains("应为") && f.message.contains("实为"))
        #expect(Int(f.found ?? "") == Int(f.expected ?? "").map { $0 + 3 })
    }

    @Test("blank cells are counted as 0 and reported, never as errors")
    func blankCellsAreWarnings() {
        var r = Self.valid(year: 2023)
        r.applications.table = ApplicationTable(format: .v2021, fill: .blank)
        r.applications.table[.new, .naturalPerson] = 26; r.applications.table[.new, .total] = 26
        r.applications.table[.granted, .naturalPerson] = 26; r.applications.table[.granted, .total] = 26
        r.applications.table[.total, .naturalPerson] = 26; r.applications.table[.total, .total] = 26
        let findings = ReportChecker().check(r)
        #expect(findings.allSatisfy { $0.rule == "blankCell" && $0.severity == .warning })
        #expect(findings.count == 25 * 7 - 6)
    }
}
