import GongkaiCore

/// 政府信息公开指南的机关信息 — what an agency's guide states about it (Art. 12: the 工作机构's name, address, office
/// hours, phone, fax and internet contact; with Art. 42 the fee standard it charges by, and with Art. 51 where the
/// applicant may seek reconsideration and sue). The guide's text is drawn from these and the law
/// (`DisclosureGuide` in the office).
///
/// ```swift
/// GuideDetails(officeName: "区应急管理局办公室", address: "…", phone: "010-…", reconsiderationBody: "…区人民政府", court: "…")
/// ```
public struct GuideDetails: Hashable, Sendable, Codable {
    /// 政府信息公开工作机构.
    public var officeName: String
    public var address: String
    public var postcode: String?
    /// 办公时间, as the agency states it (`工作日上午9:00—12:00，下午13:30—17:30`).
    public var hours: String
    public var phone: String
    public var fax: String?
    /// 电子邮箱 for enquiries (applications are made through the portal or in writing).
    public var email: String?
    /// 信息处理费的计收方式 (国办函〔2020〕109号): per application or per volume, never both.
    public var feeStandard: FeeStandard
    /// 行政复议机关 and 管辖法院 (Art. 51).
    public var reconsiderationBody: String
    public var court: String

    public init(
        officeName: String, address: String, postcode: String? = nil, hours: String, phone: String,
        fax: String? = nil, email: String? = nil, feeStandard: FeeStandard = .perApplication,
        reconsiderationBody: String, court: String
    ) {
        (self.officeName, self.address, self.postcode, self.hours) = (officeName, address, postcode, hours)
        (self.phone, self.fax, self.email, self.feeStandard) = (phone, fax, email, feeStandard)
        (self.reconsiderationBody, self.court) = (reconsiderationBody, court)
    }

    /// Every field that cannot be published, named: the required ones empty, a postcode not of 6 digits.
    public var problems: [StoreError] {
        var out: [StoreError] = []
        let required: [(String, String, String)] = [
            ("officeName", officeName, "工作机构名称"), ("address", address, "办公地址"), ("hours", hours, "办公时间"),
            ("phone", phone, "联系电话"), ("reconsiderationBody", reconsiderationBody, "行政复议机关"),
            ("court", court, "管辖法院"),
        ]
        for (field, value, words) in required where value.trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(.invalidValue(field: field, value: value, reason: "\(words)不能为空"))
        }
        if let postcode, !postcode.isEmpty, postcode.count != 6 || !postcode.allSatisfy(\.isASCII) || Int(postcode) == nil {
            out.append(.invalidValue(field: "postcode", value: postcode, reason: "邮政编码应为6位数字"))
        }
        return out
    }
}

/// One published version of an agency's guide: numbered from 1, in force from `effectiveOn`.
public struct GuideVersion: Hashable, Sendable {
    public var version: Int
    public var effectiveOn: CivilDate
    public var details: GuideDetails
}
