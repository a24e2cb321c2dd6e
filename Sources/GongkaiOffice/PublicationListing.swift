import GongkaiCore
import GongkaiStore

/// 主动公开列表 — one page of the agency's items, chosen by state and by words (标题, 文号 or 索引号), the latest first,
/// each with 第二十六条's clock; with the count of each state among the items the words find, and the items past their
/// period.
public struct PublicationListing: Sendable {
    public struct Entry: Sendable {
        public var publication: StoredPublication
        /// 第二十六条's clock on the day listed; nil where it does not run (依申请公开, 不予公开, 已撤销).
        public var timeliness: PublicationTimeliness?
    }

    /// The items of this page.
    public var entries: [Entry]
    /// How many items the words find in each state; `found` in all states.
    public var counts: [PublicationState: Int]
    public var found: Int
    /// How many of the chosen state (or all states) the words find: what the pages hold.
    public var matching: Int
    /// Items of the agency not yet published and past 第二十六条's period, whatever is chosen.
    public var overdue: Int
    /// This page (from 1) of `pageCount` (at least 1).
    public var page: Int
    public var pageCount: Int

    public static let pageSize = 50
}

extension Office {
    /// Page `page` of the agency's items in `state` (all when nil) whose 标题, 文号 or 索引号 contain `words` (any member).
    /// A page past the last is the last.
    public func publicationListing(
        scope: AgencyScope, state: PublicationState?, words: String, page: Int, on day: CivilDate
    ) async throws -> PublicationListing {
        let all = try await publicationList(scope: scope)
        let overdue = try all.filter { try $0.timeliness(on: day, calendar: calendar)?.isOverdue == true }.count
        let needle = words.trimmingCharacters(in: .whitespaces).lowercased()
        let found = needle.isEmpty ? all : all.filter { p in
            [p.content.title, p.content.documentNumber, p.catalogueItem?.indexNumber ?? ""].contains { $0.lowercased().contains(needle) }
        }
        let chosen = state.map { s in found.filter { $0.state == s } } ?? found
        let size = PublicationListing.pageSize
        let pageCount = max(1, (chosen.count + size - 1) / size)
        let page = min(max(page, 1), pageCount)
        let entries = try chosen.dropFirst((page - 1) * size).prefix(size).map { p in
            PublicationListing.Entry(publication: p, timeliness: try p.timeliness(on: day, calendar: calendar))
        }
        return PublicationListing(
            entries: entries, counts: Dictionary(grouping: found, by: \.state).mapValues(\.count), found: found.count,
            matching: chosen.count, overdue: overdue, page: page, pageCount: pageCount)
    }
}
