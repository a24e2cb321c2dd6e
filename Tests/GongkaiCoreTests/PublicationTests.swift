import Testing

@testable import GongkaiCore
import GongkaiCalendarData

/// 第二十六条's clock and 第十七条's review. Expected dates computed by hand from holidays.md's machine-readable
/// lists (20 working days after the day formed, as the answer period after receipt).
@Suite("Publication — Art. 26 clock, 索引号 patterns, 保密审查 rules")
struct PublicationTests {
    let cal = try! WorkingDayCalendar.official()
    static func d(_ s: String) -> CivilDate { CivilDate(parsing: s)! }

    @Test(
        "20 working days from the day formed or changed, on the holiday calendar",
        arguments: [
            ("2024-02-01", "2024-03-05"),  // Spring Festival 2024 skipped, make-up Sundays 02-04 and 02-18 counted
            ("2020-09-28", "2020-11-02"),  // National Day with Mid-Autumn 2020 (8 days)
            ("2024-12-20", "2025-01-20"),  // across the year end and 元旦 2025
            ("2024-02-27", "2024-03-26"),  // leap day counted
            ("2024-05-04", "2024-05-30"),  // formed on a Saturday: day 1 is Monday 05-06; 05-11 调休 counted
            ("2024-10-01", "2024-11-01"),  // formed on a holiday: day 1 is 10-08; 10-12 调休 counted
        ])
    func due(formed: String, due: String) throws {
        let result = try PublicationClock.due(formedOn: Self.d(formed), calendar: cal)
        #expect(result.due == Self.d(due))
        #expect(result.trail.filter(\.counted).count == 20)
        #expect(result.trail.first?.reason.contains("第二十六条") == true)
        #expect(result.trail.last?.reason.contains("期限届满") == true)
    }

    @Test("Where an item stands: days left, due today, overdue, published on time or late")
    func timeliness() throws {
        let formed = Self.d("2024-02-01")  // due 2024-03-05
        let cases: [(published: String?, today: String, expected: PublicationTimeliness, label: String)] = [
            (nil, "2024-03-04", .due(due: Self.d("2024-03-05"), workingDaysLeft: 1), "剩余1个工作日"),
            (nil, "2024-03-05", .due(due: Self.d("2024-03-05"), workingDaysLeft: 0), "今日到期"),
            (nil, "2024-03-08", .overdue(due: Self.d("2024-03-05"), workingDaysLate: 3), "已超期3个工作日"),
            (nil, "2024-03-09", .overdue(due: Self.d("2024-03-05"), workingDaysLate: 3), "已超期3个工作日"),  // Saturday not counted
            ("2024-03-05", "2024-06-01", .publishedOnTime(due: Self.d("2024-03-05")), "按时公开"),
            ("2024-03-07", "2024-06-01", .publishedLate(due: Self.d("2024-03-05"), workingDaysLate: 2), "超期2个工作日公开"),
        ]
        for c in cases {
            let t = try PublicationClock.timeliness(
                formedOn: formed, publishedOn: c.published.map(Self.d), on: Self.d(c.today), calendar: cal)
            #expect(t == c.expected, "\(c.today)")
            #expect(t.label == c.label)
        }
    }

    @Test("A date outside the calendar's years is refused, not guessed")
    func unsupported() {
        #expect(throws: (any Error).self) { try PublicationClock.due(formedOn: Self.d("1990-01-01"), calendar: cal) }
    }

