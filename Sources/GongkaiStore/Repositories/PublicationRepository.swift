import FluentKit
import GongkaiCore

/// The scope's items on their way to the catalogue (`publications`), their history and the agency's publication
/// settings. Every query is filtered by the scope's agency; every change checks the version the form was read at.
/// Which step is legal and who may take it is decided before (the core's `PublicationReview`, the office's
/// permissions); this writes it.
public struct PublicationRepository: Sendable {
    let database: any Database
    public let scope: AgencyScope

    public init(database: any Database, scope: AgencyScope) {
        self.database = database
        self.scope = scope
    }

    /// The agency's settings (the defaults until an administrator saves some).
    public func settings() async throws -> PublicationSettings {
        try await PublicationSettingsRecord.find(scope.agencyID, on: database)?.value() ?? PublicationSettings()
    }

    public func save(_ settings: PublicationSettings) async throws {
        let record = PublicationSettingsRecord(agencyID: scope.agencyID, settings)
        if try await PublicationSettingsRecord.find(scope.agencyID, on: database) != nil {
            record.$id.exists = true
            try await record.update(on: database)
        } else {
            try await record.create(on: database)
        }
    }

    /// Creates a draft written by the scope's user.
    /// `sources`: the applications of a 第四十四条 proposal it is drafted from, recorded with it.
    public func create(_ content: PublicationContent, sources: [String] = [], at moment: Moment) async throws -> StoredPublication {
        try await database.transaction { db in
            let record = PublicationRecord(agencyID: scope.agencyID, content: content, author: scope.actor, at: moment)
            try await record.create(on: db)
            let note = sources.isEmpty ? "" : "依第四十四条，由申请 " + sources.joined(separator: "、") + " 纳入主动公开"
            try await log(record, "起草", note: note, at: moment, on: db)
            try await insertSources(sources, publicationID: record.id, note: note, at: moment, on: db)
            return try await stored(record, on: db)
        }
    }

    /// The item `id` of the agency with its history, or nil.
    public func find(_ id: Int) async throws -> StoredPublication? {
        guard let record = try await query(database).filter(\.$id == id).first() else { return nil }
        return try await stored(record, on: database)
    }

    /// The agency's items in `states` (all when nil), the latest first, without their history.
    public func list(states: Set<PublicationState>? = nil) async throws -> [StoredPublication] {
        var q = query(database)
        if let states { q = q.filter(\.$state ~~ states.map(\.rawValue)) }
        let records = try await q.sort(\.$id, .descending).all()
        let itemIDs = records.compactMap(\.catalogueItemID)
        let items = try await CatalogueItemRecord.query(on: database).filter(\.$agencyID == scope.agencyID)
            .filter(\.$id ~~ itemIDs).all()
        let byID = Dictionary(uniqueKeysWithValues: items.compactMap { r in r.id.map { ($0, r) } })
        return records.map { value($0, item: $0.catalogueItemID.flatMap { byID[$0] }?.value(), history: []) }
    }

    /// Moves item `id`, read at `expectedVersion`, to `state`, with `change` applied to its row and `action` logged.
    public func transition(
        _ id: Int, expectedVersion: Int, to state: PublicationState, action: String, note: String = "", at moment: Moment,
        _ change: @escaping @Sendable (PublicationRecordChange) -> Void = { _ in }
    ) async throws -> StoredPublication {
        try await database.transaction { db in
            let record = try await current(id, expectedVersion: expectedVersion, on: db)
            record.state = state.rawValue
            change(PublicationRecordChange(record: record))
            record.version += 1
            try await record.update(on: db)
            try await log(record, action, note: note, at: moment, on: db)
            return try await stored(record, on: db)
        }
    }

    /// Publishes item `id`: gives it the next serial of the year under `pattern` (never given twice: unique per
    /// agency and year, retried when two approvals meet), enters it in the catalogue to appear at `visibleFrom` (a
    /// 依申请公开 item by its entry alone: its content stays here), and marks it approved by the scope's user.
    public func publish(
        _ id: Int, expectedVersion: Int, pattern: IndexNumberPattern, visibleFrom: Moment, action: String, at moment: Moment,
        _ change: @escaping @Sendable (PublicationRecordChange) -> Void = { _ in }
    ) async throws -> StoredPublication {
        for attempt in 0..<5 {
            do {
                return try await publishOnce(id, expectedVersion, pattern, visibleFrom, action, moment, change)
            } catch where StoreError.isUniqueViolation(error) && attempt < 4 {
                continue
            }
        }
        throw PublicationStoreError.indexNumberTaken(id)
    }

