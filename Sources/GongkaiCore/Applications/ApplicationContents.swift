/// 申请应当包括的内容 — Art. 29(2): an application states (一) the applicant's name, 身份证明 and 联系方式, (二) the
/// information wanted — its name, 文号 or another description that lets the agency find it, and (三) the form
/// wanted. An application without them is one the agency must ask to be completed (补正, Art. 30); a form that
/// takes applications online asks for them before it accepts one.
///
/// 身份证明 is an identity document for a natural person and, for a legal person or other organisation, its
/// 统一社会信用代码 (an identity document, of its legal representative or agent, is accepted too). 联系方式 is any
/// of phone, e-mail or postal address. The form of delivery may be left to the agency (it then answers in the
/// form it holds).
///
/// ```swift
/// ApplicationContents.missing(Applicant(kind: .naturalPerson, name: "张三"), InformationRequest(description: "…"))
/// // [.identity, .contact]
/// ```
public enum ApplicationContents {
    public enum Missing: String, Hashable, Sendable, CaseIterable {
        case name, identity, contact, description

        /// What is missing, in the words of Art. 29.
        public var label: String {
            switch self {
            case .name: return "申请人的姓名或者名称"
            case .identity: return "身份证明"
            case .contact: return "联系方式（电话、电子邮箱或通信地址）"
            case .description: return "申请公开的政府信息的名称、文号或者便于查询的其他特征性描述"
            }
        }
    }

    /// What Art. 29(2) asks for that `applicant` and `request` leave blank, in the article's order.
    public static func missing(_ applicant: Applicant, _ request: InformationRequest) -> [Missing] {
        func blank(_ s: String?) -> Bool { s?.allSatisfy(\.isWhitespace) ?? true }
        var out: [Missing] = []
        if blank(applicant.name) { out.append(.name) }
        let identified =
            applicant.kind == .naturalPerson
            ? applicant.identityDocument != nil
            : applicant.creditCode != nil || applicant.identityDocument != nil
        if !identified { out.append(.identity) }
        if blank(applicant.phone) && blank(applicant.email) && blank(applicant.address) { out.append(.contact) }
        if !describes(request) { out.append(.description) }
        return out
    }

    /// What Art. 29(2) asks an application to state, as a 指南 tells applicants (from `Missing`'s words).
    public static var requirementText: String {
        let who = [Missing.name, .identity, .contact].map(\.label).joined(separator: "、")
        return "申请应当包括：\(who)；\(Missing.description.label)；申请公开的政府信息的形式要求，包括获取信息的方式、途径（条例第二十九条）。"
    }

    /// Art. 29(2)(二): the request names the information wanted — a description, its title, 文号 or 索引号.
    public static func describes(_ request: InformationRequest) -> Bool {
        [request.description, request.documentTitle, request.documentNumber, request.indexNumber].contains {
            !($0?.allSatisfy(\.isWhitespace) ?? true)
        }
    }
}
