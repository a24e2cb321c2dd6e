import GongkaiCore

/// Every register that imports and exports, by name.
public enum RegisterCatalog {
    public static let all: [RegisterSpec] = [
        applications, appealCases, normativeDocuments, administrativeItems, administrativeDecisions,
        procurementProjects, feeCollections, catalogueItems, holidayOverrides,
    ]

    public static func named(_ name: String) throws -> RegisterSpec {
        guard let spec = all.first(where: { $0.name == name || $0.table == name }) else {
            throw StoreError.unknownRegister(name)
        }
        return spec
    }

    static func choices(_ pairs: [(String, String)]) -> [String: String] {
        var map: [String: String] = [:]
        for (stored, chinese) in pairs {
            map[stored] = stored
            map[chinese] = stored
        }
        return map
    }

    static let applicantKinds = choices(ApplicantColumn.applicantKinds.map { ($0.storeName, $0.label) })

    static let applications = RegisterSpec(
        name: "applications", title: "依申请公开台账", table: "applications",
        columns: [
            .init("reference", "受理编号", required: true, example: "2020-001"),
            .init("received_on", "收到申请日期", .date, required: true, example: "2020-03-02"),
            .init("applicant_kind", "申请人类别", .choice(applicantKinds), required: true, example: "naturalPerson"),
            .init("applicant_name", "申请人", example: "张三"),
            .init("applicant_id_number", "身份证号码", personal: true, example: ""),
            .init("applicant_phone", "联系电话", personal: true, example: ""),
            .init("channel", "申请渠道", example: "网络"),
            .init("subject", "申请内容", example: "某企业安全生产许可证信息"),
            .init("outcome", "办理结果", .outcome, example: "unavailable.1"),
            .init("closed_on", "答复日期", .date, example: "2020-03-20"),
        ],
        identity: .key("reference"),
        rules: [.together("outcome", "closed_on"), .notBefore(later: "closed_on", earlier: "received_on")])

    static let appealCases = RegisterSpec(
        name: "appeal-cases", title: "复议诉讼台账", table: "appeal_cases",
        columns: [
            .init("reference", "案号", required: true, example: "京大兴复〔2020〕1号"),
            .init(
                "kind", "类别",
                .choice(
                    choices([
                        ("reconsideration", "行政复议"), ("litigationDirect", "未经复议直接起诉"),
                        ("litigationAfterReconsideration", "复议后起诉"),
                    ])), required: true, example: "reconsideration"),
            .init("filed_on", "收案日期", .date, required: true, example: "2020-05-06"),
            .init(
                "result", "结果", .choice(choices([("upheld", "结果维持"), ("corrected", "结果纠正"), ("otherResult", "其他结果")])),
                example: "upheld"),
            .init("decided_on", "审结日期", .date, example: "2020-07-01"),
            .init("application_reference", "所涉申请受理编号", .applicationReference, example: ""),
        ],
        identity: .key("reference"),
        rules: [.together("result", "decided_on"), .notBefore(later: "decided_on", earlier: "filed_on")])

    static let normativeDocuments = RegisterSpec(
        name: "normative-documents", title: "规章和规范性文件台账", table: "normative_documents",
        columns: [
            .init(
                "kind", "类别", .choice(choices([("rule", "规章"), ("normative", "规范性文件"), ("other", "其他主动公开文件")])),
                required: true, example: "normative"),
            .init("title", "标题", required: true, example: "关于进一步加强安全生产工作的通知"),
            .init("document_number", "文号", example: "京兴应急发〔2020〕3号"),
            .init("made_on", "制发日期", .date, required: true, example: "2020-04-01"),
            .init("published_on", "公开日期", .date, example: "2020-04-08"),
            .init("abolished_on", "废止日期", .date, example: ""),
            .init("expires_on", "有效期至", .date, example: "2025-03-31"),
        ],
        identity: .key("document_number", else: ["kind", "title", "made_on"]),
        rules: [.notBefore(later: "abolished_on", earlier: "made_on"), .notBefore(later: "expires_on", earlier: "made_on")])

    static let itemCategories = choices(ItemCategory.allCases.map { ($0.rawValue, $0.label) })

    static let administrativeItems = RegisterSpec(
        name: "administrative-items", title: "行政事项台账", table: "administrative_items",
        columns: [
            .init("category", "类别", .choice(itemCategories), required: true, example: "licensing"),
            .init("code", "事项编码", required: true, example: "XK-001"),
            .init("name", "事项名称", required: true, example: "危险化学品经营许可"),
            .init("valid_from", "生效日期", .date, required: true, example: "2015-01-01"),
            .init("valid_to", "失效日期（最后有效日）", .date, example: ""),
        ],
        identity: .key("code"), rules: [.notBefore(later: "valid_to", earlier: "valid_from")])

    static let administrativeDecisions = RegisterSpec(
        name: "administrative-decisions", title: "处理决定台账", table: "administrative_decisions",
        columns: [
            .init("item_code", "事项编码", .itemCode, required: true, example: "XK-001"),
            .init("decided_on", "决定日期", .date, required: true, example: "2020-06-15"),
            .init("reference", "决定书文号", example: "京兴应急许〔2020〕15号"),
        ],
        identity: .key("reference"),
        derived: ["category": { row, context in context.items[row["item_code"] ?? ""]?.category ?? "" }])

    static let procurementProjects = RegisterSpec(
        name: "procurement-projects", title: "政府集中采购台账", table: "procurement_projects",
        columns: [
            .init("name", "项目名称", required: true, example: "应急物资采购"),
            .init("contracted_on", "合同日期", .date, required: true, example: "2020-09-10"),
            .init("amount_yuan", "金额（元）", .amountYuan, required: true, example: "1162385.25"),
        ])

    static let feeCollections = RegisterSpec(
        name: "fee-collections", title: "行政事业性收费台账", table: "fee_collections",
        columns: [
            .init("item_code", "收费事项编码", .itemCode, example: ""),
            .init("collected_on", "收费日期", .date, required: true, example: "2021-03-01"),
            .init("amount_yuan", "金额（元）", .amountYuan, required: true, example: "100.00"),
        ])

    static let catalogueItems = RegisterSpec(
        name: "catalogue-items", title: "政府信息公开目录", table: "catalogue_items",
        columns: [
            .init("index_number", "索引号", required: true, example: "11A0000-2020-001"),
            .init("article20_item", "第二十条项号", .integer(1...15), required: true, example: "5"),
            .init("title", "标题", required: true, example: "2020年行政许可结果公示"),
            .init("document_number", "文号", example: ""),
            .init("published_on", "公开日期", .date, required: true, example: "2020-06-30"),
            .init("channels", "公开渠道（以、分隔）", example: "政府网站、政务新媒体"),
            .init("subject", "主题分类", example: "安全生产监管"),
            .init("written_on", "成文日期", .date, example: "2020-06-28"),
            .init("publisher", "发布机构", example: ""),
            .init("body", "正文", example: ""),
            .init("disclosure", "公开方式",
                  .choice(choices([("proactive", "主动公开"), ("onRequest", "依申请公开")])), example: "主动公开"),
        ],
        identity: .key("index_number"))

    static let holidayOverrides = RegisterSpec(
        name: "holiday-overrides", title: "节假日调整", table: "holiday_overrides",
        columns: [
            .init("day", "日期", .date, required: true, example: "2020-01-19"),
            .init("is_working_day", "是否调休上班", .bool, required: true, example: "true"),
            .init("name", "说明", example: "春节调休"),
        ],
        agencyScoped: false, identity: .key("day"))
}