    private func publishOnce(
        _ id: Int, _ expectedVersion: Int, _ pattern: IndexNumberPattern, _ visibleFrom: Moment, _ action: String, _ moment: Moment,
        _ change: @escaping @Sendable (PublicationRecordChange) -> Void
    ) async throws -> StoredPublication {
        try await database.transaction { db in
            let record = try await current(id, expectedVersion: expectedVersion, on: db)
            change(PublicationRecordChange(record: record))
            let year = visibleFrom.date.year
            let highest = try await query(db).filter(\.$indexYear == year).sort(\.$indexSerial, .descending).first()
            let serial = (highest?.indexSerial ?? 0) + 1
            let c = record.content
            let item = CatalogueItem(
                agencyID: scope.agencyID,
                indexNumber: pattern.indexNumber(agencyCode: scope.agency.code, year: year, serial: serial, article20Item: c.article20Item),
                article20Item: c.article20Item, title: c.title, documentNumber: c.documentNumber, publishedOn: visibleFrom.date,
                channels: c.channels, subject: c.subject, writtenOn: c.writtenOn, body: c.disclosure.showsContent ? c.body : "",
                visibleFrom: visibleFrom, disclosure: c.disclosure)
            let itemRecord = CatalogueItemRecord(item)
            try await itemRecord.create(on: db)
            (record.indexYear, record.indexSerial, record.catalogueItemID) = (year, serial, itemRecord.id)
            (record.state, record.approver) = (PublicationState.approved.rawValue, scope.actor)
            record.version += 1
            try await record.update(on: db)
            let shown = c.disclosure.showsContent ? "在网站公开" : "在目录中列出（依申请公开，不公开全文）"
            try await log(record, action, note: "索引号 \(item.indexNumber)，\(visibleFrom) 起\(shown)", at: moment, on: db)
            if let kind = c.documentKind { try await register(kind, c, publishedOn: visibleFrom.date, at: moment, on: db) }
            try await registerDecisions(of: id, title: c.title, at: moment, on: db)
            return try await stored(record, on: db)
        }
    }

    /// Revokes item `id`: its catalogue entry leaves the portal at once, the record and `reason` stay.
    public func revoke(_ id: Int, expectedVersion: Int, reason: String, at moment: Moment) async throws -> StoredPublication {
        try await database.transaction { db in
            let record = try await current(id, expectedVersion: expectedVersion, on: db)
            if let itemID = record.catalogueItemID, let item = try await CatalogueItemRecord.find(itemID, on: db) {
                (item.revokedAt, item.revokeReason) = (moment.description, reason)
                try await item.update(on: db)
            }
            record.state = PublicationState.revoked.rawValue
            record.version += 1
            try await record.update(on: db)
            try await log(record, "撤销发布", note: reason, at: moment, on: db)
            return try await stored(record, on: db)
        }
    }

    /// A 规章 or 规范性文件 published: entered in `normative_documents` (made on its 成文日期), or, when the register
    /// holds its 文号 already, given the day it was published if it had none — with the registers' change log.
    private func register(_ kind: DocumentKind, _ c: PublicationContent, publishedOn: CivilDate, at moment: Moment, on db: any Database) async throws {
        let audit = RegisterAuditRepository(database: db, scope: scope)
        let spec = RegisterCatalog.normativeDocuments
        let before = try await audit.rowCount(spec)
        if let existing = try await NormativeDocumentRecord.query(on: db).filter(\.$agencyID == scope.agencyID)
            .filter(\.$documentNumber == c.documentNumber).first()
        {
            guard existing.publishedOn == nil else { return }
            existing.publishedOn = publishedOn.iso
            try await existing.update(on: db)
            try await audit.record(register: spec.name, action: "发布「\(c.title)」：公开日期 无 → \(publishedOn.iso)", rowsBefore: before, rowsAfter: before, at: moment)
            return
        }
        try await NormativeDocumentRecord(NormativeDocument(
            agencyID: scope.agencyID, kind: kind, title: c.title, documentNumber: c.documentNumber, madeOn: c.writtenOn ?? c.formedOn,
            publishedOn: publishedOn)).create(on: db)
        try await audit.record(register: spec.name, action: "发布「\(c.title)」（\(c.documentNumber)）：新增 1 行", rowsBefore: before, rowsAfter: before + 1, at: moment)
    }

