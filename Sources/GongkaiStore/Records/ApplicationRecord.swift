import FluentKit
import Foundation
import GongkaiCore

/// Row of `applications`: one case as received (applicant, request, delivery, submission, tracking code) and what
/// is derived from its log for the report's aggregates (received_on, outcome, closed_on). `version` counts the
/// changes, for the optimistic check of `CaseRepository.record`.
final class ApplicationRecord: Model, @unchecked Sendable {
    static let schema = "applications"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "reference") var reference: String
    @OptionalField(key: "tracking_code") var trackingCode: String?
    @Field(key: "channel") var channel: String
    @OptionalField(key: "submitted_on") var submittedOn: String?
    @OptionalField(key: "submitted_at") var submittedAt: String?
    /// `ReceiptRule.storeText`; nil for a row imported from a register (Art. 31).
    @OptionalField(key: "receipt_rule") var receiptRule: String?
    @Field(key: "received_on") var receivedOn: String
    @Field(key: "applicant_kind") var applicantKind: String
    @Field(key: "applicant_name") var applicantName: String
    @OptionalField(key: "applicant_id_type") var applicantIDType: String?
    @OptionalField(key: "applicant_id_number") var applicantIDNumber: String?
    @OptionalField(key: "applicant_credit_code") var applicantCreditCode: String?
    @OptionalField(key: "applicant_legal_representative") var legalRepresentative: String?
    @OptionalField(key: "applicant_contact_person") var contactPerson: String?
    @OptionalField(key: "applicant_phone") var applicantPhone: String?
    @OptionalField(key: "applicant_email") var applicantEmail: String?
    @OptionalField(key: "applicant_address") var applicantAddress: String?
    @OptionalField(key: "applicant_postcode") var applicantPostcode: String?
    @Field(key: "subject") var subject: String
    @OptionalField(key: "document_title") var documentTitle: String?
    @OptionalField(key: "document_number") var documentNumber: String?
    @OptionalField(key: "index_number") var indexNumber: String?
    @OptionalField(key: "delivery_medium") var deliveryMedium: String?
    @OptionalField(key: "delivery_method") var deliveryMethod: String?
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "closed_on") var closedOn: String?
    @Field(key: "version") var version: Int

    init() {}

    init(_ c: ApplicationCase, agencyID: Int) {
        self.agencyID = agencyID
        reference = c.id
        trackingCode = c.trackingCode?.value
        let s = c.receipt.submission
        channel = s.channel.rawValue
        submittedOn = s.date.iso
        submittedAt = s.time?.description
        receiptRule = c.receipt.rule.storeText
        let a = c.applicant
        applicantKind = a.kind.rawValue
        applicantName = a.name
        applicantIDType = a.identityDocument?.type.rawValue
        applicantIDNumber = a.identityDocument?.number
        applicantCreditCode = a.creditCode?.value
        legalRepresentative = a.legalRepresentative
        contactPerson = a.contactPerson
        applicantPhone = a.phone
        applicantEmail = a.email
        applicantAddress = a.address
        applicantPostcode = a.postcode
        subject = c.request.description
        documentTitle = c.request.documentTitle
        documentNumber = c.request.documentNumber
        indexNumber = c.request.indexNumber
        deliveryMedium = c.delivery?.medium.rawValue
        deliveryMethod = c.delivery?.method.rawValue
        version = 1
        updateDerived(from: c)
    }

    /// The columns the report counts on, from the case.
    func updateDerived(from c: ApplicationCase) {
        receivedOn = c.receivedOn.iso
        outcome = c.outcome?.row.id
        closedOn = c.closedOn?.iso
    }
}

/// Row of `application_events`: the append-only log; `payload` is the core `ApplicationEvent.Kind` as JSON,
/// `kind` its case name (for queries), `actor` and `recorded_at` who recorded it and when (nil when imported).
final class ApplicationEventRecord: Model, @unchecked Sendable {
    static let schema = "application_events"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "application_id") var applicationID: Int
    @Field(key: "seq") var seq: Int
    @Field(key: "kind") var kind: String
    @Field(key: "occurred_on") var occurredOn: String
    @Field(key: "payload") var payload: String
    @OptionalField(key: "actor") var actor: String?
    @OptionalField(key: "recorded_at") var recordedAt: String?

    init() {}

    init(applicationID: Int, seq: Int, entry: CaseLogEntry) throws {
        self.applicationID = applicationID
        self.seq = seq
        let json = String(decoding: try JSONEncoder().encode(entry.event.kind), as: UTF8.self)
        payload = json
        // The case name: the first key of the encoded enum, e.g. {"answered":{…}} → answered.
        kind = json.dropFirst(2).prefix { $0 != "\"" }.description
        occurredOn = entry.event.date.iso
        actor = entry.actor.isEmpty ? nil : entry.actor
        recordedAt = entry.recordedAt?.description
    }

    func value() throws -> CaseLogEntry {
        guard let day = CivilDate(storeText: occurredOn) else {
            throw StoreError.invalidValue(field: "application_events.occurred_on", value: occurredOn, reason: "不是日期")
        }
        let kind: ApplicationEvent.Kind
        do {
            kind = try JSONDecoder().decode(ApplicationEvent.Kind.self, from: Data(payload.utf8))
        } catch {
            throw StoreError.invalidValue(field: "application_events.payload", value: payload, reason: "无法识别的事件")
        }
        let moment = try recordedAt.map { (text: String) throws -> Moment in
            guard let m = Moment(parsing: text) else {
                throw StoreError.invalidValue(field: "application_events.recorded_at", value: text, reason: "不是时刻")
            }
            return m
        }
        return CaseLogEntry(ApplicationEvent(day, kind), actor: actor ?? "", recordedAt: moment)
    }
}
