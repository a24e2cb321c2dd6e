import Foundation
import GongkaiCalendarData
import GongkaiCore
import Testing

/// 文书起草: which event gets which letter, what each draft says, and the blanks it leaves for the officer.
@Suite struct LetterDrafterTests {
    static let calendar = try! WorkingDayCalendar.official()
    static func day(_ s: String) -> CivilDate { CivilDate(parsing: s)! }
    static let context = LetterContext(
        agencyName: "某区某局", remedies: Remedies(reconsiderationBody: "某区人民政府", court: "某区人民法院"))

    /// 张三's application received in person on 2024-03-04 (Mon), with `events` after it.
    static func application(_ events: [ApplicationEvent] = []) throws -> ApplicationCase {
        let receipt = Receipt(Submission(channel: .inPerson, date: day("2024-03-04")), calendar: calendar)
        var c = ApplicationCase(
            id: "2024-017", trackingCode: try TrackingCode("ABCD2345EFGH6789"),
            applicant: Applicant(kind: .naturalPerson, name: "张三"),
            request: InformationRequest(description: "2023年某路段施工许可"),
            delivery: Delivery(medium: .paper, method: .post), receipt: receipt)
        for e in events { try c.record(e, calendar: calendar) }
        return c
    }

    @Test(arguments: [
        // | event                                   | letter                  | to the applicant |
        (ApplicationEvent.Kind.received, LetterKind?.some(.receipt), true),
        (.correctionRequested(deadline: day("2024-03-20")), .correctionNotice, true),
        (.extensionApproved(days: 10, approvedBy: "王主任"), .extensionNotice, true),
        (.consultationSent(.thirdParty), .thirdPartyConsultation, false),
        (.consultationSent(.otherAgency), .agencyConsultation, false),
        (.feeNoticeSent(amount: Fen(10_000)), .feeNotice, true),
        (.reasonsRequested, .reasonsRequest, true),
        (.answered(.granted), .answer, true),
        (.answeredInParts([.granted, .withheld(.stateSecret)]), .answer, true),
        (.correctionReceived, nil, false),
        (.consultationReplied, nil, false),
        (.feePaid, nil, false),
        (.withdrawn, nil, false),
    ])
    func eachEventHasTheLetterTheLawAsksFor(_ event: ApplicationEvent.Kind, _ kind: LetterKind?, _ toApplicant: Bool) {
        #expect(LetterKind(for: event) == kind)
        if let kind { #expect(kind.isToApplicant == toApplicant) }
    }

    @Test func theReceiptNamesTheReceiptDateTheDueDateAndTheTrackingCode() throws {
        let letter = try #require(LetterDrafter.draft(for: try Self.application(), eventIndex: 0, context: Self.context, calendar: Self.calendar))
        #expect(letter.title == "某区某局政府信息公开申请接收回执")
        #expect(letter.addressee == "张三" && letter.signatory == "某区某局" && letter.date == Self.day("2024-03-04"))
        let text = letter.plainText
        // 20 working days after Monday 2024-03-04: Monday 2024-04-01.
        #expect(text.contains("收到申请之日为2024年3月4日") && text.contains("答复期限为2024年4月1日"))
        #expect(text.contains("ABCD-2345-EFGH-6789") && text.contains("第三十一条"))
        #expect(letter.blanks.isEmpty)
    }

    @Test func aCorrectionNoticeAsksWhatIsMissingAsABlankAndStatesTheDeadline() throws {
        let c = try Self.application([ApplicationEvent(Self.day("2024-03-06"), .correctionRequested(deadline: Self.day("2024-03-20")))])
        let letter = try #require(LetterDrafter.draft(for: c, eventIndex: 1, context: Self.context, calendar: Self.calendar))
        #expect(letter.kind == .correctionNotice && letter.date == Self.day("2024-03-06"))
        #expect(letter.plainText.contains("请于2024年3月20日前") && letter.plainText.contains("第三十条"))
        #expect(letter.blanks == ["【需要补正的事项】"])
    }

    @Test func anExtensionStatesTheNewDueDateAsItStoodThenAndAsksForTheReason() throws {
        let c = try Self.application([
            ApplicationEvent(Self.day("2024-03-25"), .extensionApproved(days: 10, approvedBy: "王主任")),
            ApplicationEvent(Self.day("2024-04-10"), .answered(.granted)),
        ])
        let letter = try #require(LetterDrafter.draft(for: c, eventIndex: 1, context: Self.context, calendar: Self.calendar))
        // 2024-04-01 + 10 working days (清明 04-04…06 off, 04-07 调休 worked): 2024-04-16.
        #expect(letter.plainText.contains("经王主任同意，答复期限延长10个工作日，延长后的答复期限为2024年4月16日"))
        #expect(letter.blanks == ["【延期答复的理由】"])
    }

    @Test func aConsultationGoesToThePartyConsultedNotTheApplicant() throws {
        let c = try Self.application([ApplicationEvent(Self.day("2024-03-06"), .consultationSent(.thirdParty))])
        let letter = try #require(LetterDrafter.draft(for: c, eventIndex: 1, context: Self.context, calendar: Self.calendar))
        #expect(letter.addressee == "【第三方名称】" && letter.plainText.contains("第三十二条"))
        #expect(!letter.plainText.contains("张三"))
    }

    @Test(arguments: Outcome.allCases.filter { if case .other = $0 { false } else { true } })
    func everyAnswerStatesItsArticleAndTheRemedies(_ outcome: Outcome) throws {
        // What the law asks to have happened first: a 补正 for 仍不明确, a request for reasons for 不予处理 (第三十五条).
        var before: [ApplicationEvent] = []
        if outcome == .unavailable(.stillUnclearAfterCorrection) {
            before = [ApplicationEvent(Self.day("2024-03-05"), .correctionRequested(deadline: Self.day("2024-03-12"))),
                      ApplicationEvent(Self.day("2024-03-08"), .correctionReceived)]
        } else if outcome == .notProcessed(.excessive) {
            before = [ApplicationEvent(Self.day("2024-03-05"), .reasonsRequested)]
        }
        let c = try Self.application(before + [ApplicationEvent(Self.day("2024-03-20"), .answered(outcome))])
        let letter = try #require(LetterDrafter.draft(for: c, eventIndex: before.count + 1, context: Self.context, calendar: Self.calendar))
        let text = letter.plainText
        #expect(letter.title == "某区某局政府信息公开申请答复书")
        // The article applied, as the outcome names it (its first article where it names several); a request to
        // confirm or reissue has none in the regulation and the letter claims none.
        let article = outcome.article.components(separatedBy: CharacterSet(charactersIn: "、（")).first!
        if outcome == .notProcessed(.confirmationOrReissue) {
            #expect(text.contains("不作为政府信息公开申请处理") && !text.contains("条例无直接对应条款"))
        } else {
            #expect(text.contains(article), "\(outcome): \(article)")
        }
        #expect(text.contains("60日内向某区人民政府申请行政复议") && text.contains("6个月内向某区人民法院提起行政诉讼"))
        #expect(text.contains("按照您要求的纸质形式，通过邮寄方式") == outcome.disclosesInformation)
    }

    @Test func anAnswerWithoutTheAgencysRemediesLeavesThemBlank() throws {
        let c = try Self.application([ApplicationEvent(Self.day("2024-03-20"), .answered(.granted))])
        let letter = try #require(LetterDrafter.draft(
            for: c, eventIndex: 1, context: LetterContext(agencyName: "某区某局", remedies: nil), calendar: Self.calendar))
        #expect(letter.blanks == ["【行政复议机关】", "【管辖人民法院】"])
    }

    @Test func anAnswerInPartsDecidesEachPart() throws {
        let c = try Self.application([
            ApplicationEvent(Self.day("2024-03-20"), .answeredInParts([.granted, .unavailable(.notHeld)])),
        ])
        let letter = try #require(LetterDrafter.draft(for: c, eventIndex: 1, context: Self.context, calendar: Self.calendar))
        #expect(letter.paragraphs.contains { $0.hasPrefix("一、") && $0.contains("第三十六条第（二）项") })
        #expect(letter.paragraphs.contains { $0.hasPrefix("二、") && $0.contains("第三十六条第（四）项") })
    }

    @Test func eventsWithoutALetterAndIndexesOutsideTheLogGiveNoDraft() throws {
        let c = try Self.application([ApplicationEvent(Self.day("2024-03-06"), .withdrawn)])
        #expect(LetterDrafter.draft(for: c, eventIndex: 1, context: Self.context, calendar: Self.calendar) == nil)
        #expect(LetterDrafter.draft(for: c, eventIndex: 2, context: Self.context, calendar: Self.calendar) == nil)
        #expect(LetterDrafter.draft(for: c, eventIndex: -1, context: Self.context, calendar: Self.calendar) == nil)
    }

    @Test(arguments: [
        // | texts                              | blanks                 |
        (["无"], [String]()),
        (["请说明【事项】。"], ["【事项】"]),
        (["【甲】和【乙】", "【丙】"], ["【甲】", "【乙】", "【丙】"]),
        (["未闭合【甲"], []),
        (["】反向【"], []),
        (["【】"], ["【】"]),
    ])
    func blanksAreEveryBracketedGap(_ texts: [String], _ blanks: [String]) {
        #expect(Letter.blanks(in: texts) == blanks)
    }

    @Test func numbersCorrectionsAndDatesReadAsOfficesWriteThem() {
        let number = LetterNumber(prefix: "大应急公开", year: 2020, sequence: 3)
        #expect(number.description == "大应急公开〔2020〕第3号")
        #expect(LetterNumber.defaultPrefix(agencyName: "某区某局") == "某区某局公开")
        var letter = Letter(kind: .answer, title: "T", addressee: "张三", paragraphs: ["正文"], signatory: "某区某局", date: Self.day("2020-03-20"))
        #expect(letter.correctionNote == nil)
        (letter.replaces, letter.correctionReason) = (number, "答复日期有误")
        #expect(letter.correctionNote == "本文书更正并替代大应急公开〔2020〕第3号，更正原因：答复日期有误。")
        #expect(Self.day("2020-03-20").chineseDate == "2020年3月20日")
    }
}

