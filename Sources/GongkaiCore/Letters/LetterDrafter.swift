/// What a letter needs to know about the agency besides the case: its name and the remedies its answers name.
///
/// ```swift
/// LetterContext(agencyName: "北京市大兴区应急管理局",
///               remedies: Remedies(reconsiderationBody: "北京市大兴区人民政府", court: "北京市大兴区人民法院"))
/// ```
public struct LetterContext: Hashable, Sendable {
    public var agencyName: String
    /// nil until the agency has set its 行政复议机关 and court (its 指南); the answer then carries blanks.
    public var remedies: Remedies?

    public init(agencyName: String, remedies: Remedies?) {
        self.agencyName = agencyName
        self.remedies = remedies
    }
}

/// 文书起草 — the first draft of the letter that answers an event of a case, in the wording Chinese agencies use,
/// with the article applied and, in every 答复书, the remedy clause (Art. 51; 行政复议法第二十条, 行政诉讼法第四十六条).
///
/// What the draft cannot know is left as a 【…】 blank (what a 补正 must supply, why the answer is extended, whom a
/// consultation goes to); `Letter.blanks` lists them and a letter with blanks is not issued.
///
/// ```swift
/// let letter = LetterDrafter.draft(for: c, eventIndex: 0, context: context, calendar: cal)
/// letter?.title // "北京市大兴区应急管理局政府信息公开申请接收回执"
/// ```
public enum LetterDrafter {
    static let regulation = "《中华人民共和国政府信息公开条例》"

    /// The draft for event `eventIndex` of `c`'s log, or nil when the law answers that event with no letter.
    /// Dates (the due date after an extension, the receipt's due date) are those of the case as it stood when the
    /// event was recorded.
    /// With the agency's `template` for the kind, its wording is used, filled from the same facts (`fields`).
    public static func draft(
        for c: ApplicationCase, eventIndex: Int, context: LetterContext, calendar: WorkingDayCalendar,
        template: LetterTemplate? = nil
    ) -> Letter? {
        guard c.log.indices.contains(eventIndex) else { return nil }
        let event = c.log[eventIndex].event
        guard let kind = LetterKind(for: event.kind) else { return nil }
        let then = (try? c.truncated(to: eventIndex, calendar: calendar)) ?? c
        let due = (try? then.answerDue(calendar: calendar))??.due
        let addressee = kind.isToApplicant ? c.applicant.name : kind == .thirdPartyConsultation ? "【第三方名称】" : "【被征求意见机关名称】"
        let paragraphs = template.map { $0.render(fields(event: event, case: then, due: due, context: context)) }
            ?? body(kind, event: event, case: then, due: due, context: context)
        return Letter(
            kind: kind, title: context.agencyName + kind.title, addressee: addressee, paragraphs: paragraphs,
            signatory: context.agencyName, date: event.date)
    }

    /// The facts a template's placeholders are filled with (`LetterTemplate.placeholders`); those an event does not
    /// have are left out, so they become blanks.
    static func fields(event: ApplicationEvent, case c: ApplicationCase, due: CivilDate?, context: LetterContext) -> [String: String] {
        var f = [
            "申请人": c.applicant.name, "机关": context.agencyName, "受理编号": c.id, "收到日期": c.receivedOn.chineseDate,
        ]
        f["查询码"] = c.trackingCode?.description
        f["答复期限"] = due?.chineseDate
        f["申请内容"] = c.request.description.isEmpty ? nil : c.request.description
        f["救济途径"] = context.remedies?.letterText
        switch event.kind {
        case .correctionRequested(let deadline): f["补正期限"] = deadline.chineseDate
        case .extensionApproved(let days, let by): (f["延长天数"], f["批准人"]) = ("\(days)", by)
        case .feeNoticeSent(let amount): f["收费金额"] = amount.description
        case .answered(let o): f["答复内容"] = decision(o)
        case .answeredInParts(let parts): f["答复内容"] = parts.map(decision).joined()
        default: break
        }
        if let delivery = c.delivery {
            f["提供方式"] = "按照您要求的\(delivery.medium.rawValue)形式，通过\(delivery.method.rawValue)方式"
        }
        return f
    }