    @Test("索引号 from the agency's pattern; patterns without year and serial refused")
    func indexNumbers() throws {
        let standard = IndexNumberPattern.standard
        #expect(standard.indexNumber(agencyCode: "000014348", year: 2020, serial: 3, article20Item: 1) == "000014348/2020-00003")
        let own = try IndexNumberPattern(" 11A0115-YJJ-{类别}-{年份}-{流水号} ")
        #expect(own.indexNumber(agencyCode: "x", year: 2024, serial: 123456, article20Item: 7) == "11A0115-YJJ-07-2024-123456")
        for (bad, reason) in [
            ("{机构代码}/{流水号}", "{年份}"), ("{机构代码}/{年份}", "{流水号}"), ("{年份}-{序号}-{流水号}", "不认识占位符 {序号}"),
            (String(repeating: "x", count: 61) + "{年份}{流水号}", "60"),
        ] {
            #expect(throws: IndexNumberPatternError.self) { try IndexNumberPattern(bad) }
            do { _ = try IndexNumberPattern(bad) } catch { #expect("\(error)".contains(reason), "\(bad)") }
        }
    }

    @Test("An agency's checklist: one question a line, 1 to 20, no repeats")
    func checklist() throws {
        #expect(try ConfidentialityChecklist(lines: "是否涉密\n\n 是否涉及个人隐私 \r\n").questions == ["是否涉密", "是否涉及个人隐私"])
        for bad in ["", "  \n ", "a\na", (1...21).map { "问题\($0)" }.joined(separator: "\n"), String(repeating: "长", count: 101)] {
            #expect(throws: PublicationError.self) { try ConfidentialityChecklist(lines: bad) }
        }
        #expect(ConfidentialityChecklist.standard.questions.allSatisfy { $0.contains("第十") })
    }

    static let list = try! ConfidentialityChecklist(lines: "是否涉密（第十四条）\n是否涉及个人隐私（第十五条）")
    static let clear = ChecklistAnswers(["是否涉密（第十四条）": false, "是否涉及个人隐私（第十五条）": false])
    static let privacy = ChecklistAnswers(["是否涉密（第十四条）": false, "是否涉及个人隐私（第十五条）": true])
    static let half = ChecklistAnswers(["是否涉密（第十四条）": false])

    @Test("The review's transitions: every state × action, legal or refused with the reason")
    func transitions() throws {
        typealias S = PublicationState
        let table: [(S, PublicationAction, Bool, Result<S, PublicationError>)] = [
            (.draft, .submit, false, .success(.inReview)),
            (.returned, .submit, false, .success(.inReview)),
            (.inReview, .submit, false, .failure(.notAllowed(action: "提交审查", state: .inReview))),
            (.inReview, .pass(Self.clear), false, .success(.approved)),
            (.inReview, .pass(Self.clear), true, .success(.awaitingApproval)),
            (.inReview, .pass(Self.half), false, .failure(.unanswered(["是否涉及个人隐私（第十五条）"]))),
            (.inReview, .pass(Self.privacy), false, .failure(.concernsRaised(["是否涉及个人隐私（第十五条）"]))),
            (.inReview, .withhold(Self.privacy), false, .success(.withheld)),
            (.inReview, .withhold(Self.clear), false, .failure(.noReasonToWithhold)),
            (.inReview, .withhold(Self.half), false, .failure(.unanswered(["是否涉及个人隐私（第十五条）"]))),
            (.inReview, .returnForChanges(comments: "删去第三段的姓名"), false, .success(.returned)),
            (.inReview, .returnForChanges(comments: "  \n"), false, .failure(.commentsRequired)),
            (.awaitingApproval, .approvePublication, true, .success(.approved)),
            (.awaitingApproval, .returnForChanges(comments: "发布时间改到周一"), true, .success(.returned)),
            (.inReview, .approvePublication, true, .failure(.notAllowed(action: "同意发布", state: .inReview))),
            (.approved, .revoke(reason: "文件已被新文件替代"), false, .success(.revoked)),
            (.approved, .revoke(reason: ""), false, .failure(.revocationReasonRequired)),
            (.draft, .revoke(reason: "x"), false, .failure(.notAllowed(action: "撤销发布", state: .draft))),
            (.draft, .pass(Self.clear), false, .failure(.notAllowed(action: "审查通过", state: .draft))),
            (.withheld, .submit, false, .failure(.notAllowed(action: "提交审查", state: .withheld))),
            (.revoked, .revoke(reason: "x"), false, .failure(.notAllowed(action: "撤销发布", state: .revoked))),
            (.approved, .submit, false, .failure(.notAllowed(action: "提交审查", state: .approved))),
        ]
        for (state, action, approval, expected) in table {
            let result = Result { try PublicationReview.next(state, action, checklist: Self.list, requiresApproval: approval) }
                .mapError { $0 as! PublicationError }
            #expect(result == expected, "\(state) \(action.label)")
        }
    }

    @Test("公开属性 in the review: 不予公开 is confirmed by a pass, 是 or not, without the 负责人; 依申请公开 is reviewed as 主动公开")
    func reviewByAttribute() throws {
        typealias S = PublicationState
        let table: [(DisclosureAttribute, S, PublicationAction, Bool, Result<S, PublicationError>)] = [
            (.withheld, .draft, .submit, true, .success(.inReview)),
            (.withheld, .inReview, .pass(Self.clear), true, .success(.withheld)),
            (.withheld, .inReview, .pass(Self.privacy), false, .success(.withheld)),
            (.withheld, .inReview, .pass(Self.half), false, .failure(.unanswered(["是否涉及个人隐私（第十五条）"]))),
            (.withheld, .inReview, .withhold(Self.privacy), false, .success(.withheld)),
            (.withheld, .inReview, .returnForChanges(comments: "应当主动公开"), true, .success(.returned)),
            (.withheld, .withheld, .revoke(reason: "x"), false, .failure(.notAllowed(action: "撤销发布", state: .withheld))),
            (.onRequest, .inReview, .pass(Self.clear), true, .success(.awaitingApproval)),
            (.onRequest, .inReview, .pass(Self.clear), false, .success(.approved)),
            (.onRequest, .inReview, .pass(Self.privacy), false, .failure(.concernsRaised(["是否涉及个人隐私（第十五条）"]))),
            (.onRequest, .approved, .revoke(reason: "已主动公开"), false, .success(.revoked)),
        ]
        for (attribute, state, action, approval, expected) in table {
            let result = Result {
                try PublicationReview.next(state, action, checklist: Self.list, requiresApproval: approval, attribute: attribute)
            }.mapError { $0 as! PublicationError }
            #expect(result == expected, "\(attribute) \(state) \(action.label)")
        }
    }

    @Test("公开属性: what the 目录 lists and shows, and when 第二十六条's clock runs; the grounds to draft 不予公开")
    func attributes() {
        let rows = DisclosureAttribute.allCases.map { ($0.label, $0.isListed, $0.showsContent, $0.hasPublicationClock) }
        #expect(rows.map(\.0) == ["主动公开", "依申请公开", "不予公开"])
        #expect(rows.map(\.1) == [true, true, false])
        #expect(rows.map(\.2) == [true, false, false])
        #expect(rows.map(\.3) == [true, false, false])
        #expect(WithheldReason.draftingGrounds.count == 7 && !WithheldReason.draftingGrounds.contains(.administrativeInquiry))
        #expect(WithheldReason.deliberativeProcess.label == "属于四类过程性信息")
        #expect(WithheldReason.stateSecret.label == "属于国家秘密")
    }

    @Test("The reviewer is never the author nor the submitter (第十七条)")
    func independentReviewer() throws {
        try PublicationReview.requireIndependentReviewer("wang", author: "li", submitter: "li")
        #expect(throws: PublicationError.reviewerIsAuthor("li")) {
            try PublicationReview.requireIndependentReviewer("li", author: "li", submitter: nil)
        }
        #expect(throws: PublicationError.reviewerIsAuthor("zhao")) {
            try PublicationReview.requireIndependentReviewer("zhao", author: "li", submitter: "zhao")
        }
    }
}
