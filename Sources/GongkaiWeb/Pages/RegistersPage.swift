import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// `/staff/registers`: 台账 — the agency's proactive registers with their row counts, each downloadable as CSV in
/// the import format and importable from a CSV file (`Office.importRegister`: every problem named by line and
/// column, nothing stored when any row is wrong), and the audit log of every change (who, when, what, rows before
/// and after).
struct RegistersPage {
    let context: WebContext

    struct Row: Encodable {
        var name: String
        var title: String
        var rows: Int
        var csv: String
        var template: String
    }

    struct Change: Encodable {
        var at: String
        var user: String
        var register: String
        var action: String
        var rows: String
    }

    struct PageContent: Encodable {
        var registers: [Row]
        var changes: [Change]
        var mayImport: Bool
        var notice: String?
        var problems: [String]
        var problemsOf: String?
    }

    func page(_ req: Request, notice: String? = nil, problems: [String] = [], problemsOf: String? = nil,
              status: HTTPResponseStatus = .ok) async throws -> Response {
        let member = try StaffSession.member(req)
        let overview = try await context.office.registers(scope: member.scope)
        let titles = Dictionary(uniqueKeysWithValues: overview.map { ($0.name, $0.title) })
        let registers = overview.map {
            Row(name: $0.name, title: $0.title, rows: $0.rows, csv: "/staff/registers/\($0.name).csv",
                template: "/staff/registers/\($0.name).template.csv")
        }
        let changes = try await context.office.registerChanges(scope: member.scope).map {
            Change(at: $0.at?.description ?? "", user: $0.username, register: titles[$0.register] ?? $0.register, action: $0.action,
                   rows: "\($0.rowsBefore) → \($0.rowsAfter)")
        }
        return try await Pages(context: context).render(
            "staff-registers", req, title: "台账", crumbs: [.init(label: "工作台", href: "/staff"), .init(label: "台账")], status: status,
            content: PageContent(
                registers: registers, changes: changes, mayImport: CasePermissions.mayHandle(role: member.scope.role),
                notice: notice, problems: problems, problemsOf: problemsOf))
    }

    func show(_ req: Request) async throws -> Response { try await page(req) }

    /// `GET /staff/registers/{name}.csv` (the register) and `{name}.template.csv` (its header and an example row).
    func file(_ req: Request) async throws -> Response {
        let member = try StaffSession.member(req)
        let file = req.parameters.get("name") ?? ""
        let template = file.hasSuffix(".template.csv")
        let name = String(file.dropLast(template ? ".template.csv".count : ".csv".count))
        guard file.hasSuffix(".csv") else { throw Abort(.notFound) }
        let text = template ? try context.office.registerTemplate(name) : try await context.office.registerCSV(name, scope: member.scope)
        let response = Response(status: .ok, body: .init(string: "\u{FEFF}" + text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.attach(as: file, fallback: file.allSatisfy(\.isASCII) ? file : "register.csv")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    struct ImportForm: Content {
        var file: File?
        var _csrf: String?
    }

    /// `POST /staff/registers/{name}`: imports the uploaded CSV; the result or every problem on the page.
    func upload(_ req: Request) async throws -> Response {
        let member = try StaffSession.member(req)
        let name = req.parameters.get("name") ?? ""
        let form = (try? req.content.decode(ImportForm.self)) ?? ImportForm()
        guard CSRF.isValid(req, formToken: form._csrf) else {
            return try await page(req, problems: ["页面已过期，请再上传一次"], problemsOf: name, status: .forbidden)
        }
        guard let file = form.file, file.data.readableBytes > 0 else {
            return try await page(req, problems: ["请选择要导入的 CSV 文件"], problemsOf: name, status: .unprocessableEntity)
        }
        let summary = try await context.office.importRegister(
            name, csv: Data(buffer: file.data), fileName: file.filename, scope: member.scope, at: context.clock.now(),
            limits: context.limits)
        guard summary.issues.isEmpty else {
            let shown = summary.issues.prefix(200).map(\.description)
            let more = summary.issues.count > 200 ? ["……另有 \(summary.issues.count - 200) 处错误未列出"] : []
            return try await page(req, problems: shown + more, problemsOf: name, status: .unprocessableEntity)
        }
        let title = try await context.office.registers(scope: member.scope).first { $0.name == name }?.title ?? name
        return try await page(
            req, notice: "\(title)：导入 \(summary.imported) 条" + (summary.unchanged > 0 ? "，\(summary.unchanged) 条已存在且相同（未改动）" : ""))
    }
}
