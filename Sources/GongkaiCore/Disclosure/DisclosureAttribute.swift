/// 公开属性 — how the agency will disclose information it makes, fixed when the information is drafted and confirmed
/// by the 保密审查 (第十七条): 主动公开 or 依申请公开 (第十三条), or 不予公开 on a ground of 第十四条至第十六条.
///
/// | 公开属性   | 目录 lists it        | content on the portal | 第二十六条's 20 working days |
/// |-----------|----------------------|-----------------------|-----------------------------|
/// | 主动公开   | yes                  | yes, with its 附件     | yes                         |
/// | 依申请公开 | its entry only        | no: obtained by applying | no                       |
/// | 不予公开   | no                   | no                    | no                          |
///
/// ```swift
/// DisclosureAttribute.onRequest.label // "依申请公开"
/// ```
public enum DisclosureAttribute: String, Hashable, Sendable, Codable, CaseIterable {
    case proactive, onRequest, withheld

    /// 主动公开, 依申请公开, 不予公开.
    public var label: String {
        switch self {
        case .proactive: return "主动公开"
        case .onRequest: return "依申请公开"
        case .withheld: return "不予公开"
        }
    }

    /// Whether the 政府信息公开目录 lists it (第十二条): all but 不予公开.
    public var isListed: Bool { self != .withheld }

    /// Whether the portal shows its content and 附件: only 主动公开 — 依申请公开 information is provided on application.
    public var showsContent: Bool { self == .proactive }

    /// Whether 第二十六条's 20 working days run from the day it is formed or changed: only for 主动公开.
    public var hasPublicationClock: Bool { self == .proactive }
}

extension WithheldReason {
    /// The grounds on which information an agency makes may be drafted as 不予公开 (第十四条至第十六条): rows 1–7 of
    /// 不予公开; 属于行政查询事项 (第三十六条第（七）项) answers applications only.
    public static let draftingGrounds: [WithheldReason] = allCases.filter { $0 != .administrativeInquiry }

    /// The row's words, e.g. 属于四类过程性信息.
    public var label: String { ApplicationRow.withheldLabels[rawValue - 1] }
}
