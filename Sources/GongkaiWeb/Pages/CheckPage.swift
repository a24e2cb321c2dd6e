import Foundation
import GongkaiCore
import GongkaiDocuments
import Vapor

/// `/check`: 核查年报 — anyone uploads published annual reports (text, web page, DOCX, PDF, JSON; several at once)
/// and sees each one's tables with every finding marked on the cell it concerns, and the findings to download as
/// JSON or CSV. The same reading and checking as `gongkai check` and `POST /api/v1/check` (`ReportBatch`).
struct CheckPage {
    let context: WebContext

    struct Content: Encodable {
        var maxFiles: Int
        var maxMegabytes: Int
        var error: String?
        var files: [FileResult]
        var jsonDownload: String?
        var csvDownload: String?
    }

    struct FileResult: Encodable {
        var id: String
        var file: String
        var heading: String
        var verdict: String
        var ok: Bool
        var readError: String?
        var errors: Int
        var warnings: Int
        var findings: [FindingLine]
        var tables: [Table]
    }

    struct FindingLine: Encodable {
        var id: String
        var number: Int
        var severity: String
        var isError: Bool
        var location: String
        var message: String
    }

    struct Table: Encodable {
        var caption: String
        var head: [[Cell]]
        var body: [[Cell]]
    }

    struct Cell: Encodable {
        var text: String
        var scope: String?
        var rowSpan: Int
        var colSpan: Int
        var flagged: Bool
        var marks: [Mark]
    }

    struct Mark: Encodable {
        var href: String
        var number: Int
        var isError: Bool
    }

    var content: Content {
        Content(
            maxFiles: PublicAPI.maxCheckFiles, maxMegabytes: max(1, context.limits.maxFileBytes / 1_048_576), error: nil,
            files: [], jsonDownload: nil, csvDownload: nil)
    }

    func page(_ req: Request, _ content: Content, status: HTTPResponseStatus = .ok) async throws -> Response {
        try await Pages(context: context).render(
            "check", req, title: "核查年报", crumbs: [.init(label: "核查年报")], status: status, content: content)
    }

    func show(_ req: Request) async throws -> Response { try await page(req, content) }

    /// `POST`: the files read and checked; a form without its token, or without a file, comes back with a message.
    func submit(_ req: Request) async throws -> Response {
        var content = content
        let upload: UploadedFiles
        do {
            upload = try UploadedFiles.reports(req, limits: context.limits)
        } catch let problem as ProblemDetails {
            content.error = problem.errors?.first?.message ?? problem.detail
            return try await page(req, content, status: HTTPResponseStatus(statusCode: problem.status))
        }
        guard CSRF.isValid(req, formToken: upload.fields[CSRF.field]) else {
            content.error = "页面已过期或在别的窗口打开过，请重新选择文件后再提交一次。"
            return try await page(req, content, status: .forbidden)
        }
        let results = try await upload.checked(on: req, limits: context.limits)
        content.files = results.enumerated().map { Self.result($1, index: $0 + 1) }
        content.jsonDownload = "data:application/json;charset=utf-8,"
            + (String(decoding: try ReportBatch.json(results), as: UTF8.self).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        content.csvDownload = "data:text/csv;charset=utf-8,"
            + (ReportBatch.csv(results).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        return try await page(req, content)
    }

    static func result(_ r: ReportCheck, index: Int) -> FileResult {
        let id = "file-\(index)"
        let findings = r.findings.enumerated().map { i, f in
            FindingLine(
                id: "\(id)-finding-\(i + 1)", number: i + 1, severity: f.severity == .error ? "错误" : "提示",
                isError: f.severity == .error, location: f.location.description, message: f.message)
        }
        let verdict = r.readError != nil ? "无法读取" : r.errorCount > 0 ? "发现 \(r.errorCount) 处错误" : "表格自洽，未发现错误"
        let heading = r.report.map { "\($0.agency)\($0.year)年度报告" } ?? r.file
        let tables: [Table] = (r.report.map(ReportTableGrid.tables(of:)) ?? []).map { grid in
                let rows = grid.rows.map { row in
                    row.map { c -> Cell in
                        let marks = r.findings.indices.filter { c.place?.concerns(r.findings[$0].location) == true }
                            .map { Mark(href: "#\(id)-finding-\($0 + 1)", number: $0 + 1, isError: r.findings[$0].severity == .error) }
                        return Cell(
                            text: c.text, scope: c.headerScope, rowSpan: c.rowSpan, colSpan: c.colSpan,
                            flagged: marks.contains(where: \.isError), marks: marks)
                    }
                }
                return Table(
                    caption: grid.caption, head: Array(rows[..<grid.headerRowCount]),
                    body: Array(rows[grid.headerRowCount...]))
        }
        return FileResult(
            id: id, file: r.file, heading: heading, verdict: verdict, ok: r.readError == nil && r.errorCount == 0,
            readError: r.readError, errors: r.errorCount, warnings: r.warningCount, findings: findings, tables: tables)
    }
}
