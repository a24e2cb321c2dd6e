import GongkaiCore
import GongkaiStore

/// 政府信息公开指南 — an agency's guide as the public reads it (Art. 12): how it publishes, how to apply by each
/// channel, when an application counts as received and must be answered, what it may cost, its office and its
/// contacts, and the remedies. Drawn from one published version of the agency's details (`GuideVersion`) and
/// the law's own rules (periods, receipt dates, fee tiers, remedy periods), so that the guide never states a
/// period or a price the system does not apply.
public struct DisclosureGuide: Sendable, Hashable, Encodable {
    public struct Section: Sendable, Hashable, Encodable {
        public var heading: String
        public var paragraphs: [String]
    }

    public struct VersionLink: Sendable, Hashable, Encodable {
        public var version: Int
        public var effectiveOn: CivilDate
    }

    public var agency: String
    public var version: Int
    public var effectiveOn: CivilDate
    public var sections: [Section]
    /// Every published version, newest first.
    public var versions: [VersionLink]

    init(agency: Agency, shown: GuideVersion, versions: [GuideVersion]) {
        let d = shown.details
        self.agency = agency.name
        version = shown.version
        effectiveOn = shown.effectiveOn
        self.versions = versions.map { VersionLink(version: $0.version, effectiveOn: $0.effectiveOn) }
        let items = Article20Item.allCases.map { "\($0.numeral)\($0.label)" }.joined(separator: "；")
        var channels = [
            "在线申请：通过本网站本机关专栏的“依申请公开”栏目在线填写申请，提交后获得查询码，可随时查询办理进度。",
            "当面申请：在办公时间到\(d.address)当面提交书面申请，本机关当场出具接收回执。",
            "邮寄申请：寄至\(d.address)\(d.postcode.map { "（邮政编码\($0)）" } ?? "")，请在信封左下角注明“政府信息公开申请”字样。",
        ]
        if let fax = d.fax { channels.append("传真申请：传真至\(fax)，请注明“政府信息公开申请”字样，并电话确认。") }
        if let email = d.email { channels.append("电子邮箱\(email)仅用于咨询，不受理政府信息公开申请。") }
        let receipt = ReceiptChannel.allCases.map { "以\($0.label)方式提交的，以\($0.statutoryDate)为收到申请之日" }
            .joined(separator: "；")
        var receiptRule = "\(receipt)（条例第三十一条）。"
        if case .agencyGuide(let hours) = agency.receiptRule {
            receiptRule += "在非工作日或者工作日\(hours.closing)以后提交的，自下一个工作日起算。"
        }
        let clock = StatutoryClock.self
        sections = [
            Section(
                heading: "一、主动公开",
                paragraphs: [
                    "（一）公开范围。本机关依照《中华人民共和国政府信息公开条例》第十九条、第二十条的规定主动公开政府信息，包括：\(items)。",
                    "（二）公开方式。主动公开的政府信息在本网站“政府信息公开”专栏的“法定主动公开内容”中发布，可按栏目浏览和检索，并可通过政府公报、新闻发布会以及报刊、广播、电视等途径公开（条例第二十三条、第二十四条）。",
                    "（三）公开时限。\(ProactivePublication.periodText)。",
                ]),
            Section(
                heading: "二、依申请公开",
                paragraphs: [
                    "（一）受理机构。\(d.officeName)负责受理向本机关提出的政府信息公开申请。",
                    "（二）申请方式。可以通过以下方式提出申请：",
                ] + channels.enumerated().map { "\($0 + 1).\($1)" } + [
                    "（三）申请内容。\(ApplicationContents.requirementText)",
                    "（四）收到申请的日期。\(receiptRule)",
                    "（五）答复期限。能够当场答复的，当场予以答复；不能当场答复的，\(clock.answerPeriodText)。申请内容不明确的，本机关自收到申请之日起\(clock.correctionNoticePeriod)个工作日内一次性告知申请人补正，答复期限自收到补正的申请之日起计算（条例第三十条）。征求第三方和其他机关意见所需时间不计算在答复期限内（条例第三十三条第三款）。",
                    "（六）收费。行政机关依申请提供政府信息，不收取费用；申请人申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费（条例第四十二条）。本机关" + d.feeStandard.scheduleText,
                ]),
            Section(
                heading: "三、工作机构",
                paragraphs: [
                    "名称：\(d.officeName)", "办公地址：\(d.address)" + (d.postcode.map { "（邮政编码\($0)）" } ?? ""),
                    "办公时间：\(d.hours)", "联系电话：\(d.phone)",
                ] + [d.fax.map { "传真：\($0)" }, d.email.map { "电子邮箱：\($0)（仅用于咨询）" }].compactMap { $0 }),
            Section(
                heading: "四、监督和救济",
                paragraphs: [
                    "公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（条例第五十一条）：可以在知道该行政行为之日起\(Remedies.reconsiderationDays)日内向\(d.reconsiderationBody)申请行政复议，或者在\(Remedies.litigationMonths)个月内向\(d.court)提起行政诉讼。"
                ]),
        ]
    }
}

extension Office {
    /// 政府信息公开指南 of agency `agencyID`: version `version`, or the latest; nil when none is published (or no
    /// such version). Public: no user needed.
    public func guide(agencyID: Int, version: Int? = nil) async throws -> DisclosureGuide? {
        let scope = try await scope(agencyID: agencyID, username: nil)
        let versions = try await GuideRepository(database: database, scope: scope).versions()
        guard let shown = version.map({ v in versions.first { $0.version == v } }) ?? versions.first else { return nil }
        return DisclosureGuide(agency: scope.agency, shown: shown, versions: versions)
    }

    /// Publishes a new version of agency `agencyID`'s guide, in force from `effectiveOn`; every bad field named.
    @discardableResult
    public func publishGuide(_ details: GuideDetails, agencyID: Int, effectiveOn: CivilDate) async throws -> GuideVersion {
        try await GuideRepository(database: database, scope: try await scope(agencyID: agencyID, username: nil))
            .publish(details, effectiveOn: effectiveOn)
    }
}
