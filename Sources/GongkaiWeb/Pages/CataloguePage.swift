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
        var href: String
        var indexNumber: String
        var column: String
        var title: String
        var documentNumber: String
        var publishedOn: String
        /// 依申请公开 (an entry without its content); nil: 主动公开.
        var onRequest: String?
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
                page: request.page, at: context.clock.now())
            content.total = found.total
            content.rows = found.items.map {
                Row(
                    href: "/agencies/\(agencyID)/catalogue/items/\($0.id ?? 0)", indexNumber: $0.indexNumber, column: Article20Item(rawValue: $0.article20Item)?.columnName ?? "",
                    title: $0.title, documentNumber: $0.documentNumber, publishedOn: $0.publishedOn.iso,
                    onRequest: $0.disclosure.showsContent ? nil : $0.disclosure.label)
            }
            content.pageLinks = PageLink.around(
                req, keeping: ["q", "category", "year"], current: request.page, pages: (found.total + found.pageSize - 1) / found.pageSize)
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

    struct ItemContent: Encodable {
        var title: String
        var facts: [CasePage.Fact]
        var paragraphs: [String]
        var attachments: [AttachmentDownloads.Link]
        var back: String
        /// 依申请公开: where to apply for it, the form filled with its entry.
        var applyHref: String?
        /// 双公示: the decisions published with it.
        var decisions: [PublicationPage.Decisions.Row]
    }

    /// `/agencies/{id}/catalogue/items/{item}`: one item with its metadata as Chinese sites show it — 索引号, 主题分类,
    /// 发布机构, 成文日期, 发布日期, 文号, 有效性 (a normative document: in force or repealed), 公开方式 — and its text;
    /// a 依申请公开 entry instead says how to apply for it.
    func item(_ req: Request) async throws -> Response {
        let agency = try await Portal.requestedAgency(req, context)
        let agencyID = agency.id ?? 0
        guard let itemID = req.parameters.get("item", as: Int.self) else { throw Abort(.notFound) }
        let view = try await context.office.catalogueItem(agencyID: agencyID, itemID: itemID, at: context.clock.now())
        let item = view.item
        let column = Article20Item(rawValue: item.article20Item)
        var facts: [CasePage.Fact] = [.init(label: "索引号", value: item.indexNumber)]
        if let column { facts.append(.init(label: "信息分类", value: column.columnName)) }
        facts += [
            .init(label: "主题分类", value: item.subject.isEmpty ? "—" : item.subject), .init(label: "发布机构", value: view.publisher),
            .init(label: "成文日期", value: item.writtenOn?.iso ?? "—"), .init(label: "发布日期", value: item.publishedOn.iso),
            .init(label: "文号", value: item.documentNumber.isEmpty ? "—" : item.documentNumber),
        ]
        if let validity = view.validity { facts.append(.init(label: "有效性", value: validity)) }
        facts.append(.init(label: "公开方式", value: item.disclosure.label))
        facts.append(.init(label: "公开渠道", value: item.channels.joined(separator: "、")))
        let back = "/agencies/\(agencyID)/catalogue" + (column.map { "?category=\($0.rawValue)" } ?? "")
        return try await Pages(context: context).render(
            "catalogue-item", req, title: "\(item.title)_\(agency.name)",
            crumbs: [
                .init(label: agency.name, href: "/agencies/\(agencyID)"), .init(label: column?.columnName ?? "政府信息公开目录", href: back),
                .init(label: item.title),
            ],
            content: ItemContent(
                title: item.title, facts: facts,
                paragraphs: item.body.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.allSatisfy(\.isWhitespace) },
                attachments: AttachmentDownloads.links(view.attachments, base: "/agencies/\(agencyID)/catalogue/items/\(itemID)"),
                back: back, applyHref: item.disclosure.showsContent ? nil : "/agencies/\(agencyID)/apply?item=\(itemID)",
                decisions: view.decisions.map { .init(reference: $0.reference, decidedOn: $0.decidedOn, itemCode: $0.itemCode, itemName: $0.itemName) }))
    }

    /// `/agencies/{id}/catalogue/items/{item}/attachments/{n}`: an attachment of a visible item (404 before the item's
    /// moment and after its revocation, as the item page).
    func attachment(_ req: Request) async throws -> Response {
        let agency = try await Portal.requestedAgency(req, context)
        guard let itemID = req.parameters.get("item", as: Int.self), let id = req.parameters.get("attachment", as: Int.self) else {
            throw Abort(.notFound)
        }
        let (attachment, bytes) = try await context.office.catalogueAttachment(
            agencyID: agency.id ?? 0, itemID: itemID, attachmentID: id, at: context.clock.now())
        return AttachmentDownloads.response(attachment, bytes)
    }
}
