import Testing

@testable import GongkaiCore
import GongkaiTestSupport

@Suite("Report checker — two consecutive years (§6.2)")
struct CrossYearCheckTests {
    /// Year Y−1 and a year Y whose carried-over row and section II follow from Y−1.
    static func pair(previousYear: Int) -> (AnnualReport, AnnualReport) {
        var rng = SplitMix64(seed: 99)
        let p = ReportGenerator.validReport(year: previousYear, variant: .national, using: &rng)
        var c = AnnualReport(agency: p.agency, year: previousYear + 1, variant: .national)
        var t = c.applications.table
        for col in ApplicantColumn.allCases {
            let carried = p.applications.table[.carriedForward, col]
            t[.carriedOver, col] = carried
            t[.granted, col] = carried
            t[.total, col] = carried
        }
        c.applications.table = t
        for row in c.proactive.rows where p.proactive.rows.contains(row) {
            switch c.format {
            case .v2019 where row.columns(in: .v2019).contains(.itemChange):
                c.proactive[row, .previousYearItems] = .count(p.proactive[row, .previousYearItems].countOrZero + p.proactive[row, .itemChange].countOrZero)
            case .v2019 where row.columns(in: .v2019).contains(.publishedTotal):
                c.proactive[row, .publishedTotal] = p.proactive[row, .publishedTotal]
            case .v2021 where row.columns(in: .v2021).contains(.inForce):
                c.proactive[row, .inForce] = p.proactive[row, .inForce]
            default: break
            }
        }
        var a = AppealsTable(cells: p.appeals.table.cells)
        a.fillTotals()
        c.appeals.table = a
        return (p, c)
    }

    static func rules(_ p: AnnualReport, _ c: AnnualReport) -> Set<String> {
        Set(ReportChecker().check(previous: p, current: c).map(\.rule))
    }

    @Test("consistent years pass", arguments: [2019, 2020, 2022])
    func consistent(year: Int) {
        let (p, c) = Self.pair(previousYear: year)
        #expect(ReportChecker().check(c).filter { $0.severity == .error } == [])
        #expect(Self.rules(p, c).isEmpty)
    }

    @Test("carried-over total differs from last year's carried forward: error")
    func carryOverTotal() {
        var (p, c) = Self.pair(previousYear: 2021)
        p.applications.table[.carriedForward, .total] = .count(p.applications.table[.carriedForward, .total].countOrZero + 1)
        #expect(Self.rules(p, c) == ["cross.carryOver"])
        #expect(ReportChecker().check(previous: p, current: c).first?.severity == .error)
        c.year = 2030
        #expect(Self.rules(p, c) == ["cross.pair"])
    }

    @Test("an applicant re-classified across years: warning per column, total equal")
    func carryOverColumn() {
        let (p0, c) = Self.pair(previousYear: 2020)
        var p = p0
        var t = p.applications.table
        t[.carriedForward, .naturalPerson] = .count(t[.carriedForward, .naturalPerson].countOrZero + 1)
        t[.carriedForward, .otherOrganization] = .count(t[.carriedForward, .otherOrganization].countOrZero - 1)
        p.applications.table = t
        let found = ReportChecker().check(previous: p, current: c)
        #expect(Set(found.map(\.rule)) == ["cross.carryOverColumn"])
        #expect(found.count == 2 && found.allSatisfy { $0.severity == .warning })
    }

    @Test("section II across years: items, published total, documents in force, abolished bound")
    func proactive() {
        var (p, c) = Self.pair(previousYear: 2019)
        c.proactive[.penalty, .previousYearItems] = .count(c.proactive[.penalty, .previousYearItems].countOrZero + 2)
        #expect(Self.rules(p, c) == ["cross.items"])
        (p, c) = Self.pair(previousYear: 2019)
        c.proactive[.rules, .publishedTotal] = .count(p.proactive[.rules, .publishedTotal].countOrZero - 1)
        #expect(Self.rules(p, c) == ["cross.publishedTotal"])
        (p, c) = Self.pair(previousYear: 2022)
        c.proactive[.normativeDocuments, .issued] = 3
        #expect(Self.rules(p, c) == ["cross.inForce"])
        (p, c) = Self.pair(previousYear: 2022)
        p.proactive[.rules, .inForce] = 1
        c.proactive[.rules, .issued] = 0
        c.proactive[.rules, .abolished] = 5
        c.proactive[.rules, .inForce] = 0
        #expect(Self.rules(p, c) == ["cross.inForce", "cross.abolishedBound"])
    }

    @Test("cases pending last year must reappear")
    func pendingAppeals() {
        var (p, c) = Self.pair(previousYear: 2022)
        c.appeals.table = AppealsTable()
        p.appeals.table[.reconsideration, .pending] = 2
        p.appeals.table.fillTotals()
        #expect(Self.rules(p, c) == ["cross.pendingAppeals"])
    }
}

@Suite("Report checker — prose against tables (§6.1 rule 18)")
struct ProseCheckTests {
    static func report(new: Int, carried: Int = 0, answered: Int, text: [String]) -> AnnualReport {
        var r = AnnualReport(agency: "某局", year: 2025)
        var t = r.applications.table
        t[.new, .naturalPerson] = .count(new)
        t[.carriedOver, .naturalPerson] = .count(carried)
        t[.granted, .naturalPerson] = .count(answered)
        t[.carriedForward, .naturalPerson] = .count(new + carried - answered)
        t.fillTotals()
        t[.total, .naturalPerson] = .count(answered)
        t[.total, .total] = .count(answered)
        r.applications.table = t
        r.overview.text = text
        return r
    }

    @Test("figures worded as real reports word them", arguments: [
        ("本局共接到21件政府信息公开申请，均已按期答复，无行政复议或行政诉讼情况。", 21, 0, 21, 0),
        ("市政府共受理政府信息公开申请 1295 件，办结 1191 件（含上年结转 189 件），均在法定期限内答复。", 1295, 189, 1191, 0),
        ("2023年度我局共收到依申请信息公开26件，及时回复申请人", 26, 0, 26, 0),
        ("本局共接到22件政府信息公开申请", 21, 0, 21, 1),
        ("全年办结 1190 件（含上年结转 189 件）", 1295, 189, 1191, 1),
        ("重点从以下二个方面加以改进", 3, 0, 3, 0),
    ])
    func prose(text: String, new: Int, carried: Int, answered: Int, warnings: Int) {
        let r = Self.report(new: new, carried: carried, answered: answered, text: [text])
        let found = ReportChecker().check(r).filter { $0.rule.hasPrefix("prose.") }
        #expect(found.count == warnings, "\(found)")
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    @Test("“no reconsideration or litigation” against a table with cases")
    func noAppealsClaim() {
        var r = Self.report(new: 1, answered: 1, text: ["无行政复议或行政诉讼情况。"])
        r.appeals.table[.reconsideration, .pending] = 1
        r.appeals.table.fillTotals()
        #expect(ReportChecker().check(r).map(\.rule) == ["prose.appeals"])
    }
}
