import Foundation
import GongkaiTestSupport
import Testing

@testable import GongkaiCore

/// 第四十九条's 31 January, the words of a report kept apart from its tables, the sentences the tables offer, and
/// the rules a draft report goes by (`ReportDraftRules`).
@Suite("Report drafting — 31 January, report text, offered sentences, draft rules")
struct ReportDraftingTests {
    static func d(_ s: String) -> CivilDate { CivilDate(parsing: s)! }

    @Test(
        "31 January of the next year, in calendar days (第四十九条)",
        arguments: [
            (2020, nil, "2020-12-31", ReportDeadlineStatus.yearNotOver),
            (2020, nil, "2021-01-01", .due(daysLeft: 30)),  // reminders start on 1 January
            (2020, nil, "2021-01-30", .due(daysLeft: 1)),
            (2020, nil, "2021-01-31", .due(daysLeft: 0)),  // a Sunday: still the day, not moved to a working day
            (2020, nil, "2021-02-01", .overdue(days: 1)),
            (2023, nil, "2024-03-01", .overdue(days: 30)),  // 2024 is a leap year: 29 February counted
            (2020, "2021-01-31", "2021-06-01", .publishedOnTime),
            (2020, "2021-02-03", "2021-06-01", .publishedLate(days: 3)),
            (2019, "2020-01-20", "2020-01-21", .publishedOnTime),
        ] as [(Int, String?, String, ReportDeadlineStatus)])
    func deadline(year: Int, published: String?, today: String, expected: ReportDeadlineStatus) {
        #expect(AnnualReportDeadline.due(reportYear: year) == CivilDate(year + 1, 1, 31))
        #expect(AnnualReportDeadline.status(reportYear: year, publishedOn: published.map(Self.d), today: Self.d(today)) == expected)
    }

    @Test("status labels and flags")
    func labels() {
        #expect(ReportDeadlineStatus.due(daysLeft: 0).label == "今日截止")
        #expect(ReportDeadlineStatus.due(daysLeft: 6).label == "还有6天")
        #expect(ReportDeadlineStatus.overdue(days: 2).label == "已逾期2天")
        #expect(ReportDeadlineStatus.publishedLate(days: 3).label == "逾期3天公布")
        #expect(ReportDeadlineStatus.overdue(days: 2).isLate && !ReportDeadlineStatus.due(daysLeft: 2).isLate)
        #expect(ReportDeadlineStatus.due(daysLeft: 2).isDue && !ReportDeadlineStatus.publishedOnTime.isDue)
    }

    @Test("a report's words applied to other tables keep the words and take the tables", arguments: 0..<20)
    func textAndTables(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let report = ReportGenerator.validReport(using: &rng)
        var other = ReportGenerator.validReport(year: report.year, variant: report.variant, using: &rng)
        other.agency = report.agency
        let text = ReportText(of: report)
        let combined = text.applied(to: other)
        #expect(ReportText(of: combined) == text)
        #expect(combined.applications.table == other.applications.table)
        #expect(combined.appeals.table == other.appeals.table)
        #expect(combined.proactive.cells == other.proactive.cells)
        // the report's own tables give the report back
        #expect(text.applied(to: report) == report)
    }

    @Test("the offered sentences agree with the tables: the checker's prose rules find nothing", arguments: 0..<40)
    func sentencesAgree(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var report = ReportGenerator.validReport(using: &rng)
        report.overview.text = ReportSentences.overview(report)
        let prose = ReportChecker().check(report).filter { $0.rule.hasPrefix("prose.") }
        #expect(prose.isEmpty, "\(report.overview.text) → \(prose.map(\.message))")
        #expect(report.overview.text.contains { $0.contains("共收到政府信息公开申请\(report.applications.table[.new, .total].countOrZero)件") })
    }

    @Test("a figure changed in an offered sentence is caught and blocks submission")
    func changedFigureBlocks() {
        var rng = SplitMix64(seed: 3)
        var report = ReportGenerator.validReport(year: 2020, using: &rng)
        let received = report.applications.table[.new, .total].countOrZero
        report.overview.text = ReportSentences.overview(report).map {
            $0.replacingOccurrences(of: "申请\(received)件", with: "申请\(received + 5)件")
        }
        let blocking = ReportDraftRules.blocking(ReportChecker().check(report))
        #expect(blocking.map(\.rule) == ["prose.applications"])
        #expect(blocking.first?.message.contains("\(received + 5)") == true)
    }

