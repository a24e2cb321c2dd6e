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

/// A field of an intake that cannot be used, named as the form names it (`field`) and, for the API, by its path
/// in the JSON body (`key`, e.g. `applicant.idNumber`).
public struct IntakeError: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: String
    public var reason: String
    public var key: String?
    /// The form the field belongs to, as its message names it (申请登记, 拟公开信息 …).
    public var form: String

    public init(field: String, reason: String, key: String? = nil, form: String = "申请登记") {
        self.field = field
        self.reason = reason
        self.key = key
        self.form = form
    }

    public var description: String { "\(form)「\(field)」：\(reason)" }
}

/// Every problem of an intake at once, so that a form can mark each field (`Intake.problems`).
public struct IntakeProblems: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [IntakeError]

    public init(problems: [IntakeError]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

extension Intake {
    /// Every problem of this intake, each naming its field; empty when it can be received. With
    /// `requiringArticle29`, what Art. 29(2) asks an application to state must be there too (an online form).
    public func problems(requiringArticle29: Bool = false, calendar: WorkingDayCalendar) -> [IntakeError] {
        validated(trackingCode: nil, actor: "", at: nil, rule: .article31, requiringArticle29: requiringArticle29, calendar: calendar).problems
    }

    /// The core case this intake describes, with `trackingCode`, received by `actor` at `moment` under the
    /// agency's receipt rule; the first problem is thrown (`problems` gives them all).
    func applicationCase(
        trackingCode: TrackingCode, actor: String, at moment: Moment, rule: ReceiptRule,
        requiringArticle29: Bool = false, calendar: WorkingDayCalendar
    ) throws -> ApplicationCase {
        let v = validated(
            trackingCode: trackingCode, actor: actor, at: moment, rule: rule, requiringArticle29: requiringArticle29,
            calendar: calendar)
        if v.problems.count == 1 { throw v.problems[0] }
        if !v.problems.isEmpty { throw IntakeProblems(problems: v.problems) }
        return v.case!
    }

    private func validated(
        trackingCode: TrackingCode?, actor: String, at moment: Moment?, rule: ReceiptRule, requiringArticle29: Bool,
        calendar: WorkingDayCalendar
    ) -> (case: ApplicationCase?, problems: [IntakeError]) {
        var problems: [IntakeError] = []
        func text(_ s: String?) -> String? {
            guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        func check<T>(_ body: () throws -> T?) -> T? {
            do { return try body() } catch let e as IntakeError {
                problems.append(e)
            } catch {
                problems.append(IntakeError(field: "申请", reason: "\(error)"))
            }
            return nil
        }
        let reference = check { () throws -> String in
            guard let r = text(self.reference) else { throw IntakeError(field: "受理编号", reason: "不能为空", key: "reference") }
            return r
        }
        let channel = check { () throws -> ReceiptChannel in
            guard let c = ReceiptChannel(storeText: self.channel) else {
                throw IntakeError(
                    field: "提交渠道", reason: "「\(self.channel)」不是 in-person、post、letter、online 或 fax", key: "channel")
            }
            return c
        }
        let date = check { () throws -> CivilDate in
            guard let d = CivilDate(storeText: submittedOn) else {
                throw IntakeError(
                    field: "提交日期", reason: "「\(submittedOn)」不是 YYYY-MM-DD 格式的日期", key: "submittedOn")
            }
            return d
        }
        let time = check { () throws -> TimeOfDay? in
            try text(self.submittedAt).map { (t: String) throws -> TimeOfDay in
                guard let v = TimeOfDay(parsing: t) else {
                    throw IntakeError(field: "提交时间", reason: "「\(t)」不是 HH:MM", key: "submittedAt")
                }
                return v
            }
        }
        let request = InformationRequest(
            description: text(description) ?? "", documentTitle: text(documentTitle),
            documentNumber: text(documentNumber), indexNumber: text(indexNumber))
        // An officer's intake needs a description; an online one, what Art. 29 accepts in its place too.
        let described = requiringArticle29 ? ApplicationContents.describes(request) : !request.description.isEmpty
        if !described {
            problems.append(IntakeError(field: "申请内容", reason: "不能为空", key: "request.description"))
        }
        let delivery = check { () throws -> Delivery? in
            try text(deliveryMedium).map { (medium: String) throws -> Delivery in
                guard let method = text(deliveryMethod) else {
                    throw IntakeError(
                        field: "获取方式", reason: "填写了信息载体时必须同时填写获取方式", key: "delivery.method")
                }
                return Delivery(medium: DeliveryMedium(rawValue: medium), method: DeliveryMethod(rawValue: method))
            }
        }
        let applicant = self.applicant(text, problems: &problems)
        if requiringArticle29, let applicant {
            for missing in ApplicationContents.missing(applicant, request) where missing != .description {
                problems.append(Self.article29Problem(missing, kind: applicant.kind))
            }
        }
        guard problems.isEmpty, let trackingCode, let moment, let reference, let channel, let date, let applicant
        else { return (nil, problems) }
        let c = ApplicationCase(
            id: reference, trackingCode: trackingCode, applicant: applicant, request: request, delivery: delivery,
            receipt: Receipt(Submission(channel: channel, date: date, time: time), calendar: calendar, rule: rule),
            receivedBy: actor, at: moment)
        return (c, [])
    }

    /// An Art. 29 omission as a problem of the field that would supply it.
    static func article29Problem(_ missing: ApplicationContents.Missing, kind: ApplicantKind) -> IntakeError {
        let reason = "须填写\(missing.label)（《条例》第二十九条）"
        switch missing {
        case .name: return IntakeError(field: "申请人姓名或名称", reason: reason, key: "applicant.name")
        case .identity:
            return kind == .naturalPerson
                ? IntakeError(field: "证件号码", reason: reason, key: "applicant.idNumber")
                : IntakeError(field: "统一社会信用代码", reason: reason, key: "applicant.creditCode")
        case .contact: return IntakeError(field: "联系电话", reason: reason, key: "applicant.phone")
        case .description: return IntakeError(field: "申请内容", reason: reason, key: "request.description")
        }
    }

    /// The applicant, or nil with every problem of its fields added to `problems`.
    private func applicant(_ text: (String?) -> String?, problems: inout [IntakeError]) -> Applicant? {
        let before = problems.count
        let kind = ApplicantKind(rawValue: applicantKind) ?? ApplicantKind.allCases.first { $0.label == applicantKind }
        if kind == nil {
            problems.append(
                IntakeError(
                    field: "申请人类别", reason: "「\(applicantKind)」不是六类申请人之一（如 naturalPerson、自然人）",
                    key: "applicant.kind"))
        }
        let name = text(applicantName)
        if name == nil { problems.append(IntakeError(field: "申请人姓名或名称", reason: "不能为空", key: "applicant.name")) }
        var a = Applicant(kind: kind ?? .naturalPerson, name: name ?? "")
        do {
            a.identityDocument = try text(idNumber).map {
                try IdentityDocument(
                    type: text(idType).map { IdentityDocumentType(rawValue: $0) } ?? .residentIDCard, number: $0)
            }
        } catch { problems.append(IntakeError(field: "证件号码", reason: "\(error)", key: "applicant.idNumber")) }
        do { a.creditCode = try text(creditCode).map(UnifiedSocialCreditCode.init) } catch {
            problems.append(IntakeError(field: "统一社会信用代码", reason: "\(error)", key: "applicant.creditCode"))
        }
        (a.legalRepresentative, a.contactPerson) = (text(legalRepresentative), text(contactPerson))
        (a.phone, a.email, a.address, a.postcode) = (text(phone), text(email), text(address), text(postcode))
        if let p = a.phone, !ContactFormat.isPhone(p) {
            problems.append(
                IntakeError(field: "联系电话", reason: "「\(p)」不是电话号码（手机11位，或带区号的固定电话）", key: "applicant.phone"))
        }
        if let e = a.email, !ContactFormat.isEmail(e) {
            problems.append(IntakeError(field: "电子邮箱", reason: "「\(e)」不是电子邮箱地址", key: "applicant.email"))
        }
        if let p = a.postcode, !ContactFormat.isPostcode(p) {
            problems.append(IntakeError(field: "邮政编码", reason: "「\(p)」不是6位数字的邮政编码", key: "applicant.postcode"))
        }
        return problems.count == before ? a : nil
    }
}

/// The shapes of a Chinese phone number, e-mail address and postcode, checked leniently (separators allowed).
enum ContactFormat {
    /// A mobile number (11 digits from 1, optionally +86), or a fixed line: area code from 0 and 7–8 digits, an
    /// extension after 转 or -; spaces, dashes and brackets between groups allowed. A bare 7–8 digit local number too.
    static func isPhone(_ text: String) -> Bool {
        var t = phoneDigits(text)
        if let ext = t.firstIndex(of: "转") {
            guard t[t.index(after: ext)...].allSatisfy(\.isASCIIDigit), t.index(after: ext) < t.endIndex else { return false }
            t = String(t[..<ext])
        }
        guard t.allSatisfy(\.isASCIIDigit) else { return false }
        if t.first == "1" { return t.count == 11 }
        if t.first == "0" { return (10...12).contains(t.count) }
        return (7...8).contains(t.count)
    }

    /// The number without separators and country code: `+86 138-0000-0000` → `13800000000`.
    static func phoneDigits(_ text: String) -> String {
        var t = text.filter { !" -()（）".contains($0) }
        for prefix in ["+86", "0086"] where t.hasPrefix(prefix) { t.removeFirst(prefix.count) }
        return t
    }

    /// Whether two texts are the same phone number, however written (`0755-1234 5678` = `075512345678`).
    static func samePhone(_ a: String, _ b: String) -> Bool {
        let (x, y) = (phoneDigits(a), phoneDigits(b))
        return !x.isEmpty && x == y
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }

    static func isPostcode(_ text: String) -> Bool { text.count == 6 && text.allSatisfy(\.isASCIIDigit) }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
