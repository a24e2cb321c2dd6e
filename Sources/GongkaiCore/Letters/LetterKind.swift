/// 文书种类 — the letters the regulation answers a step of an application with.
///
/// Each kind belongs to one event (`LetterKind(for:)`): the 回执 to the receipt (Art. 31), the 补正告知书 to a
/// 补正 request (Art. 30), the 延期答复告知书 to an extension (Art. 33), the 征求意见书 / 征求意见函 to a
/// consultation (Arts. 32, 34), the 收费通知书 to a fee notice (国办函〔2020〕109号), the 说明理由告知书 to a request
/// for reasons (Art. 35), and the 答复书 to an answer (Art. 36).
///
/// ```swift
/// LetterKind(for: .answered(.granted))      // .answer
/// LetterKind.answer.title                   // "政府信息公开申请答复书"
/// LetterKind.thirdPartyConsultation.isToApplicant // false
/// ```
public enum LetterKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 政府信息公开申请接收回执 — Art. 31.
    case receipt
    /// 补正告知书 — Art. 30.
    case correctionNotice
    /// 延期答复告知书 — Art. 33 (2).
    case extensionNotice
    /// 征求第三方意见书 — Art. 32; to the third party.
    case thirdPartyConsultation
    /// 征求意见函 — Art. 34; to the other agency.
    case agencyConsultation
    /// 收费通知书 — 《政府信息公开信息处理费管理办法》.
    case feeNotice
    /// 说明理由告知书 — Art. 35.
    case reasonsRequest
    /// 政府信息公开申请答复书 — Art. 36.
    case answer

    /// The letter that answers an event of `kind`, or nil when the law asks for none.
    public init?(for kind: ApplicationEvent.Kind) {
        switch kind {
        case .received: self = .receipt
        case .correctionRequested: self = .correctionNotice
        case .extensionApproved: self = .extensionNotice
        case .consultationSent(let party): self = party == .thirdParty ? .thirdPartyConsultation : .agencyConsultation
        case .feeNoticeSent: self = .feeNotice
        case .reasonsRequested: self = .reasonsRequest
        case .answered, .answeredInParts: self = .answer
        default: return nil
        }
    }

    /// The title under the agency's name: 北京市大兴区应急管理局 + 政府信息公开申请答复书.
    public var title: String {
        switch self {
        case .receipt: "政府信息公开申请接收回执"
        case .correctionNotice: "政府信息公开申请补正告知书"
        case .extensionNotice: "政府信息公开申请延期答复告知书"
        case .thirdPartyConsultation: "政府信息公开征求第三方意见书"
        case .agencyConsultation: "政府信息公开征求意见函"
        case .feeNotice: "政府信息公开信息处理费收费通知书"
        case .reasonsRequest: "政府信息公开申请说明理由告知书"
        case .answer: "政府信息公开申请答复书"
        }
    }

    /// The article the letter rests on.
    public var article: String {
        switch self {
        case .receipt: "第三十一条"
        case .correctionNotice: "第三十条"
        case .extensionNotice: "第三十三条第二款"
        case .thirdPartyConsultation: "第三十二条"
        case .agencyConsultation: "第三十四条"
        case .feeNotice: "第四十二条"
        case .reasonsRequest: "第三十五条"
        case .answer: "第三十六条"
        }
    }

    /// Whether the letter goes to the applicant (and so shows on the tracking page once issued); a consultation
    /// goes to the party consulted.
    public var isToApplicant: Bool { self != .thirdPartyConsultation && self != .agencyConsultation }
}
