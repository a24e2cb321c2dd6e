import FluentKit
import GongkaiCore
import SQLKit

/// A case as stored: the whole `ApplicationCase` and its version (the number of changes written), which a later
/// `CaseRepository.record` names to make sure nobody changed the case in between.
public struct StoredCase: Hashable, Sendable {
    public var value: ApplicationCase
    public var version: Int
}

/// 依申请公开 cases of one agency (the scope's), stored whole: row, applicant, request, delivery, submission and
/// the append-only log. Every change goes through the core's state machine, in one transaction, with an optimistic
/// version check. Cases come back without personal data unless the scope's role may see it.
///
/// ```swift
/// let cases = CaseRepository(database: store.database, scope: scope, calendar: cal)
/// let stored = try await cases.receive(c)
/// try await cases.record(ApplicationEvent(day, .answered(.granted)), at: now, on: c.id,
///                        expectedVersion: stored.version)
/// ```
public struct CaseRepository: Sendable {
    let database: any Database
    public let scope: AgencyScope
    let calendar: WorkingDayCalendar

    public init(database: any Database, scope: AgencyScope, calendar: WorkingDayCalendar) {
        self.database = database
        self.scope = scope
        self.calendar = calendar
    }

    /// Stores a new case whole, with every entry of its log; refuses a reference already used in the agency.
    @discardableResult
    public func receive(_ c: ApplicationCase) async throws -> StoredCase {
        try await database.transaction { db in
            if try await query(db).filter(\.$reference == c.id).first() != nil {
                throw CaseError.duplicateReference(c.id)
            }
            let record = ApplicationRecord(c, agencyID: scope.agencyID)
            try await record.create(on: db)
            let id = try record.requireID()
            for (i, entry) in c.log.enumerated() {
                try await ApplicationEventRecord(applicationID: id, seq: i + 1, entry: entry).create(on: db)
            }
            return StoredCase(value: visible(c), version: record.version)
        }
    }

    /// The next free reference `prefix` + a four-digit number (`网申2024-0001`): one more than the highest stored
    /// with that prefix.
    public func nextReference(prefix: String) async throws -> String {
        let used = try await query(database).filter(\.$reference, .contains(inverse: false, .prefix), prefix).all()
        let highest = used.compactMap { Int($0.reference.dropFirst(prefix.count)) }.max() ?? 0
        let number = String(highest + 1)
        return prefix + String(repeating: "0", count: max(0, 4 - number.count)) + number
    }

    /// Records `event` on the case `reference` (or tracking code): loads it, asks the core whether the event is
    /// legal now, appends it and updates the derived columns, all in one transaction. `expectedVersion` is the
    /// version the caller read; when someone changed the case since, nothing is written (`CaseError.staleVersion`).
    @discardableResult
    public func record(
        _ event: ApplicationEvent, at moment: Moment?, on reference: String, expectedVersion: Int?
    ) async throws -> StoredCase {
        try await database.transaction { db in
            guard let record = try await find(reference, on: db) else { throw CaseError.notFound(reference) }
            if let expectedVersion, expectedVersion != record.version {
                throw CaseError.staleVersion(
                    reference: record.reference, expected: expectedVersion, found: record.version)
            }
            let id = try record.requireID()
            var c = try record.value(log: try await log(of: [id], on: db)[id] ?? [], calendar: calendar)
            do {
                try c.record(event, by: scope.actor, at: moment, calendar: calendar)
            } catch let e as ApplicationError {
                throw CaseError.refused(reference: c.id, e)
            }
            // The version first: a concurrent writer waits on the row and then finds the version moved on.
            let version = try await bumpVersion(record, to: c, on: db)
            try await ApplicationEventRecord(applicationID: id, seq: c.log.count, entry: c.log[c.log.count - 1])
                .create(on: db)
            return StoredCase(value: visible(c), version: version)
        }
    }

    /// The case with this reference or tracking code, or nil.
    public func find(_ referenceOrCode: String) async throws -> StoredCase? {
        guard let record = try await find(referenceOrCode, on: database) else { return nil }
        return try await load([record], on: database).first
    }