    private func query(_ db: any Database) -> QueryBuilder<PublicationRecord> {
        PublicationRecord.query(on: db).filter(\.$agencyID == scope.agencyID)
    }

    private func current(_ id: Int, expectedVersion: Int, on db: any Database) async throws -> PublicationRecord {
        guard let record = try await query(db).filter(\.$id == id).first() else { throw PublicationStoreError.notFound(id) }
        guard record.version == expectedVersion else {
            throw PublicationStoreError.staleVersion(id: id, expected: expectedVersion, found: record.version)
        }
        return record
    }

    private func log(_ record: PublicationRecord, _ action: String, note: String, at moment: Moment, on db: any Database) async throws {
        try await PublicationEventRecord(publicationID: try record.requireID(), at: moment, actor: scope.actor, action: action, note: note)
            .create(on: db)
    }

    private func stored(_ record: PublicationRecord, on db: any Database) async throws -> StoredPublication {
        let events = try await PublicationEventRecord.query(on: db).filter(\.$publicationID == record.requireID()).sort(\.$id).all()
        var item: CatalogueItem?
        if let itemID = record.catalogueItemID { item = try await CatalogueItemRecord.find(itemID, on: db)?.value() }
        return value(record, item: item, history: events.map {
            StoredPublication.Event(at: Moment(parsing: $0.at) ?? Moment(minuteNumber: 0), actor: $0.actor, action: $0.action, note: $0.note)
        })
    }

    private func value(_ r: PublicationRecord, item: CatalogueItem?, history: [StoredPublication.Event]) -> StoredPublication {
        StoredPublication(
            id: r.id ?? 0, agencyID: r.agencyID, state: PublicationState(rawValue: r.state) ?? .draft, content: r.content,
            author: r.author, submittedBy: r.submittedBy, reviewer: r.reviewer, answers: r.storedAnswers, approver: r.approver,
            catalogueItem: item, createdAt: Moment(parsing: r.createdAt) ?? Moment(minuteNumber: 0), version: r.version,
            history: history)
    }
}

/// What a step may write besides the state: the content (while editable), who submitted, reviewed or approved,
/// the review's answers.
public struct PublicationRecordChange {
    let record: PublicationRecord

    public func setContent(_ content: PublicationContent) { record.set(content) }
    public func setSubmitter(_ user: String) { record.submittedBy = user }
    public func setReview(by user: String, answers: ChecklistAnswers?) {
        record.reviewer = user
        if let answers { record.storedAnswers = answers }
    }
}

/// Why a stored publication could not be changed; nothing was written.
public enum PublicationStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case notFound(Int)
    case staleVersion(id: Int, expected: Int, found: Int)
    /// Two approvals kept meeting on the same serial (only under heavy contention).
    case indexNumberTaken(Int)
    /// The item's batch of decisions no longer enters the register as it stands.
    case decisionsInvalid([ImportIssue])

    public var description: String {
        switch self {
        case .notFound(let id): return "本机关没有编号为 \(id) 的拟公开信息"
        case .staleVersion(let id, let expected, let found):
            return "拟公开信息 \(id) 已被他人处理（读取时为第\(expected)版，现为第\(found)版），请重新打开后再操作"
        case .indexNumberTaken(let id): return "拟公开信息 \(id) 未能取得索引号（同时发布的信息过多），请再试一次"
        case .decisionsInvalid(let issues):
            return "处理决定不能登记到处理决定台账，未发布：" + issues.prefix(5).map(\.description).joined(separator: "；")
                + (issues.count > 5 ? "等\(issues.count)处" : "")
        }
    }
}
