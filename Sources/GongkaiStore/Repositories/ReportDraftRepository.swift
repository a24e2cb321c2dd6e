import FluentKit
import Foundation
import GongkaiCore

/// The scope's annual reports being drafted (`report_drafts`) and their history. Every query is filtered by the
/// scope's agency; every change checks the version the form was read at. Which step is legal and who may take it is
/// decided before (the core's `ReportDraftRules`, the office's permissions); this writes it.
public struct ReportDraftRepository: Sendable {
    let database: any Database
    public let scope: AgencyScope

    public init(database: any Database, scope: AgencyScope) {
        self.database = database
        self.scope = scope
    }

    /// Opens a draft of `year` written by the scope's user; refused when one is open already (`alreadyOpen`).
    public func open(year: Int, text: ReportText, amendmentNote: String?, at moment: Moment) async throws -> StoredReportDraft {
        do {
            return try await database.transaction { db in
                if let open = try await query(db).filter(\.$openYear == year).first() {
                    throw ReportDraftStoreError.alreadyOpen(year: year, id: open.id ?? 0)
                }
                let record = try ReportDraftRecord(
                    agencyID: scope.agencyID, year: year, text: text, amendmentNote: amendmentNote, author: scope.actor, at: moment)
                try await record.create(on: db)
                try await log(record, "起草", note: amendmentNote.map { "修订：\($0)" } ?? "", at: moment, on: db)
                return try await stored(record, on: db)
            }
        } catch where StoreError.isUniqueViolation(error) {
            throw ReportDraftStoreError.alreadyOpen(year: year, id: try await openDraft(year: year)?.id ?? 0)
        }
    }

    /// The draft `id` of the agency with its history, or nil.
    public func find(_ id: Int) async throws -> StoredReportDraft? {
        guard let record = try await query(database).filter(\.$id == id).first() else { return nil }
        return try await stored(record, on: database)
    }

    /// The open (not yet published) draft of `year`, or nil.
    public func openDraft(year: Int) async throws -> StoredReportDraft? {
        guard let record = try await query(database).filter(\.$openYear == year).first() else { return nil }
        return try await stored(record, on: database)
    }

    /// Every draft of the agency, the latest first, without history.
    public func list() async throws -> [StoredReportDraft] {
        try await query(database).sort(\.$id, .descending).all().map { try $0.value(history: []) }
    }

    /// Moves draft `id`, read at `expectedVersion`, to `state`, with `change` applied and `action` logged.
    public func transition(
        _ id: Int, expectedVersion: Int, to state: PublicationState, action: String, note: String = "", at moment: Moment,
        _ change: @escaping @Sendable (ReportDraftChange) throws -> Void = { _ in }
    ) async throws -> StoredReportDraft {
        try await database.transaction { db in
            let record = try await current(id, expectedVersion: expectedVersion, on: db)
            record.state = state.rawValue
            try change(ReportDraftChange(record: record))
            record.version += 1
            try await record.update(on: db)
            try await log(record, action, note: note, at: moment, on: db)
            return try await stored(record, on: db)
        }
    }

    /// Approves draft `id` and publishes it in the same transaction: `publish` stores the snapshot (on the
    /// transaction's database) and the draft records its version — both or neither.
    public func approve(
        _ id: Int, expectedVersion: Int, action: String, at moment: Moment,
        publish: @escaping @Sendable (PublishedReportRepository) async throws -> PublishedReport
    ) async throws -> StoredReportDraft {
        try await database.transaction { db in
            let record = try await current(id, expectedVersion: expectedVersion, on: db)
            let published = try await publish(PublishedReportRepository(database: db, scope: scope))
            (record.state, record.approver, record.publishedVersion) = (PublicationState.approved.rawValue, scope.actor, published.version)
            record.openYear = nil
            record.version += 1
            try await record.update(on: db)
            try await log(record, action, note: "公布为\(record.year)年度报告第\(published.version)版", at: moment, on: db)
            return try await stored(record, on: db)
        }
    }

    private func query(_ db: any Database) -> QueryBuilder<ReportDraftRecord> {
        ReportDraftRecord.query(on: db).filter(\.$agencyID == scope.agencyID)
    }

    private func current(_ id: Int, expectedVersion: Int, on db: any Database) async throws -> ReportDraftRecord {
        guard let record = try await query(db).filter(\.$id == id).first() else { throw ReportDraftStoreError.notFound(id) }
        guard record.version == expectedVersion else {
            throw ReportDraftStoreError.staleVersion(id: id, expected: expectedVersion, found: record.version)
        }
        return record
    }

    private func log(_ record: ReportDraftRecord, _ action: String, note: String, at moment: Moment, on db: any Database) async throws {
        try await ReportDraftEventRecord(draftID: try record.requireID(), at: moment, actor: scope.actor, action: action, note: note)
            .create(on: db)
    }

    private func stored(_ record: ReportDraftRecord, on db: any Database) async throws -> StoredReportDraft {
        let events = try await ReportDraftEventRecord.query(on: db).filter(\.$draftID == record.requireID()).sort(\.$id).all()
        return try record.value(history: events.map(\.event))
    }
}

/// What a step may write besides the state: the words (while editable), who submitted or reviewed, the answers.
public struct ReportDraftChange {
    let record: ReportDraftRecord

    public func setText(_ text: ReportText, amendmentNote: String?) throws {
        try record.setText(text)
        if record.amendmentNote != nil || amendmentNote != nil { record.amendmentNote = amendmentNote }
    }
    public func setSubmitter(_ user: String) { record.submittedBy = user }
    public func setReview(by user: String, answers: ChecklistAnswers?) {
        record.reviewer = user
        if let answers { record.answers = try? String(decoding: JSONEncoder().encode(answers), as: UTF8.self) }
    }
}

/// Why a stored report draft could not be opened or changed; nothing was written.
public enum ReportDraftStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case notFound(Int)
    case staleVersion(id: Int, expected: Int, found: Int)
    /// A draft of that year is open already: there is one at a time.
    case alreadyOpen(year: Int, id: Int)
    /// Another version of the year was published while this draft was being approved.
    case publishedMeanwhile(year: Int)

    public var description: String {
        switch self {
        case .notFound(let id): return "本机关没有编号为 \(id) 的年度报告草稿"
        case .staleVersion(let id, let expected, let found):
            return "年度报告草稿 \(id) 已被他人修改（读取时为第\(expected)版，现为第\(found)版），请重新打开后再操作"
        case .alreadyOpen(let year, let id): return "\(year)年度报告已有未公布的草稿（编号 \(id)），请在该草稿上继续"
        case .publishedMeanwhile(let year): return "\(year)年度报告刚公布了新的版本，请重新打开后再操作"
        }
    }
}