    static func body(
        _ kind: LetterKind, event: ApplicationEvent, case c: ApplicationCase, due: CivilDate?, context: LetterContext
    ) -> [String] {
        let asked = "申请获取“\(c.request.description.isEmpty ? "【申请内容】" : c.request.description)”"
        let opening = "本机关于\(c.receivedOn.chineseDate)收到您提出的政府信息公开申请（受理编号：\(c.id)），\(asked)。"
        let dueText = due.map(\.chineseDate) ?? "【答复期限】"
        switch event.kind {
        case .received:
            let s = c.receipt.submission
            var lines = [
                "本机关已收到您通过\(s.channel.label)提交的政府信息公开申请（受理编号：\(c.id)），\(asked)。",
                "根据\(regulation)\(kind.article)，本机关收到申请之日为\(c.receivedOn.chineseDate)。本机关将自收到申请之日起"
                    + "\(StatutoryClock.answerPeriod)个工作日内予以答复，答复期限为\(dueText)；需要延长答复期限的，将另行书面告知。",
            ]
            if let code = c.trackingCode {
                lines.append("查询码：\(code)。您可凭查询码在本机关政府信息公开专栏查询办理进度，请妥善保管。")
            }
            return lines
        case .correctionRequested(let deadline):
            return [
                opening,
                "经审查，您的申请内容不明确，本机关无法确定您所需的政府信息。根据\(regulation)\(kind.article)，请您对申请作出补正，"
                    + "说明以下事项：【需要补正的事项】。",
                "请于\(deadline.chineseDate)前将补正后的申请提交本机关。答复期限自本机关收到补正的申请之日起计算。"
                    + "无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
            ]
        case .extensionApproved(let days, let approvedBy):
            return [
                opening,
                "因【延期答复的理由】，本机关不能在收到申请之日起\(StatutoryClock.answerPeriod)个工作日内作出答复。根据"
                    + "\(regulation)\(kind.article)，经\(approvedBy)同意，答复期限延长\(days)个工作日，延长后的答复期限为\(dueText)。",
            ]
        case .consultationSent(.thirdParty):
            return [
                "本机关于\(c.receivedOn.chineseDate)收到政府信息公开申请，\(asked)。经审查，该信息可能涉及贵方的商业秘密或者"
                    + "个人隐私，公开后可能损害贵方合法权益。",
                "根据\(regulation)\(kind.article)，现书面征求贵方意见。请于收到本意见书之日起"
                    + "\(StatutoryClock.consultationReplyWindow)个工作日内书面提出意见；逾期未提出意见的，由本机关依照条例的规定决定"
                    + "是否公开。贵方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定"
                    + "予以公开，并将决定公开的内容和理由书面告知贵方。",
            ]
        case .consultationSent(.otherAgency):
            return [
                "本机关于\(c.receivedOn.chineseDate)收到政府信息公开申请，\(asked)。该信息由本机关与贵机关共同制作。",
                "根据\(regulation)\(kind.article)，现征求贵机关意见。请于收到本函之日起\(StatutoryClock.consultationReplyWindow)"
                    + "个工作日内提出意见；逾期未提出意见的，视为同意公开。",
            ]
        case .feeNoticeSent(let amount):
            return [
                opening,
                "根据\(regulation)\(kind.article)和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），您的申请需缴纳信息处理费"
                    + "\(amount)。缴纳方式：【缴纳方式】。",
                "请自收到本通知之日起\(StatutoryClock.feePaymentPeriod)个工作日内缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理"
                    + "该政府信息公开申请。本机关发出收费通知之日至您缴纳费用之日，不计算在答复期限内。",
            ]
        case .reasonsRequested:
            return [
                opening,
                "您提出的政府信息公开申请的数量、频次明显超过合理范围。根据\(regulation)\(kind.article)，请您说明理由。本机关认为申请"
                    + "理由不合理的，将告知您不予处理；认为申请理由合理，但无法在规定期限内答复的，将确定延迟答复的合理期限并告知您。",
            ]
        case .answered(let outcome):
            return answer([outcome], opening: opening, case: c, context: context)
        case .answeredInParts(let parts):
            return answer(parts, opening: opening, case: c, context: context)
        default:
            return []
        }
    }

    static func answer(_ outcomes: [Outcome], opening: String, case c: ApplicationCase, context: LetterContext)
        -> [String]
    {
        var lines = [String(opening.dropLast()) + "。经审查，现答复如下："]
        if outcomes.count == 1 {
            lines.append(decision(outcomes[0]))
        } else {
            let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
            for (i, o) in outcomes.enumerated() {
                lines.append("\(i < numerals.count ? numerals[i] : String(i + 1))、关于【申请内容的第\(i + 1)部分】：\(decision(o))")
            }
        }
        if outcomes.contains(where: \.disclosesInformation) {
            let how = c.delivery.map { "按照您要求的\($0.medium.rawValue)形式，通过\($0.method.rawValue)方式" } ?? "以【提供方式】"
            lines.append("本机关\(how)向您提供上述政府信息。")
        }
        let remedies = context.remedies ?? Remedies(reconsiderationBody: "【行政复议机关】", court: "【管辖人民法院】")
        lines.append(remedies.letterText)
        return lines
    }
}

extension ApplicationCase {
    /// The case as it stood just after event `index` of its log (the log up to and including it).
    public func truncated(to index: Int, calendar: WorkingDayCalendar) throws -> ApplicationCase {
        try ApplicationCase(
            id: id, trackingCode: trackingCode, applicant: applicant, request: request, delivery: delivery,
            receipt: receipt, log: Array(log.prefix(index + 1)), calendar: calendar)
    }
}