    @Test("no appeals is said as such; appeals are counted")
    func appealsSentence() {
        var table = AppealsTable()
        #expect(ReportSentences.appeals(table) == "本年度无行政复议、行政诉讼案件。")
        table[.reconsideration, .upheld] = .count(2)
        table[.reconsideration, .total] = .count(2)
        table[.litigationDirect, .pending] = .count(1)
        table[.litigationDirect, .total] = .count(1)
        #expect(ReportSentences.appeals(table) == "本年度因政府信息公开工作被申请行政复议2件，被提起行政诉讼1件。")
    }

    @Test("what blocks a draft: errors and prose contradictions, not other warnings")
    func blocking() {
        let error = Finding(rule: "III.balance", severity: .error, location: .init(section: 3), message: "x")
        let prose = Finding(rule: "prose.answered", severity: .warning, location: .init(section: 1), message: "y")
        let other = Finding(rule: "cross.items", severity: .warning, location: .init(section: 2), message: "z")
        #expect(ReportDraftRules.blocking([error, prose, other]) == [error, prose])
    }

    @Test("sections 一、五、六 must each say something")
    func emptySections() {
        var report = AnnualReport(agency: "某局", year: 2020)
        report.overview.text = ["本年度……"]
        let found = ReportDraftRules.emptySections(report)
        #expect(found.map(\.location.section) == [5, 6])
        #expect(found.allSatisfy { $0.severity == .error && $0.rule == "draft.emptySection" })
        report.problems.text = ["一是……"]
        report.otherMatters.text = ["无。"]
        #expect(ReportDraftRules.emptySections(report).isEmpty)
    }

    @Test(
        "the review of a report: as for catalogue items, but always approved by the 负责人 and never withheld or revoked",
        arguments: [
            (PublicationState.draft, "submit", PublicationState?.some(.inReview)),
            (.returned, "submit", .inReview),
            (.inReview, "pass", .awaitingApproval),
            (.inReview, "return", .returned),
            (.inReview, "withhold", nil),
            (.awaitingApproval, "approve", .approved),
            (.awaitingApproval, "return", .returned),
            (.approved, "revoke", nil),
            (.approved, "submit", nil),
            (.draft, "approve", nil),
        ])
    func rules(state: PublicationState, action: String, expected: PublicationState?) {
        let checklist = ConfidentialityChecklist.standard
        let no = ChecklistAnswers(Dictionary(uniqueKeysWithValues: checklist.questions.map { ($0, false) }))
        var yes = no
        yes.answers[checklist.questions[0]] = true
        let actions: [String: PublicationAction] = [
            "submit": .submit, "pass": .pass(no), "return": .returnForChanges(comments: "第三段重写"), "withhold": .withhold(yes),
            "approve": .approvePublication, "revoke": .revoke(reason: "错误"),
        ]
        let result = try? ReportDraftRules.next(state, actions[action]!, checklist: checklist)
        #expect(result == expected)
    }

    @Test("an amendment's footnote ends 六 and keeps the earlier ones")
    func footnote() {
        var report = AnnualReport(agency: "某局", year: 2021)
        report.otherMatters.text = ["无。"]
        let once = ReportDraftRules.amended(report, version: 2, on: CivilDate(2022, 2, 3), note: " 补充第六部分的联系电话 ")
        #expect(once.otherMatters.text == ["无。", "注：本报告于2022年2月3日修订（第2版）。修订说明：补充第六部分的联系电话。"])
        let twice = ReportDraftRules.amended(once, version: 3, on: CivilDate(2022, 11, 20), note: "更正第三部分的表述。")
        #expect(twice.otherMatters.text.count == 3 && twice.otherMatters.text[2] == "注：本报告于2022年11月20日修订（第3版）。修订说明：更正第三部分的表述。")
    }

    @Test("an amendment says what it changes")
    func amendmentNote() throws {
        #expect(throws: ReportDraftError.amendmentNoteRequired) { try ReportDraftRules.requireAmendmentNote(nil, isAmendment: true) }
        #expect(throws: ReportDraftError.amendmentNoteRequired) { try ReportDraftRules.requireAmendmentNote("  ", isAmendment: true) }
        try ReportDraftRules.requireAmendmentNote("更正第三部分", isAmendment: true)
        try ReportDraftRules.requireAmendmentNote(nil, isAmendment: false)
    }
}