/// 文书模板: an agency's wording filled from the case; unknown placeholders become blanks.
@Suite struct LetterTemplateTests {
    @Test(arguments: [
        // | paragraphs                          | fields                 | rendered                      |
        (["{机关}于{收到日期}收到。"], ["机关": "某局", "收到日期": "2024年3月4日"], ["某局于2024年3月4日收到。"]),
        (["请于{补正期限}前补正。"], [String: String](), ["请于【补正期限】前补正。"]),
        (["无占位符"], [:], ["无占位符"]),
        (["{答复内容}", "{救济途径}"], ["救济途径": "如不服……"], ["【答复内容】", "如不服……"]),
        (["未闭合{机关"], ["机关": "某局"], ["未闭合{机关"]),
        (["{}"], [:], ["【】"]),
    ])
    func placeholdersAreFilledOrLeftAsBlanks(_ paragraphs: [String], _ fields: [String: String], _ rendered: [String]) {
        #expect(LetterTemplate(kind: .receipt, paragraphs: paragraphs).render(fields) == rendered)
    }

    @Test func aDraftUsesTheAgencysWordingWithTheCasesFacts() throws {
        let c = try LetterDrafterTests.application([
            ApplicationEvent(LetterDrafterTests.day("2024-03-06"), .correctionRequested(deadline: LetterDrafterTests.day("2024-03-20"))),
        ])
        let template = LetterTemplate(kind: .correctionNotice, paragraphs: [
            "{申请人}：你于{收到日期}提出的申请（{受理编号}）内容不明确。", "请于{补正期限}前补正{需补正事项}。",
        ])
        let letter = try #require(LetterDrafter.draft(
            for: c, eventIndex: 1, context: LetterDrafterTests.context, calendar: LetterDrafterTests.calendar, template: template))
        #expect(letter.paragraphs == ["张三：你于2024年3月4日提出的申请（2024-017）内容不明确。", "请于2024年3月20日前补正【需补正事项】。"])
        #expect(letter.blanks == ["【需补正事项】"] && letter.title == "某区某局政府信息公开申请补正告知书")
        #expect(LetterTemplate.placeholders(in: "{a}与{b}") == ["a", "b"])
    }
}
