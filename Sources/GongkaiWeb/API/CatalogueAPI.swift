import GongkaiCore
import GongkaiOffice
import Vapor

/// `GET /api/v1/agencies/{id}/catalogue?q=&category=&year=&page=`: the agency's 政府信息公开目录, newest first,
/// 20 items a page.
struct CatalogueAPI {
    let context: WebContext

    struct Item: Content {
        var indexNumber: String
        /// Art. 20 item, 1–15.
        var category: Int
        var categoryLabel: String
        var title: String
        var documentNumber: String?
        var publishedOn: CivilDate
        var channels: [String]
        /// The item's page on the portal (path).
        var url: String
        /// 附件, each downloadable at its `url` while the item is public (none for a 依申请公开 entry).
        var attachments: [Attachment]
        /// 公开方式: `proactive` (主动公开) or `onRequest` (依申请公开: the entry alone; apply for the content).
        var disclosure: String
    }

    struct Attachment: Content {
        var name: String
        var mediaType: String
        var size: Int
        var url: String
    }

    struct Page: Content {
        var total: Int
        var page: Int
        var pageSize: Int
        var items: [Item]
    }

    func catalogue(_ req: Request) async throws -> Page {
        guard let agencyID = req.parameters.get("agencyID", as: Int.self) else {
            throw ProblemDetails(.notFound, detail: "机关编号应为整数")
        }
        let request = try CatalogueRequest(req)
        let found = try await context.office.catalogue(
            agencyID: agencyID, text: request.text, article20Item: request.category, year: request.year, page: request.page,
            at: context.clock.now())
        var items: [Item] = []
        for c in found.items {
            let url = "/agencies/\(agencyID)/catalogue/items/\(c.id ?? 0)"
            let attachments = try await context.office.catalogueAttachments(agencyID: agencyID, itemID: c.id ?? 0, at: context.clock.now())
            items.append(Item(
                indexNumber: c.indexNumber, category: c.article20Item, categoryLabel: Article20Item(rawValue: c.article20Item)?.label ?? "",
                title: c.title, documentNumber: c.documentNumber.isEmpty ? nil : c.documentNumber, publishedOn: c.publishedOn,
                channels: c.channels, url: url,
                attachments: attachments.map { Attachment(name: $0.name, mediaType: $0.mediaType, size: $0.size, url: "\(url)/attachments/\($0.id)") },
                disclosure: c.disclosure.rawValue))
        }
        return Page(total: found.total, page: request.page, pageSize: found.pageSize, items: items)
    }
}

/// The catalogue's query string (`q`, `category`, `year`, `page`) as the API and the page read it: every bad value
/// named at once (422), nothing searched.
struct CatalogueRequest {
    var text: String
    var category: Article20Item?
    var year: Int?
    var page: Int

    init(_ req: Request) throws {
        var errors: [ProblemDetails.FieldError] = []
        func int(_ name: String, _ range: ClosedRange<Int>, _ words: String) -> Int? {
            guard let text = req.query[String.self, at: name], !text.isEmpty else { return nil }
            guard let n = Int(text), range.contains(n) else {
                errors.append(.init(field: name, message: "「\(text)」不是\(words)"))
                return nil
            }
            return n
        }
        category = int("category", 1...15, "第二十条的项号（1–15）").flatMap(Article20Item.init(rawValue:))
        year = int("year", 2008...2100, "2008–2100 之间的年份")
        page = int("page", 1...100_000, "从 1 起的页码") ?? 1
        text = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        if text.count > 100 { errors.append(.init(field: "q", message: "检索词最多 100 个字")) }
        guard errors.isEmpty else {
            throw ProblemDetails(.unprocessableEntity, detail: errors.map(\.message).joined(separator: "；"), errors: errors)
        }
    }
}
