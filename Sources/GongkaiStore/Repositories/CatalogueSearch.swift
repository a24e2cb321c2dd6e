import FluentKit
import GongkaiCore

/// 目录检索 — what the public catalogue asks for: words in the title, 文号 or 索引号, an Art. 20 item, a year, a page.
public struct CatalogueQuery: Hashable, Sendable {
    /// Words to find (any Chinese substring: 预算 finds 部门预算); blank for all.
    public var text: String
    public var article20Item: Article20Item?
    public var year: Int?
    /// 1-based.
    public var page: Int
    public var pageSize: Int
    /// What the public sees at this moment: items whose publication moment has come and that are not revoked.
    /// nil: every item, as staff see the register.
    public var visibleAt: Moment?

    public init(
        text: String = "", article20Item: Article20Item? = nil, year: Int? = nil, page: Int = 1, pageSize: Int = 20,
        visibleAt: Moment? = nil
    ) {
        self.text = text
        self.visibleAt = visibleAt
        self.article20Item = article20Item
        self.year = year
        self.page = page
        self.pageSize = pageSize
    }
}

/// One page of the catalogue and how many items match in all.
public struct CataloguePage: Hashable, Sendable {
    public var items: [CatalogueItem]
    public var total: Int
    public var pageSize: Int
}

extension DisclosureRepository {
    /// The scope's catalogue items matching `query`, newest first (published date, then the latest entered).
    /// `%` and `_` in the words are ignored (they would be patterns to the database).
    public func catalogue(_ query: CatalogueQuery) async throws -> CataloguePage {
        let words = query.text.filter { $0 != "%" && $0 != "_" }.trimmingCharacters(in: .whitespacesAndNewlines)
        func matching() -> QueryBuilder<CatalogueItemRecord> {
            var q = CatalogueItemRecord.query(on: database).filter(\.$agencyID == agencyID)
            if let moment = query.visibleAt { q = Self.visible(q, at: moment) }
            if !words.isEmpty {
                q = q.group(.or) {
                    $0.filter(\.$title, .contains(inverse: false, .anywhere), words)
                        .filter(\.$documentNumber, .contains(inverse: false, .anywhere), words)
                        .filter(\.$indexNumber, .contains(inverse: false, .anywhere), words)
                }
            }
            if let item = query.article20Item { q = q.filter(\.$article20Item == item.rawValue) }
            if let year = query.year {
                q = q.filter(\.$publishedOn >= CivilDate.startOf(year: year).iso)
                    .filter(\.$publishedOn <= CivilDate.endOf(year: year).iso)
            }
            return q
        }
        let total = try await matching().count()
        let size = max(1, query.pageSize)
        let start = (max(1, query.page) - 1) * size
        let records = try await matching().sort(\.$publishedOn, .descending).sort(\.$id, .descending)
            .range(start..<(start + size)).all()
        return CataloguePage(items: records.compactMap { $0.value() }, total: total, pageSize: size)
    }
}

extension DisclosureRepository {
    /// Items the public may see at `moment`: not revoked, and published — from their scheduled moment, or for an
    /// item without one from its publication date. Every public query of the catalogue goes through here.
    static func visible(_ q: QueryBuilder<CatalogueItemRecord>, at moment: Moment) -> QueryBuilder<CatalogueItemRecord> {
        q.filter(\.$revokedAt == nil).group(.or) { either in
            either.filter(\.$visibleFrom <= moment.description)
                .group(.and) { $0.filter(\.$visibleFrom == nil).filter(\.$publishedOn <= moment.date.iso) }
        }
    }

    /// The catalogue item `id` of the agency as the public may see it at `moment`, or nil (unknown, not yet
    /// published, or revoked alike).
    public func catalogueItem(_ id: Int, visibleAt moment: Moment) async throws -> CatalogueItem? {
        try await Self.visible(CatalogueItemRecord.query(on: database).filter(\.$agencyID == agencyID), at: moment)
            .filter(\.$id == id).first()?.value()
    }
}
