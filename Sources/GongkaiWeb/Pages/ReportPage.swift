import Foundation
import GongkaiCore
import GongkaiDocuments
import GongkaiOffice
import GongkaiStore
import Vapor

/// `/agencies/{id}/reports/{year}`: 政府信息公开工作年度报告 as published — the report in the site's frame, its
/// version, publication time and SHA-256, the earlier versions with the notes of what each amendment changed, and
/// the same report as a stand-alone web page, DOCX, PDF, 图解 (SVG) and JSON (`…/{year}/report.{ext}`).
struct ReportPage {
    let context: WebContext

    struct Link: Encodable {
        var label: String
        var href: String
        var current: Bool
    }

    struct PageContent: Encodable {
        var title: String
        var version: Int
        var publishedAt: String
        var hash: String
        var note: String?
        var article: String
        var files: [Link]
        var versions: [Link]
    }

    static let files: [(RenderFormat, String)] = [
        (.html, "网页（单独打开、打印）"), (.docx, "Word（公文格式）"), (.pdf, "PDF"), (.svg, "图解"), (.json, "JSON（数据）"), (.text, "纯文本"),
    ]

    func show(_ req: Request) async throws -> Response {
        let agency = try await Portal.requestedAgency(req, context)
        let year = try Self.year(req)
        let version = req.query[Int.self, at: "version"]
        let shown = try await context.office.publishedReport(agencyID: agency.id ?? 0, year: year, version: version)
        let p = shown.published
        let base = "/agencies/\(agency.id ?? 0)/reports/\(year)"
        let suffix = version.map { "?version=\($0)" } ?? ""
        let content = PageContent(
            title: "\(year)年政府信息公开工作年度报告", version: p.version, publishedAt: p.publishedAt?.description ?? "",
            hash: p.contentHash, note: p.amendmentNote, article: HTMLReportWriter.article(shown.report),
            files: Self.files.map { Link(label: $0.1, href: "\(base)/report.\($0.0.fileExtension)\(suffix)", current: false) },
            versions: shown.versions.map { v in
                Link(label: "第\(v.version)版（\(v.publishedAt.map { "\($0.date)" } ?? "")）\(v.amendmentNote.map { "：\($0)" } ?? "")",
                     href: "\(base)?version=\(v.version)", current: v.version == p.version)
            })
        return try await Pages(context: context).render(
            "report", req, title: "\(agency.name)\(year)年政府信息公开工作年度报告",
            crumbs: [.init(label: agency.name, href: "/agencies/\(agency.id ?? 0)"), .init(label: "\(year)年度报告")], content: content)
    }

    /// `…/report.{html,docx,pdf,svg,json,txt}`: the published report as a file.
    func file(_ req: Request) async throws -> Response {
        let agency = try await Portal.requestedAgency(req, context)
        let year = try Self.year(req)
        let name = req.parameters.get("file") ?? ""
        guard name.hasPrefix("report."), let format = RenderFormat.allCases.first(where: { "report.\($0.fileExtension)" == name }) else {
            throw Abort(.notFound)
        }
        let data = try await context.office.publishedReportFile(
            agencyID: agency.id ?? 0, year: year, version: req.query[Int.self, at: "version"], format: format)
        let types: [RenderFormat: HTTPMediaType] = [
            .html: .html, .pdf: .pdf, .svg: HTTPMediaType(type: "image", subType: "svg+xml"), .json: .json, .text: .plainText,
            .docx: HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ]
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = types[format]
        if format == .docx || format == .pdf {
            response.attach(
                as: "\(agency.name)\(year)年政府信息公开工作年度报告.\(format.fileExtension)", fallback: "report-\(year).\(format.fileExtension)")
        }
        if format == .html {
            // The stand-alone page carries its own stylesheet inline.
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
        }
        return response
    }

    static func year(_ req: Request) throws -> Int {
        guard let year = req.parameters.get("year", as: Int.self), (2008...9999).contains(year) else { throw Abort(.notFound) }
        return year
    }
}
