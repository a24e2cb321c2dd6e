import GongkaiCore

/// 规章 or 行政规范性文件 (report section II, Art. 20 (1)): made, published, abolished.
public struct NormativeDocument: Hashable, Sendable {
    public var id: Int?
    public var agencyID: Int
    public var kind: DocumentKind
    public var title: String
    /// 文号, e.g. 京应急发〔2020〕3号.
    public var documentNumber: String
    /// 制发日期.
    public var madeOn: CivilDate
    public var publishedOn: CivilDate?
    public var abolishedOn: CivilDate?
    /// 有效期至 — the last day of its term (nil: no term).
    public var expiresOn: CivilDate?

    public init(
        id: Int? = nil, agencyID: Int, kind: DocumentKind, title: String, documentNumber: String, madeOn: CivilDate,
        publishedOn: CivilDate? = nil, abolishedOn: CivilDate? = nil, expiresOn: CivilDate? = nil
    ) {
        self.id = id
        self.agencyID = agencyID
        self.kind = kind
        self.title = title
        self.documentNumber = documentNumber
        self.madeOn = madeOn
        self.publishedOn = publishedOn
        self.abolishedOn = abolishedOn
        self.expiresOn = expiresOn
    }

    /// 有效性 on `day`: 已废止 (repealed on or before it), 已失效 (past its term), or 现行有效.
    public func validity(on day: CivilDate) -> String {
        if let abolished = abolishedOn, abolished <= day { return "已废止（\(abolished)）" }
        if let expires = expiresOn, expires < day { return "已失效（有效期至\(expires)）" }
        return "现行有效"
    }
}

/// 行政许可、处罚、强制 … 事项: valid from a day to a day (inclusive), so that 上一年项目数量 and 本年增/减
/// are computed from the register.
public struct AdministrativeItem: Hashable, Sendable {
    public var id: Int?
    public var agencyID: Int
    public var category: ItemCategory
    /// 事项编码, unique within the agency.
    public var code: String
    public var name: String
    public var validFrom: CivilDate
    /// The last day the item is valid; nil while it is.
    public var validTo: CivilDate?

    public init(
        id: Int? = nil, agencyID: Int, category: ItemCategory, code: String, name: String, validFrom: CivilDate,
        validTo: CivilDate? = nil
    ) {
        self.id = id
        self.agencyID = agencyID
        self.category = category
        self.code = code
        self.name = name
        self.validFrom = validFrom
        self.validTo = validTo
    }
}

/// 处理决定 — one decision under an item (a licence granted, a penalty imposed …).
public struct AdministrativeDecision: Hashable, Sendable {
    public var id: Int?
    public var agencyID: Int
    public var itemID: Int
    public var decidedOn: CivilDate
    /// 决定书文号.
    public var reference: String

    public init(id: Int? = nil, agencyID: Int, itemID: Int, decidedOn: CivilDate, reference: String) {
        self.id = id
        self.agencyID = agencyID
        self.itemID = itemID
        self.decidedOn = decidedOn
        self.reference = reference
    }
}

/// 政府集中采购项目 — Art. 20 (9): the amount in yuan, exact.
public struct ProcurementProject: Hashable, Sendable {
    public var id: Int?
    public var agencyID: Int
    public var name: String
    public var contractedOn: CivilDate
    /// 金额（元）, at most two decimals.
    public var amountYuan: ExactNumber

    public init(id: Int? = nil, agencyID: Int, name: String, contractedOn: CivilDate, amountYuan: ExactNumber) {
        self.id = id
        self.agencyID = agencyID
        self.name = name
        self.contractedOn = contractedOn
        self.amountYuan = amountYuan
    }
}

/// 行政事业性收费 collected — Art. 20 (8), the 2021 format's 本年收费金额.
public struct FeeCollection: Hashable, Sendable {
    public var id: Int?
    public var agencyID: Int
    public var itemID: Int?
    public var collectedOn: CivilDate
    public var amountYuan: ExactNumber

    public init(id: Int? = nil, agencyID: Int, itemID: Int? = nil, collectedOn: CivilDate, amountYuan: ExactNumber) {
        self.id = id
        self.agencyID = agencyID
        self.itemID = itemID
        self.collectedOn = collectedOn
        self.amountYuan = amountYuan
    }
}

/// 政府信息公开目录 entry — 索引号, Art. 20 category, title, 文号, publication date and channels.
public struct CatalogueItem: Hashable, Sendable {
    public var id: Int?
    public var agencyID: Int
    public var indexNumber: String
    /// 第二十条第（N）项, 1–15.
    public var article20Item: Int
    public var title: String
    public var documentNumber: String
    public var publishedOn: CivilDate
    /// 公开渠道: 政府网站, 政务新媒体, 公报 …
    public var channels: [String]
    /// 主题分类 (e.g. 安全生产监管); empty when not given.
    public var subject: String
    /// 成文日期.
    public var writtenOn: CivilDate?
    /// 发布机构; nil: the agency itself.
    public var publisher: String?
    /// 正文 — the document's text, paragraphs on lines; empty when only the entry is kept.
    public var body: String
    /// 发布时间 — the moment the portal first shows it (scheduled publication); nil: from `publishedOn`.
    public var visibleFrom: Moment?
    /// 公开属性: 主动公开, or 依申请公开 — listed by its entry alone, its content (never stored here) given on application.
    public var disclosure: DisclosureAttribute

    public init(
        id: Int? = nil, agencyID: Int, indexNumber: String, article20Item: Int, title: String,
        documentNumber: String = "", publishedOn: CivilDate, channels: [String] = ["政府网站"], subject: String = "",
        writtenOn: CivilDate? = nil, publisher: String? = nil, body: String = "", visibleFrom: Moment? = nil,
        disclosure: DisclosureAttribute = .proactive
    ) {
        self.disclosure = disclosure
        self.id = id
        self.agencyID = agencyID
        self.indexNumber = indexNumber
        self.article20Item = article20Item
        self.title = title
        self.documentNumber = documentNumber
        self.publishedOn = publishedOn
        self.channels = channels
        self.subject = subject
        self.writtenOn = writtenOn
        self.publisher = publisher
        self.body = body
        self.visibleFrom = visibleFrom
    }
}

/// 节假日调整 — a day the official calendar makes a holiday or a make-up working day.
public struct HolidayOverride: Hashable, Sendable {
    public var date: CivilDate
    public var isWorkingDay: Bool
    public var name: String

    public init(date: CivilDate, isWorkingDay: Bool, name: String) {
        self.date = date
        self.isWorkingDay = isWorkingDay
        self.name = name
    }
}
