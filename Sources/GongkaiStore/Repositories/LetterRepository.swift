import FluentKit
import GongkaiCore
import SQLKit

/// 文书 of one agency (the scope's): drafts and issued letters, each tied to a case and the event it answers.
/// Issued letters are never changed or deleted; numbers are given at issue, one series per agency and year, from
/// 1 without gaps (the highest number of the year plus one, in the issuing transaction; the unique index refuses
/// a second letter that drew the same number at the same moment, and `issue` draws again).
///
/// ```swift
/// let letters = LetterRepository(database: db, scope: scope)
/// let draft = try await letters.create(letter, reference: "2020-0001", eventIndex: 0, replacing: nil, at: now)
/// let issued = try await letters.issue(draft.id, prefix: "大应急公开", expectedVersion: draft.version, at: now)
/// ```
public struct LetterRepository: Sendable {
    let database: any Database
    public let scope: AgencyScope

    public init(database: any Database, scope: AgencyScope) {
        self.database = database
        self.scope = scope
    }

    /// Letters of the case `reference`, in the order of the events they answer (a correction after the letter it
    /// corrects).
    public func letters(of reference: String) async throws -> [StoredLetter] {
        guard let application = try await application(reference, on: database) else { throw CaseError.notFound(reference) }
        let rows = try await query(database).filter(\.$applicationID == application)
            .sort(\.$eventSeq).sort(\.$id).all()
        return try values(rows, reference: reference)
    }

    /// The letter `id` of the agency, or nil.
    public func find(_ id: Int) async throws -> StoredLetter? {
        try await find(id, on: database)
    }

    /// Stores `letter` as a draft for event `eventIndex` of case `reference`, or as the correction of the issued
    /// letter `replacing`. A draft already waiting for that event (or that correction) is returned instead of a
    /// second one, so a double click makes one draft.
    public func create(
        _ letter: Letter, reference: String, eventIndex: Int, replacing: Int?, at moment: Moment
    ) async throws -> StoredLetter {
        try await database.transaction { db in
            guard let application = try await application(reference, on: db) else { throw CaseError.notFound(reference) }
            let siblings = try await query(db).filter(\.$applicationID == application)
                .filter(\.$eventSeq == eventIndex + 1).all()
            if let replacing {
                guard let old = siblings.first(where: { $0.id == replacing }), old.status == StoredLetter.Status.issued.rawValue
                else { throw LetterError.notCorrectable("只能更正本案件该事件已签发的文书") }
                if let existing = siblings.first(where: { $0.replacesID == replacing }) {
                    guard existing.status == StoredLetter.Status.draft.rawValue else {
                        throw LetterError.notCorrectable("该文书已被更正，请更正最新的文书")
                    }
                    return try await value(existing, reference: reference, on: db)
                }
            } else {
                if let draft = siblings.first(where: { $0.status == StoredLetter.Status.draft.rawValue }) {
                    return try await value(draft, reference: reference, on: db)
                }
                if let number = siblings.last(where: { $0.status == StoredLetter.Status.issued.rawValue })?.number {
                    throw LetterError.alreadyIssued(number)
                }
            }
            let record = LetterRecord(
                letter, agencyID: scope.agencyID, applicationID: application, eventSeq: eventIndex + 1,
                replacesID: replacing, by: scope.actor, at: moment)
            try await record.create(on: db)
            return try await value(record, reference: reference, on: db)
        }
    }

    /// Replaces a draft's title, addressee and body with `letter`'s, if the draft is still at `expectedVersion`.
    public func revise(_ id: Int, to letter: Letter, expectedVersion: Int) async throws -> StoredLetter {
        try await database.transaction { db in
            let record = try await draft(id, expectedVersion: expectedVersion, on: db)
            record.setText(of: letter)
            record.version += 1
            try await record.update(on: db)
            return try await stored(record, on: db)
        }
    }

    /// Deletes a draft (it has no number, so the series keeps no gap).
    public func discard(_ id: Int, expectedVersion: Int) async throws {
        try await database.transaction { db in
            try await draft(id, expectedVersion: expectedVersion, on: db).delete(on: db)
        }
    }

