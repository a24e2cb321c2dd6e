extension LetterDrafter {
    /// The sentence of an 答复书 that states the decision for `outcome`, with its article (`Outcome.article`, or
    /// the one sub-item of it that applies: 予以公开 Art. 36 (2), 不存在 Art. 36 (4)) (Arts. 14–16, 30, 35–39). Where the decision needs facts the case does not hold (the law that forbids disclosure, the earlier
    /// answer a repeated request duplicates), the sentence carries a 【…】 blank.
    static func decision(_ outcome: Outcome) -> String {
        let r = regulation
        switch outcome {
        case .granted:
            return "您申请获取的政府信息属于公开范围。根据\(r)第三十六条第（二）项，本机关予以公开。"
        case .partiallyGranted:
            return "您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据\(r)\(outcome.article)，本机关向您提供可以公开的"
                + "部分；【不予公开的部分及其理由、依据】。"
        case .withheld(let reason):
            return withheld(reason)
        case .unavailable(.notHeld):
            return "经检索，本机关未制作或者获取您申请的政府信息。根据\(r)第三十六条第（四）项，告知您该政府信息不存在。"
        case .unavailable(.wouldRequireCreation):
            return "您申请获取的信息需要本机关对现有政府信息进行加工、分析。根据\(r)\(outcome.article)，本机关不予提供。"
        case .unavailable(.stillUnclearAfterCorrection):
            return "您补正后的申请内容仍不明确，本机关无法确定您所需的政府信息。根据\(r)\(outcome.article)，本机关无法提供。"
        case .notProcessed(.petitionOrComplaint):
            return "您以政府信息公开申请的形式进行信访、投诉、举报等活动。根据\(r)\(outcome.article)，本机关不作为政府信息公开申请"
                + "处理，您可以通过【相应渠道】提出。"
        case .notProcessed(.repeated):
            return "您重复申请公开相同的政府信息（本机关已于【原答复日期】答复，受理编号【原受理编号】）。根据\(r)\(outcome.article)，"
                + "本机关不予重复处理。"
        case .notProcessed(.publication):
            return "您申请获取的是公开出版物。根据\(r)\(outcome.article)，请您通过【获取公开出版物的渠道】获取。"
        case .notProcessed(.excessive):
            return "您申请公开政府信息的数量、频次明显超过合理范围，说明的理由不合理。根据\(r)\(outcome.article)，本机关不予处理。"
        case .notProcessed(.confirmationOrReissue):
            return "您的申请要求本机关确认或者重新出具已获取的信息，不属于政府信息公开申请，本机关不作为政府信息公开申请处理。"
        case .other:
            return "【处理情况及其依据】"
        }
    }

    static func withheld(_ reason: WithheldReason) -> String {
        let what: String
        switch reason {
        case .stateSecret: what = "属于依法确定为国家秘密的政府信息"
        case .prohibitedByLaw: what = "属于法律、行政法规禁止公开的政府信息（【禁止公开的法律、行政法规条款】）"
        case .endangersSecurity: what = "公开后可能危及国家安全、公共安全、经济安全、社会稳定"
        case .thirdPartyRights: what = "涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害（【征求第三方意见的情况】）"
        case .internalAffairs: what = "属于人事管理、后勤管理、内部工作流程等方面的内部事务信息"
        case .deliberativeProcess: what = "属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息"
        case .enforcementFile: what = "属于行政执法案卷信息"
        case .administrativeInquiry:
            return "您申请获取的信息属于有关法律、行政法规对信息的获取有特别规定的信息。根据\(regulation)\(reason.article)，"
                + "请您依照【相关法律、行政法规】的规定办理。"
        }
        return "您申请获取的政府信息\(what)。根据\(regulation)\(reason.article)，本机关不予公开。"
    }
}
