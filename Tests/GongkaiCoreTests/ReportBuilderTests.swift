import Testing

@testable import GongkaiCore
import GongkaiTestSupport
import GongkaiCalendarData

@Suite("ReportBuilder — sections III and IV from case facts")
struct ReportBuilderTests {
    let cal = try! WorkingDayCalendar.official()
    static func d(_ s: String) -> CivilDate { CivilDate(parsing: s)! }

    func make(_ id: String, _ kind: ApplicantKind, _ submitted: String, time: String? = nil,
              _ events: [(String, ApplicationEvent.Kind)] = []) throws -> ApplicationCase {
        let s = Submission(channel: .online, date: Self.d(submitted), time: time.flatMap(TimeOfDay.init(parsing:)))
        var c = ApplicationCase(id: id, applicant: Applicant(kind: kind, name: id), receipt: Receipt(s, calendar: cal))
        for (date, k) in events { try c.record(ApplicationEvent(Self.d(date), k), calendar: cal) }
        return c
    }

    @Test("Year-end carry-over: open on 31 December → 结转下年度; the next year → 上年结转")
    func carryOver() throws {
        let cases = [
            try make("a", .naturalPerson, "2024-03-04", [("2024-03-20", .answered(.granted))]),
            try make("b", .naturalPerson, "2024-12-20", [("2025-01-10", .answered(.withheld(.deliberativeProcess)))]),
            // Art. 31: handed in on 31 December after hours is received that day — a receipt of 2024, not 2025
            try make("c", .commercialEnterprise, "2024-12-31", time: "20:00"),
            try make("d", .legalServiceOrganization, "2024-11-25", [
                ("2024-11-26", .correctionRequested(deadline: Self.d("2024-12-10"))), ("2024-12-11", .correctionLapsed),
            ]),
            try make("e", .researchInstitution, "2023-12-28", [("2024-01-05", .answered(.partiallyGranted))]),
        ]
        let t24 = ReportBuilder(agency: "测试局", year: 2024).build(applications: cases).applications.table
        #expect(t24[.new, .total] == 4)
        #expect(t24[.new, .commercialEnterprise] == 1)
        #expect(t24[.carriedForward, .total] == 2)
        #expect(t24[.carriedOver, .researchInstitution] == 1)
        #expect(t24[.granted, .naturalPerson] == 1)
        #expect(t24[.partiallyGranted, .total] == 1)
        #expect(t24[.otherSub(1), .legalServiceOrganization] == 1)
        #expect(t24[.carriedForward, .naturalPerson] == 1)
        #expect(t24[.total, .total] == 3)
        let t25 = ReportBuilder(agency: "测试局", year: 2025).build(applications: cases).applications.table
        #expect(t25[.carriedOver, .total] == 2)
        #expect(t25[.carriedOver, .commercialEnterprise] == 1)
        #expect(t25[.new, .commercialEnterprise] == 0)
        #expect(t25[.withheld(6), .naturalPerson] == 1)
        #expect(t25[.carriedForward, .total] == 1)
    }

    @Test("The 2019 format's single 其他处理 row is the sum of the three")
    func otherRow2019() throws {
        let cases = [
            try make("a", .naturalPerson, "2020-03-02", [
                ("2020-03-03", .correctionRequested(deadline: Self.d("2020-03-10"))), ("2020-03-11", .correctionLapsed),
            ]),
            try make("b", .naturalPerson, "2020-03-02", [
                ("2020-03-03", .feeNoticeSent(amount: .yuan(100))), ("2020-03-04", .feeNoticeDelivered),
                ("2020-04-02", .feeLapsed),  // pay-by: 20 working days after 03-04 = 04-01 (03-05…04-01, no holiday)
            ]),
            try make("c", .naturalPerson, "2020-03-02", [("2020-03-05", .withdrawn)]),
        ]
        let report = ReportBuilder(agency: "测试局", year: 2020).build(applications: cases)
        #expect(report.format == .v2019)
        #expect(report.applications.table[.other, .naturalPerson] == 3)
        #expect(ReportChecker().check(report).filter { $0.severity == .error }.isEmpty)
    }

    @Test("Generated reports always pass every check — random case histories, seeded")
    func property() throws {
        var rng = SplitMix64(seed: 0x6F6E_676B_6169)
        var histories = 0
        for trial in 0..<400 {
            let year = Int.random(in: 2020...2025, using: &rng)
            let cases = (0..<Int.random(in: 0...30, using: &rng)).map {
                RandomHistory.application(id: "\(trial)-\($0)", around: year, calendar: cal, rng: &rng)
            }
            let appeals = (0..<Int.random(in: 0...6, using: &rng)).map {
                RandomHistory.appeal(id: "\(trial)-\($0)", around: year, rng: &rng)
            }
            histories += cases.count
            var previous: AnnualReport?
            for y in (year - 1)...(year + 1) {
                let report = ReportBuilder(agency: "测试局", year: y).build(applications: cases, appeals: appeals)
                let errors = ReportChecker().check(report).filter { $0.severity == .error }
                #expect(errors.isEmpty, "seed trial \(trial), year \(y): \(errors)")
                #expect(IdentityCheck.violations(report).isEmpty, "trial \(trial), year \(y)")
                #expect(report.applications.table[.new, .total].count == cases.filter { $0.receivedOn.year == y }.count)
                if let previous {
                    let cross = ReportChecker().check(previous: previous, current: report).filter { $0.severity == .error }
                    #expect(cross.isEmpty, "trial \(trial), \(y - 1)→\(y): \(cross)")
                }
                previous = report
            }
        }
        #expect(histories > 5_000)
    }
}

/// The format's identities asserted directly (§6.1 rules 1–3, 8–10), as a second opinion beside ReportChecker.
enum IdentityCheck {
    static func violations(_ r: AnnualReport) -> [String] {
        let t = r.applications.table
        var out: [String] = []
        for col in ApplicantColumn.allCases {
            let v = { (row: ApplicationRow) in t[row, col].countOrZero }
            let outcomes = ApplicationRow.outcomeRows(for: t.format).reduce(0) { $0 + v($1) }
            if v(.total) != outcomes { out.append("outcomeSum \(col)") }
            if v(.new) + v(.carriedOver) != v(.total) + v(.carriedForward) { out.append("balance \(col)") }
        }
        for row in t.rows where t[row, .total].countOrZero != ApplicantColumn.applicantKinds.reduce(0, { $0 + t[row, $1].countOrZero }) {
            out.append("rowTotal \(row)")
        }
        for g in AppealsGroup.allCases {
            let parts = AppealsResult.allCases.dropLast().reduce(0) { $0 + r.appeals.table[g, $1].countOrZero }
            if parts != r.appeals.table[g, .total].countOrZero { out.append("IV \(g)") }
        }
        return out
    }
}
