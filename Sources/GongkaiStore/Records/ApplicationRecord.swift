import FluentKit
import Foundation
import GongkaiCore

/// Row of `applications`: the report's facts denormalised (received_on, applicant_kind, outcome, closed_on).
final class ApplicationRecord: Model, @unchecked Sendable {
    static let schema = "applications"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "reference") var reference: String
    @Field(key: "received_on") var receivedOn: String
    @Field(key: "applicant_kind") var applicantKind: String
    @Field(key: "applicant_name") var applicantName: String
    @OptionalField(key: "applicant_id_number") var applicantIDNumber: String?
    @OptionalField(key: "applicant_phone") var applicantPhone: String?
    @Field(key: "channel") var channel: String
    @Field(key: "subject") var subject: String
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "closed_on") var closedOn: String?

    init() {}

    init(_ e: ApplicationEntry) {
        id = e.id
        agencyID = e.agencyID
        reference = e.reference
        receivedOn = e.receivedOn.iso
        applicantKind = e.applicantKind.rawValue
        applicantName = e.applicantName
        applicantIDNumber = e.applicantIDNumber
        applicantPhone = e.applicantPhone
        channel = e.channel
        subject = e.subject
        outcome = e.outcome?.row.id
        closedOn = e.closedOn?.iso
    }

    func value() throws -> ApplicationEntry {
        guard let received = CivilDate(storeText: receivedOn), let kind = ApplicantKind(rawValue: applicantKind) else {
            throw StoreError.invalidValue(field: "applications.\(id ?? 0)", value: receivedOn, reason: "记录已损坏")
        }
        return ApplicationEntry(
            id: id, agencyID: agencyID, reference: reference, receivedOn: received, applicantKind: kind,
            applicantName: applicantName, applicantIDNumber: applicantIDNumber, applicantPhone: applicantPhone,
            channel: channel, subject: subject,
            outcome: outcome.flatMap(ApplicationRow.init(id:)).flatMap(Outcome.init(row:)),
            closedOn: closedOn.flatMap(CivilDate.init(storeText:)))
    }
}

/// Row of `application_events`: the append-only log; `payload` is the core `ApplicationEvent.Kind` as JSON.
final class ApplicationEventRecord: Model, @unchecked Sendable {
    static let schema = "application_events"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "application_id") var applicationID: Int
    @Field(key: "seq") var seq: Int
    @Field(key: "kind") var kind: String
    @Field(key: "occurred_on") var occurredOn: String
    @Field(key: "payload") var payload: String

    init() {}

    init(applicationID: Int, seq: Int, event: ApplicationEvent) throws {
        self.applicationID = applicationID
        self.seq = seq
        let json = String(decoding: try JSONEncoder().encode(event.kind), as: UTF8.self)
        payload = json
        // The case name: the first key of the encoded enum, e.g. {"answered":{…}} → answered.
        kind = json.dropFirst(2).prefix { $0 != "\"" }.description
        occurredOn = event.date.iso
    }

    func value() throws -> ApplicationEvent {
        guard let day = CivilDate(storeText: occurredOn) else {
            throw StoreError.invalidValue(field: "application_events.occurred_on", value: occurredOn, reason: "不是日期")
        }
        return ApplicationEvent(day, try JSONDecoder().decode(ApplicationEvent.Kind.self, from: Data(payload.utf8)))
    }
}

/// Row of `appeal_cases`; converts to the core `AppealCase`.
final class AppealCaseRecord: Model, @unchecked Sendable {
    static let schema = "appeal_cases"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @OptionalField(key: "application_reference") var applicationReference: String?
    @Field(key: "reference") var reference: String
    @Field(key: "kind") var kind: String
    @Field(key: "filed_on") var filedOn: String
    @OptionalField(key: "result") var result: String?
    @OptionalField(key: "decided_on") var decidedOn: String?

    init() {}

    init(_ c: AppealCase, agencyID: Int) {
        self.agencyID = agencyID
        applicationReference = c.applicationID
        reference = c.id
        kind = c.kind.rawValue
        filedOn = c.filedOn.iso
        result = c.result?.rawValue
        decidedOn = c.decidedOn?.iso
    }

    func value() throws -> AppealCase {
        guard let k = AppealKind(rawValue: kind), let filed = CivilDate(storeText: filedOn) else {
            throw StoreError.invalidValue(field: "appeal_cases.\(reference)", value: kind, reason: "记录已损坏")
        }
        return try AppealCase(
            id: reference, applicationID: applicationReference, kind: k, filedOn: filed,
            result: result.flatMap(AppealOutcome.init(rawValue:)),
            decidedOn: decidedOn.flatMap(CivilDate.init(storeText:)))
    }
}
