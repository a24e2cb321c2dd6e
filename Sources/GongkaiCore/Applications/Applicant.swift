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

/// 申请人 — who applied (Art. 29): kind, name, and an identity document validated by its check digit.
///
/// A natural person is identified by a 居民身份证 number (or none, e.g. a foreign passport kept elsewhere);
/// an organisation by its 统一社会信用代码.
///
/// ```swift
/// let a = try Applicant(kind: .naturalPerson, name: "张三", identityNumber: "11010519491231002X")
/// ```
public struct Applicant: Hashable, Sendable, Codable {
    public var kind: ApplicantKind
    public var name: String
    /// 居民身份证号码 (natural persons).
    public var residentID: ResidentIDNumber?
    /// 统一社会信用代码 (organisations).
    public var creditCode: UnifiedSocialCreditCode?

    public init(kind: ApplicantKind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// Validates `identityNumber` as a 身份证 number for a natural person, or a 统一社会信用代码 otherwise.
    public init(kind: ApplicantKind, name: String, identityNumber: String) throws {
        self.init(kind: kind, name: name)
        if kind.isNaturalPerson {
            residentID = try ResidentIDNumber(identityNumber)
        } else {
            creditCode = try UnifiedSocialCreditCode(identityNumber)
        }
    }
}