    /// Cases received by `day` and not closed by then (open at the end of `day`), oldest first.
    public func open(on day: CivilDate) async throws -> [StoredCase] {
        let records = try await query(database).filter(\.$receivedOn <= day.iso)
            .group(.or) { $0.filter(\.$closedOn == nil).filter(\.$closedOn > day.iso) }
            .sort(\.$receivedOn).sort(\.$reference).all()
        return try await load(records, on: database)
    }

    /// Cases closed from `first` through `last` (answered, lapsed or withdrawn), most recently closed first.
    public func closed(from first: CivilDate, through last: CivilDate) async throws -> [StoredCase] {
        let records = try await query(database).filter(\.$closedOn >= first.iso).filter(\.$closedOn <= last.iso)
            .sort(\.$closedOn, .descending).sort(\.$reference).all()
        return try await load(records, on: database)
    }

    /// Every case that counts in the report of `year` (`ReportPeriod`): received by 31 December and not closed
    /// before 1 January.
    public func countedIn(year: Int) async throws -> [ApplicationCase] {
        let records = try await query(database).filter(\.$receivedOn <= CivilDate.endOf(year: year).iso)
            .group(.or) { $0.filter(\.$closedOn == nil).filter(\.$closedOn >= CivilDate.startOf(year: year).iso) }
            .sort(\.$reference).all()
        return try await load(records, on: database).map(\.value)
    }

    /// The applicant's e-mail address and the tracking code of case `reference`, whatever the scope's role may see:
    /// only for sending the applicant the letters addressed to them (the outbox), never for showing.
    public func noticeAddress(_ reference: String) async throws -> (email: String?, trackingCode: String?) {
        let r = try await query(database).filter(\.$reference == reference).first()
        return (r?.applicantEmail, r?.trackingCode)
    }

    private func query(_ db: any Database) -> QueryBuilder<ApplicationRecord> {
        ApplicationRecord.query(on: db).filter(\.$agencyID == scope.agencyID)
    }

    private func find(_ referenceOrCode: String, on db: any Database) async throws -> ApplicationRecord? {
        if let byReference = try await query(db).filter(\.$reference == referenceOrCode).first() { return byReference }
        guard let code = try? TrackingCode(referenceOrCode) else { return nil }
        return try await query(db).filter(\.$trackingCode == code.value).first()
    }

    private func load(_ records: [ApplicationRecord], on db: any Database) async throws -> [StoredCase] {
        let logs = try await log(of: records.compactMap(\.id), on: db)
        return try records.map { r in
            StoredCase(value: visible(try r.value(log: logs[r.id ?? 0] ?? [], calendar: calendar)), version: r.version)
        }
    }

    /// The logs of `ids`, each in order; read in chunks so that no statement binds too many values.
    private func log(of ids: [Int], on db: any Database) async throws -> [Int: [CaseLogEntry]] {
        var logs: [Int: [CaseLogEntry]] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            let rows = try await ApplicationEventRecord.query(on: db).filter(\.$applicationID ~~ chunk)
                .sort(\.$applicationID).sort(\.$seq).all()
            for row in rows { logs[row.applicationID, default: []].append(try row.value()) }
        }
        return logs
    }

    /// Writes the derived columns and the next version, only if the version is still the one read.
    private func bumpVersion(_ record: ApplicationRecord, to c: ApplicationCase, on db: any Database) async throws
        -> Int
    {
        let sql = db as! any SQLDatabase
        let next = record.version + 1
        let updated = try await sql.update(ApplicationRecord.schema)
            .set("version", to: next).set("outcome", to: c.outcome?.row.id).set("closed_on", to: c.closedOn?.iso)
            .set("received_on", to: c.receivedOn.iso)
            .where("id", .equal, record.id).where("version", .equal, record.version)
            .returning("id").all()
        guard !updated.isEmpty else {
            let now = try await ApplicationRecord.find(record.id, on: db)?.version ?? next
            throw CaseError.staleVersion(reference: record.reference, expected: record.version, found: now)
        }
        return next
    }

    private func visible(_ c: ApplicationCase) -> ApplicationCase {
        scope.mayViewPersonalData ? c : c.withoutPersonalData
    }
}
