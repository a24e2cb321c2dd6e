import Foundation
import GongkaiCore

extension ApplicationRecord {
    /// The stored case, rebuilt from its row and its log; every transition is checked again by the core.
    ///
    /// A row imported from the applications register has no submission columns: its receipt date is the one the
    /// register recorded, its channel the register's text (`ReceiptChannel(storeText:)`).
    func value(log: [CaseLogEntry], calendar: WorkingDayCalendar) throws -> ApplicationCase {
        do {
            return try ApplicationCase(
                id: reference, trackingCode: try trackingCode.map(TrackingCode.init), applicant: try applicant(),
                request: InformationRequest(
                    description: subject, documentTitle: documentTitle, documentNumber: documentNumber,
                    indexNumber: indexNumber),
                delivery: delivery, receipt: try receipt(calendar: calendar), log: log, calendar: calendar)
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError.invalidValue(field: "applications.\(reference)", value: reference, reason: "\(error)")
        }
    }

    private var delivery: Delivery? {
        guard let deliveryMedium, let deliveryMethod else { return nil }
        return Delivery(
            medium: DeliveryMedium(rawValue: deliveryMedium), method: DeliveryMethod(rawValue: deliveryMethod))
    }

    private func applicant() throws -> Applicant {
        guard let kind = ApplicantKind(rawValue: applicantKind) else {
            throw StoreError.invalidValue(field: "applications.applicant_kind", value: applicantKind, reason: "不是申请人类别")
        }
        var a = Applicant(kind: kind, name: applicantName)
        a.identityDocument = try applicantIDNumber.flatMap { (number: String) throws -> IdentityDocument? in
            if let type = applicantIDType {
                return try IdentityDocument(type: IdentityDocumentType(rawValue: type), number: number)
            }
            // Imported rows name no type: a valid 身份证 number is one; anything else is kept as written.
            return (try? IdentityDocument(type: .residentIDCard, number: number))
                ?? (try? IdentityDocument(type: .unspecified, number: number))
        }
        a.creditCode = try applicantCreditCode.map(UnifiedSocialCreditCode.init)
        a.legalRepresentative = legalRepresentative
        a.contactPerson = contactPerson
        a.phone = applicantPhone
        a.email = applicantEmail
        a.address = applicantAddress
        a.postcode = applicantPostcode
        return a
    }

    private func receipt(calendar: WorkingDayCalendar) throws -> Receipt {
        guard let channel = ReceiptChannel(storeText: channel) else {
            throw StoreError.invalidValue(
                field: "applications.channel", value: channel, reason: "不是申请渠道（当面、邮寄、信函、网络、传真）")
        }
        guard let received = CivilDate(storeText: receivedOn) else {
            throw StoreError.invalidValue(field: "applications.received_on", value: receivedOn, reason: "不是日期")
        }
        guard let submittedOn else {
            var r = Receipt(Submission(channel: channel, date: received), calendar: calendar)
            r.date = received
            r.trail = []
            return r
        }
        guard let day = CivilDate(storeText: submittedOn) else {
            throw StoreError.invalidValue(field: "applications.submitted_on", value: submittedOn, reason: "不是日期")
        }
        let time = try submittedAt.map { (text: String) throws -> TimeOfDay in
            guard let t = TimeOfDay(parsing: text) else {
                throw StoreError.invalidValue(field: "applications.submitted_at", value: text, reason: "不是时刻")
            }
            return t
        }
        let rule = try receiptRule.map { (text: String) throws -> ReceiptRule in
            guard let rule = ReceiptRule(storeText: text) else {
                throw StoreError.invalidValue(field: "applications.receipt_rule", value: text, reason: "不是收件规则")
            }
            return rule
        }
        return Receipt(Submission(channel: channel, date: day, time: time), calendar: calendar, rule: rule ?? .article31)
    }
}

extension IdentityDocumentType {
    /// 未注明 — an imported number whose document type the register did not say.
    static let unspecified = IdentityDocumentType(rawValue: "未注明")
}

extension ReceiptChannel {
    /// The stored name (`in-person`, `post` …), the Chinese label, or the words registers use for it.
    public init?(storeText text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let c = ReceiptChannel(rawValue: t) ?? ReceiptChannel.allCases.first(where: { $0.label == t }) {
            self = c
            return
        }
        let words: [(ReceiptChannel, [String])] = [
            (.inPerson, ["当面", "现场", "窗口"]), (.post, ["邮寄", "邮政", "快递", "挂号信"]), (.letter, ["信函", "平信"]),
            (.online, ["网络", "网上", "互联网", "在线", "网站", "电子邮件"]), (.fax, ["传真"]),
        ]
        guard let match = words.first(where: { $0.1.contains(where: { t.contains($0) }) }) else { return nil }
        self = match.0
    }
}