    /// Issues the draft `id`: the next number of the agency's series for the letter's year, the issuer and the
    /// moment; from then on the letter is locked. Two letters issued at the same moment may draw the same number:
    /// the store refuses the second, which draws again.
    /// `then` runs inside the same transaction with the issued letter and an outbox on that transaction, so that
    /// what it queues is stored with the issue or not at all.
    public func issue(
        _ id: Int, prefix: String, expectedVersion: Int, at moment: Moment,
        then: @escaping @Sendable (StoredLetter, OutboxRepository) async throws -> Void = { _, _ in }
    ) async throws -> StoredLetter {
        for _ in 0..<4 {
            do {
                return try await issueOnce(id, prefix: prefix, expectedVersion: expectedVersion, at: moment, then: then)
            } catch where StoreError.isUniqueViolation(error) {
                continue
            }
        }
        return try await issueOnce(id, prefix: prefix, expectedVersion: expectedVersion, at: moment, then: then)
    }

    private func issueOnce(
        _ id: Int, prefix: String, expectedVersion: Int, at moment: Moment,
        then: @escaping @Sendable (StoredLetter, OutboxRepository) async throws -> Void
    ) async throws -> StoredLetter {
        try await database.transaction { db in
            let record = try await draft(id, expectedVersion: expectedVersion, on: db)
            let year = CivilDate(storeText: record.letterDate)?.year ?? moment.date.year
            let highest = try await query(db).filter(\.$numberYear == year).sort(\.$numberSeq, .descending).first()
            (record.numberPrefix, record.numberYear, record.numberSeq) = (prefix, year, (highest?.numberSeq ?? 0) + 1)
            (record.status, record.issuedBy, record.issuedAt) = (StoredLetter.Status.issued.rawValue, scope.actor, moment.description)
            record.version += 1
            try await record.update(on: db)
            let issued = try await stored(record, on: db)
            try await then(issued, OutboxRepository(database: db, scope: scope))
            return issued
        }
    }

    private func query(_ db: any Database) -> QueryBuilder<LetterRecord> {
        LetterRecord.query(on: db).filter(\.$agencyID == scope.agencyID)
    }

    private func application(_ reference: String, on db: any Database) async throws -> Int? {
        try await ApplicationRecord.query(on: db).filter(\.$agencyID == scope.agencyID)
            .filter(\.$reference == reference).first()?.id
    }

    private func find(_ id: Int, on db: any Database) async throws -> StoredLetter? {
        guard let record = try await query(db).filter(\.$id == id).first() else { return nil }
        return try await stored(record, on: db)
    }

    /// The draft `id` at `expectedVersion`, or the reason it cannot be changed.
    private func draft(_ id: Int, expectedVersion: Int, on db: any Database) async throws -> LetterRecord {
        guard let record = try await query(db).filter(\.$id == id).first() else { throw LetterError.notFound(id) }
        guard record.status == StoredLetter.Status.draft.rawValue else {
            throw LetterError.locked(record.number ?? LetterNumber(prefix: "", year: 0, sequence: 0))
        }
        guard record.version == expectedVersion else {
            throw LetterError.staleVersion(id: id, expected: expectedVersion, found: record.version)
        }
        return record
    }

    private func stored(_ record: LetterRecord, on db: any Database) async throws -> StoredLetter {
        let reference = try await ApplicationRecord.find(record.applicationID, on: db)?.reference ?? ""
        return try await value(record, reference: reference, on: db)
    }

    private func value(_ record: LetterRecord, reference: String, on db: any Database) async throws -> StoredLetter {
        var replaces: LetterNumber?
        if let old = record.replacesID { replaces = try await query(db).filter(\.$id == old).first()?.number }
        return try record.value(reference: reference, replaces: replaces)
    }

    private func values(_ rows: [LetterRecord], reference: String) throws -> [StoredLetter] {
        let byID = Dictionary(uniqueKeysWithValues: rows.compactMap { r in r.id.map { ($0, r) } })
        return try rows.map { r in
            try r.value(reference: reference, replaces: r.replacesID.flatMap { byID[$0] }?.number)
        }
    }
}
