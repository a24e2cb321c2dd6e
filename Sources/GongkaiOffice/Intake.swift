import Foundation
import GongkaiCore
import GongkaiStore

/// An application as an officer (or the portal) enters it: every field as text, checked by `Office.receive`,
/// which names the field of any problem. Decodes from the JSON of `gongkai case receive --json FILE`.
public struct Intake: Codable, Sendable, Hashable {
    /// 受理编号 — the agency's number for the case.
    public var reference: String
    /// in-person, post, letter, online, fax (or 当面提交, 邮寄 …).
    public var channel: String
    /// The channel's Art. 31 date: YYYY-MM-DD.
    public var submittedOn: String
    /// HH:MM, when known.
    public var submittedAt: String?
    /// naturalPerson … otherOrganization (or the Chinese label).
    public var applicantKind: String
    public var applicantName: String
    public var idType: String?
    public var idNumber: String?
    public var creditCode: String?
    public var legalRepresentative: String?
    public var contactPerson: String?
    public var phone: String?
    public var email: String?
    public var address: String?
    public var postcode: String?
    public var description: String
    public var documentTitle: String?
    public var documentNumber: String?
    public var indexNumber: String?
    /// 纸质, 电子, 光盘 … (as written).
    public var deliveryMedium: String?
    /// 自取, 邮寄, 电子邮件, 传真, 现场查阅 … (as written).
    public var deliveryMethod: String?

    public init(
        reference: String, channel: String, submittedOn: String, applicantKind: String, applicantName: String,
        description: String
    ) {
        self.reference = reference
        self.channel = channel
        self.submittedOn = submittedOn
        self.applicantKind = applicantKind
        self.applicantName = applicantName
        self.description = description
    }
}

/// A field of an intake that cannot be used, named as the form names it.
public struct IntakeError: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "申请登记「\(field)」：\(reason)" }
}

extension Intake {
    /// The core case this intake describes, with `trackingCode`, received by `actor` at `moment` under the
    /// agency's receipt rule.
    func applicationCase(
        trackingCode: TrackingCode, actor: String, at moment: Moment, rule: ReceiptRule, calendar: WorkingDayCalendar
    ) throws -> ApplicationCase {
        func text(_ s: String?) -> String? {
            guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        guard let reference = text(reference) else { throw IntakeError(field: "受理编号", reason: "不能为空") }
        guard let channel = ReceiptChannel(storeText: channel) else {
            throw IntakeError(field: "提交渠道", reason: "「\(channel)」不是 in-person、post、letter、online 或 fax")
        }
        guard let date = CivilDate(storeText: submittedOn) else {
            throw IntakeError(field: "提交日期", reason: "「\(submittedOn)」不是 YYYY-MM-DD 格式的日期")
        }
        let time = try text(submittedAt).map { (t: String) throws -> TimeOfDay in
            guard let v = TimeOfDay(parsing: t) else { throw IntakeError(field: "提交时间", reason: "「\(t)」不是 HH:MM") }
            return v
        }
        guard let request = text(description) else { throw IntakeError(field: "申请内容", reason: "不能为空") }
        let delivery = try text(deliveryMedium).map { (medium: String) throws -> Delivery in
            guard let method = text(deliveryMethod) else {
                throw IntakeError(field: "获取方式", reason: "填写了信息载体时必须同时填写获取方式")
            }
            return Delivery(medium: DeliveryMedium(rawValue: medium), method: DeliveryMethod(rawValue: method))
        }
        return ApplicationCase(
            id: reference, trackingCode: trackingCode, applicant: try applicant(text),
            request: InformationRequest(
                description: request, documentTitle: text(documentTitle), documentNumber: text(documentNumber),
                indexNumber: text(indexNumber)),
            delivery: delivery,
            receipt: Receipt(Submission(channel: channel, date: date, time: time), calendar: calendar, rule: rule),
            receivedBy: actor, at: moment)
    }

    private func applicant(_ text: (String?) -> String?) throws -> Applicant {
        guard
            let kind = ApplicantKind(rawValue: applicantKind)
                ?? ApplicantKind.allCases.first(where: {
                    $0.label == applicantKind
                })
        else {
            throw IntakeError(field: "申请人类别", reason: "「\(applicantKind)」不是六类申请人之一（如 naturalPerson、自然人）")
        }
        guard let name = text(applicantName) else { throw IntakeError(field: "申请人姓名或名称", reason: "不能为空") }
        var a = Applicant(kind: kind, name: name)
        do {
            a.identityDocument = try text(idNumber).map {
                try IdentityDocument(
                    type: text(idType).map { IdentityDocumentType(rawValue: $0) } ?? .residentIDCard, number: $0)
            }
        } catch { throw IntakeError(field: "证件号码", reason: "\(error)") }
        do { a.creditCode = try text(creditCode).map(UnifiedSocialCreditCode.init) } catch {
            throw IntakeError(field: "统一社会信用代码", reason: "\(error)")
        }
        (a.legalRepresentative, a.contactPerson) = (text(legalRepresentative), text(contactPerson))
        (a.phone, a.email, a.address, a.postcode) = (text(phone), text(email), text(address), text(postcode))
        return a
    }
}
