import FluentKit
import GongkaiCore

/// A published annual report as stored: one version of one year, locked.
public struct PublishedReport: Hashable, Sendable {
    public var year: Int
    /// 1 for the report as first published; each amendment adds one.
    public var version: Int
    /// The report in the public JSON form (`docs/REPORT-JSON.md`).
    public var json: String
    /// SHA-256 of `json`, hex.
    public var contentHash: String
    public var publishedAt: Moment?
    public var publishedBy: String
    /// What an amendment changed and why (nil for the first version).
    public var amendmentNote: String?
}

/// Row of `published_reports`.
final class PublishedReportRecord: Model, @unchecked Sendable {
    static let schema = "published_reports"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "year") var year: Int
    @Field(key: "version") var version: Int
    @Field(key: "report_json") var reportJSON: String
    @Field(key: "content_hash") var contentHash: String
    @Field(key: "published_at") var publishedAt: String
    @Field(key: "published_by") var publishedBy: String
    @OptionalField(key: "amendment_note") var amendmentNote: String?

    init() {}

    func value() -> PublishedReport {
        PublishedReport(
            year: year, version: version, json: reportJSON, contentHash: contentHash,
            publishedAt: Moment(parsing: publishedAt), publishedBy: publishedBy, amendmentNote: amendmentNote)
    }
}

/// 年度报告 published by one agency (the scope's): append-only versions per year; nothing is ever changed.
///
/// ```swift
/// let reports = PublishedReportRepository(database: db, scope: scope)
/// try await reports.publish(year: 2020, json: json, contentHash: hash, note: nil, at: now)
/// ```
public struct PublishedReportRepository: Sendable {
    let database: any Database
    public let scope: AgencyScope

    public init(database: any Database, scope: AgencyScope) {
        self.database = database
        self.scope = scope
    }

    /// Stores the next version of `year` (1 when none is published).
    @discardableResult
    public func publish(year: Int, json: String, contentHash: String, note: String?, at moment: Moment) async throws
        -> PublishedReport
    {
        try await database.transaction { db in
            let latest = try await query(db).filter(\.$year == year).sort(\.$version, .descending).first()
            let record = PublishedReportRecord()
            (record.agencyID, record.year, record.version) = (scope.agencyID, year, (latest?.version ?? 0) + 1)
            (record.reportJSON, record.contentHash, record.amendmentNote) = (json, contentHash, note)
            (record.publishedAt, record.publishedBy) = (moment.description, scope.actor)
            try await record.create(on: db)
            return record.value()
        }
    }

    /// Every version of `year`, oldest first.
    public func versions(year: Int) async throws -> [PublishedReport] {
        try await query(database).filter(\.$year == year).sort(\.$version).all().map { $0.value() }
    }

    /// The years with a published report, newest first.
    public func years() async throws -> [Int] {
        Array(Set(try await query(database).field(\.$year).all().map(\.year))).sorted(by: >)
    }

    private func query(_ db: any Database) -> QueryBuilder<PublishedReportRecord> {
        PublishedReportRecord.query(on: db).filter(\.$agencyID == scope.agencyID)
    }
}
