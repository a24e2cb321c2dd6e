import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// `/staff/registers/{name}/rows` and `/staff/registers/{name}/rows/{id}`: a register's rows, 50 a page, and one row
/// changed in a form (`Office.editRegisterRow`: every field checked as an import checks it, a form read before
/// another change refused, the values before and after in the change log). Registers with a workflow of their own
/// (规范性文件, 目录, 复议诉讼) are only listed here.
struct RegisterRowsPage {
    let context: WebContext
    var pages: Pages { Pages(context: context) }

    struct Cell: Encodable {
        var text: String
    }

    struct Row: Encodable {
        var id: Int
        var href: String
        var cells: [Cell]
    }

    struct ListContent: Encodable {
        var title: String
        var action: String
        var labels: [String]
        var rows: [Row]
        /// The words searched for, kept in the form and the page links.
        var words: String
        var searched: Bool
        var next: String?
        /// Back to the first page of the same search, from a later one.
        var first: String?
        var mayEdit: Bool
    }

    static func href(_ name: String, _ id: Int? = nil) -> String {
        "/staff/registers/\(name)/rows" + (id.map { "/\($0)" } ?? "")
    }

    /// `GET /staff/registers/{name}/rows?q=&after=`.
    func list(_ req: Request) async throws -> Response {
        let member = try StaffSession.member(req)
        let name = req.parameters.get("name") ?? ""
        let words = String((req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        let after = req.query[Int.self, at: "after"] ?? 0
        let page = try await context.office.registerRows(name, after: after, containing: words, scope: member.scope)
        func href(after: Int?) -> String {
            Self.href(name) + PageLink.query(
                [words.isEmpty ? nil : URLQueryItem(name: "q", value: words), after.map { URLQueryItem(name: "after", value: String($0)) }].compactMap { $0 })
        }
        return try await pages.render(
            "staff-register-rows", req, title: page.title,
            crumbs: [.init(label: "工作台", href: "/staff"), .init(label: "台账", href: "/staff/registers"), .init(label: page.title)],
            content: ListContent(
                title: page.title, action: Self.href(name), labels: page.labels,
                rows: page.rows.map { r in Row(id: r.id, href: Self.href(name, r.id), cells: r.values.map { Cell(text: $0.isEmpty ? "—" : $0) }) },
                words: words, searched: !words.isEmpty, next: page.next.map { href(after: $0) }, first: after > 0 ? href(after: nil) : nil,
                mayEdit: page.mayEdit))
    }

    struct RowContent: Encodable {
        var title: String
        var action: String
        var back: String
        var facts: [CasePage.Fact]
        var fields: [FormField]
        var expected: [CasePage.Fact]
        var mayEdit: Bool
        var notice: String?
        var error: String?
        var errors: [String]
    }

    /// `GET /staff/registers/{name}/rows/{id}`.
    func show(_ req: Request) async throws -> Response {
        try await row(req, notice: req.query[String.self, at: "done"] == "saved" ? "已修改，变更已记入台账变更记录" : nil)
    }

    func row(
        _ req: Request, typed: [String: String]? = nil, problems: [IntakeError] = [], error: String? = nil, notice: String? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let member = try StaffSession.member(req)
        let (name, id) = (req.parameters.get("name") ?? "", req.parameters.get("id", as: Int.self) ?? 0)
        let page = try await context.office.registerRow(name, id: id, scope: member.scope)
        let row = page.rows[0]
        let errors = Dictionary(problems.map { ($0.key ?? $0.field, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let columns = Array(zip(page.headers, page.labels).enumerated())
        return try await pages.render(
            "staff-register-row", req, title: "\(page.title)第 \(id) 行",
            crumbs: [.init(label: "工作台", href: "/staff"), .init(label: "台账", href: "/staff/registers"),
                     .init(label: page.title, href: Self.href(name)), .init(label: "第 \(id) 行")],
            status: status,
            content: RowContent(
                title: "\(page.title)第 \(id) 行", action: Self.href(name, id), back: Self.href(name),
                facts: columns.map { i, c in CasePage.Fact(label: c.1, value: row.values[i].isEmpty ? "—" : row.values[i]) },
                fields: columns.map { i, c in
                    .plain(c.0, c.1, maxlength: 200, required: false, value: typed?[c.0] ?? row.values[i], errors: errors)
                },
                expected: columns.map { i, c in CasePage.Fact(label: "was_\(c.0)", value: row.values[i]) },
                mayEdit: page.mayEdit, notice: notice, error: error, errors: problems.map(\.description)))
    }

    /// `POST /staff/registers/{name}/rows/{id}`: each field by its column's header, with the values the form was read
    /// with (`was_{header}`).
    func save(_ req: Request) async throws -> Response {
        let member = try StaffSession.member(req)
        let (name, id) = (req.parameters.get("name") ?? "", req.parameters.get("id", as: Int.self) ?? 0)
        let headers = try await context.office.registerRow(name, id: id, scope: member.scope).headers
        var typed: [String: String] = [:]
        for header in headers { typed[header] = req.content[String.self, at: header] ?? "" }
        guard CSRF.isValid(req, formToken: req.content[String.self, at: "_csrf"]) else {
            return try await row(req, typed: typed, error: "页面已过期，请核对后再提交一次", status: .forbidden)
        }
        let expected = headers.map { req.content[String.self, at: "was_\($0)"] ?? "" }
        do {
            try await context.office.editRegisterRow(name, id: id, typed: typed, expected: expected, scope: member.scope, at: context.clock.now())
            return req.redirect(to: Self.href(name, id) + "?done=saved", redirectType: .normal)
        } catch {
            guard let refusal = StepRefusal(error) else { throw error }
            return try await row(req, typed: typed, problems: refusal.problems, error: refusal.message, status: refusal.status)
        }
    }
}
