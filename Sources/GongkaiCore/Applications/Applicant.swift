import Foundation

/// 申请人类别 — the six applicant kinds of report section III (申请人情况), one per application.
///
/// ```swift
/// ApplicantKind.lawFirm.column // .legalServiceOrganization
/// ```
public enum ApplicantKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 自然人
    case naturalPerson
    /// 法人或其他组织 — 商业企业
    case commercialEnterprise
    /// 法人或其他组织 — 科研机构
    case researchInstitution
    /// 法人或其他组织 — 社会公益组织
    case publicInterestOrganization
    /// 法人或其他组织 — 法律服务机构
    case legalServiceOrganization
    /// 法人或其他组织 — 其他
    case otherOrganization

    /// The report column this kind is counted in.
    public var column: ApplicantColumn {
        switch self {
        case .naturalPerson: return .naturalPerson
        case .commercialEnterprise: return .commercialEnterprise
        case .researchInstitution: return .researchInstitution
        case .publicInterestOrganization: return .publicInterestOrganization
        case .legalServiceOrganization: return .legalServiceOrganization
        case .otherOrganization: return .otherOrganization
        }
    }

    public var isNaturalPerson: Bool { self == .naturalPerson }

    public var label: String { column.label }
}

/// 申请人 — who applied (Art. 29 (一): 姓名或者名称、身份证明、联系方式): kind, name, identity and contact details.
///
/// A natural person shows an identity document (a 居民身份证, validated by its check character, or another
/// document such as a passport); an organisation its 统一社会信用代码 and legal representative. Identity
/// document, contact person, phone, e-mail, address and postcode are personal data (`withoutPersonalData`).
///
/// ```swift
/// var a = try Applicant(kind: .naturalPerson, name: "张三", identityNumber: "11010519491231002X")
/// a.phone = "13800000000"
/// a.withoutPersonalData.phone // nil
/// ```
public struct Applicant: Hashable, Sendable, Codable {
    public var kind: ApplicantKind
    public var name: String
    /// 身份证明 — the document type and number (natural persons).
    public var identityDocument: IdentityDocument?
    /// 统一社会信用代码 (organisations).
    public var creditCode: UnifiedSocialCreditCode?
    /// 法定代表人或者负责人 (organisations).
    public var legalRepresentative: String?
    /// 联系人 (organisations).
    public var contactPerson: String?
    /// 联系电话
    public var phone: String?
    /// 电子邮箱
    public var email: String?
    /// 通信地址
    public var address: String?
    /// 邮政编码
    public var postcode: String?

    public init(kind: ApplicantKind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// Validates `identityNumber` as a 身份证 number for a natural person, or a 统一社会信用代码 otherwise.
    public init(kind: ApplicantKind, name: String, identityNumber: String) throws {
        self.init(kind: kind, name: name)
        if kind.isNaturalPerson {
            identityDocument = try IdentityDocument(type: .residentIDCard, number: identityNumber)
        } else {
            creditCode = try UnifiedSocialCreditCode(identityNumber)
        }
    }

    /// 居民身份证号码, when the identity document is one.
    public var residentID: ResidentIDNumber? {
        guard let d = identityDocument, d.type == .residentIDCard else { return nil }
        return try? ResidentIDNumber(d.number)
    }

    /// The applicant as a role without access to personal data sees it: kind, name, credit code and legal
    /// representative (public facts of an organisation) only.
    public var withoutPersonalData: Applicant {
        var a = Applicant(kind: kind, name: name)
        a.creditCode = creditCode
        a.legalRepresentative = legalRepresentative
        return a
    }
}

/// 身份证明 — an identity document: its type and number; a 居民身份证 number is validated (GB 11643-1999).
///
/// ```swift
/// try IdentityDocument(type: .passport, number: "E12345678")
/// try IdentityDocument(type: .residentIDCard, number: "11010519491231002X")
/// ```
public struct IdentityDocument: Hashable, Sendable, Codable {
    public var type: IdentityDocumentType
    public var number: String

    public init(type: IdentityDocumentType, number: String) throws {
        let trimmed = number.trimmingCharacters(in: .whitespaces)
        self.type = type
        self.number = try type == .residentIDCard ? ResidentIDNumber(trimmed).value : trimmed
        guard !self.number.isEmpty else { throw IdentityError.wrongLength(field: "证件号码", expected: 1, found: 0) }
    }
}

/// 证件类型 — the usual documents, and any other named as written (`IdentityDocumentType(rawValue: "军官证")`).
///
/// ```swift
/// IdentityDocumentType.residentIDCard.rawValue // "居民身份证"
/// ```
public struct IdentityDocumentType: RawRepresentable, Hashable, Sendable, Codable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// 居民身份证
    public static let residentIDCard = IdentityDocumentType(rawValue: "居民身份证")
    /// 护照
    public static let passport = IdentityDocumentType(rawValue: "护照")
    /// 港澳居民来往内地通行证
    public static let mainlandTravelPermitHKMacao = IdentityDocumentType(rawValue: "港澳居民来往内地通行证")
    /// 台湾居民来往大陆通行证
    public static let mainlandTravelPermitTaiwan = IdentityDocumentType(rawValue: "台湾居民来往大陆通行证")
    /// 外国人永久居留身份证
    public static let foreignPermanentResidentID = IdentityDocumentType(rawValue: "外国人永久居留身份证")
}
