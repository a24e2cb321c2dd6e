import FluentKit
import GongkaiCore

/// 依申请公开 applications of one agency and their event log.
public struct ApplicationRepository: Sendable {
    let database: any Database

    public init(database: any Database) { self.database = database }

    /// Records a received application with its `received` event (and `answered` when it is already closed).
    @discardableResult
    public func record(_ entry: ApplicationEntry) async throws -> ApplicationEntry {
        let record = ApplicationRecord(entry)
        try await record.create(on: database)
        let id = try record.requireID()
        var events = [ApplicationEvent(entry.receivedOn, .received)]
        if let outcome = entry.outcome, let closedOn = entry.closedOn {
            events.append(ApplicationEvent(closedOn, .answered(outcome)))
        }
        for (i, e) in events.enumerated() {
            try await ApplicationEventRecord(applicationID: id, seq: i + 1, event: e).create(on: database)
        }
        return try record.value()
    }

    /// Saves a core `ApplicationCase` (new, or with new events appended): the denormalised columns the report
    /// counts on, and every event not yet stored. Personal data is stored only when given.
    @discardableResult
    public func save(_ c: ApplicationCase, agencyID: Int, subject: String = "") async throws -> Int {
        let existing = try await ApplicationRecord.query(on: database)
            .filter(\.$agencyID == agencyID).filter(\.$reference == c.id).first()
        let record = existing ?? ApplicationRecord()
        record.agencyID = agencyID
        record.reference = c.id
        record.receivedOn = c.receivedOn.iso
        record.applicantKind = c.applicant.kind.rawValue
        record.applicantName = c.applicant.name
        record.channel = c.receipt.submission.channel.rawValue
        record.subject = existing?.subject ?? subject
        record.outcome = c.outcome?.row.id
        record.closedOn = c.closedOn?.iso
        try await record.save(on: database)
        let id = try record.requireID()
        let stored = try await ApplicationEventRecord.query(on: database).filter(\.$applicationID == id).count()
        for (i, e) in c.events.enumerated() where i >= stored {
            try await ApplicationEventRecord(applicationID: id, seq: i + 1, event: e).create(on: database)
        }
        return id
    }

    /// Answers an open application with `outcome` on `day` (an event plus the denormalised columns).
    public func close(applicationID: Int, agencyID: Int, outcome: Outcome, on day: CivilDate) async throws {
        guard let record = try await ApplicationRecord.find(applicationID, on: database), record.agencyID == agencyID
        else { throw StoreError.notFound("申请 \(applicationID)") }
        record.outcome = outcome.row.id
        record.closedOn = day.iso
        try await record.update(on: database)
        let last =
            try await ApplicationEventRecord.query(on: database).filter(\.$applicationID == applicationID).max(\.$seq)
            ?? 0
        try await ApplicationEventRecord(
            applicationID: applicationID, seq: last + 1, event: ApplicationEvent(day, .answered(outcome))
        )
        .create(on: database)
    }

    /// Applications of `agencyID` received by `day` and not closed then.
    public func openApplications(agencyID: Int, on day: CivilDate) async throws -> [ApplicationEntry] {
        try await ApplicationRecord.query(on: database)
            .filter(\.$agencyID == agencyID)
            .filter(\.$receivedOn <= day.iso)
            .group(.or) { $0.filter(\.$closedOn == nil).filter(\.$closedOn > day.iso) }
            .sort(\.$receivedOn).all().map { try $0.value() }
    }

    /// The application `reference` of `agencyID`, or nil.
    public func find(reference: String, agencyID: Int) async throws -> ApplicationEntry? {
        try await ApplicationRecord.query(on: database).filter(\.$agencyID == agencyID).filter(
            \.$reference == reference
        )
        .first()?.value()
    }

    /// The event log of an application of `agencyID`, in order.
    public func events(applicationID: Int, agencyID: Int) async throws -> [ApplicationEvent] {
        guard let record = try await ApplicationRecord.find(applicationID, on: database), record.agencyID == agencyID
        else { throw StoreError.notFound("申请 \(applicationID)") }
        return try await ApplicationEventRecord.query(on: database).filter(\.$applicationID == applicationID)
            .sort(\.$seq).all().map { try $0.value() }
    }
}
