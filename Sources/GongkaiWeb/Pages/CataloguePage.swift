import GongkaiCore
import GongkaiOffice
import Vapor

/// `/agencies/{id}/catalogue?q=&category=&year=&page=`: the 政府信息公开目录 searched and browsed, 20 items a page.
struct CataloguePage {
    let context: WebContext

    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Row: Encodable {
        var indexNumber: String
        var column: String
        var title: String
        var documentNumber: String
        var publishedOn: String
    }

    struct PageLink: Encodable {
        var label: String
        var href: String?
        var current: Bool
    }

    struct Content: Encodable {
        var agencyID: Int
        var agency: String
        var q: String
        var categories: [Option]
        var year: String
        var heading: String
        var total: Int
        var rows: [Row]
        var pageLinks: [PageLink]
        var errors: [String]
    }

    func show(_ req: Request) async throws -> Response {
        let agency = try await Portal.requestedAgency(req, context)
        let agencyID = agency.id ?? 0
        var content = Content(
            agencyID: agencyID, agency: agency.name, q: req.query[String.self, at: "q"] ?? "", categories: [],
            year: req.query[String.self, at: "year"] ?? "", heading: "政府信息公开目录", total: 0, rows: [],
            pageLinks: [], errors: [])
        var category: Article20Item?
        var status = HTTPResponseStatus.ok
        do {
            let request = try CatalogueRequest(req)
            category = request.category
            let found = try await context.office.catalogue(
                agencyID: agencyID, text: request.text, article20Item: request.category, year: request.year,
                page: request.page)
            content.total = found.total
            content.rows = found.items.map {
                Row(
                    indexNumber: $0.indexNumber, column: Article20Item(rawValue: $0.article20Item)?.columnName ?? "",
                    title: $0.title, documentNumber: $0.documentNumber, publishedOn: $0.publishedOn.iso)
            }
            content.pageLinks = Self.pageLinks(
                req, current: request.page, pages: (found.total + found.pageSize - 1) / found.pageSize)
        } catch let problem as ProblemDetails {
            content.errors = problem.errors?.map(\.message) ?? [problem.detail]
            status = .unprocessableEntity
        }
        if let category { content.heading = category.columnName }
        content.categories =
            [Option(value: "", label: "全部", selected: category == nil)]
            + Article20Item.allCases.map {
                Option(value: String($0.rawValue), label: $0.columnName, selected: $0 == category)
            }
        return try await Pages(context: context).render(
            "catalogue", req, title: "\(content.heading)_\(agency.name)",
            crumbs: [.init(label: agency.name, href: "/agencies/\(agencyID)"), .init(label: content.heading)],
            status: status, content: content)
    }

    /// Links to the pages around `current` (first, last and two either side), keeping the search.
    static func pageLinks(_ req: Request, current: Int, pages: Int) -> [PageLink] {
        guard pages > 1 else { return [] }
        var components = URLComponents()
        let kept = ["q", "category", "year"].compactMap { name in
            req.query[String.self, at: name].flatMap { $0.isEmpty ? nil : URLQueryItem(name: name, value: $0) }
        }
        func href(_ page: Int) -> String {
            components.queryItems = kept + [URLQueryItem(name: "page", value: String(page))]
            return req.url.path + (components.string ?? "")
        }
        let shown = Set([1, pages] + Array(max(1, current - 2)...min(pages, current + 2))).sorted()
        var links: [PageLink] = []
        if current > 1 { links.append(PageLink(label: "上一页", href: href(current - 1), current: false)) }
        for (i, page) in shown.enumerated() {
            if i > 0, page - shown[i - 1] > 1 { links.append(PageLink(label: "…", href: nil, current: false)) }
            links.append(PageLink(label: String(page), href: page == current ? nil : href(page), current: page == current))
        }
        if current < pages { links.append(PageLink(label: "下一页", href: href(current + 1), current: false)) }
        return links
    }
}
