import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// The public pages: the district home, each agency's 政府信息公开 column, the catalogue, applying, tracking and
/// checking a report. Each handler parses the request, calls one `Office` workflow and draws a view model.
struct Portal: RouteCollection {
    let context: WebContext
    /// Online applications already answered, by the form's submission token (a double click submits once).
    let ledger = SubmissionLedger<AppliedContent>(now: { ProcessInfo.processInfo.systemUptime })
    var pages: Pages { Pages(context: context) }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
        routes.get("display", use: display)
        routes.get("sitemap", use: sitemap)
        routes.get("static", ":file", use: StaticFiles.serve)
        routes.get("agencies", ":agencyID", use: agency)
        let catalogue = CataloguePage(context: context)
        routes.get("agencies", ":agencyID", "catalogue", use: catalogue.show)
        routes.get("agencies", ":agencyID", "catalogue", "items", ":item", use: catalogue.item)
        routes.get("agencies", ":agencyID", "catalogue", "items", ":item", "attachments", ":attachment", use: catalogue.attachment)
        routes.get("agencies", ":agencyID", "guide", use: GuidePage(context: context).show)
        let reports = ReportPage(context: context)
        routes.get("agencies", ":agencyID", "reports", ":year", use: reports.show)
        routes.get("agencies", ":agencyID", "reports", ":year", ":file", use: reports.file)
        let track = TrackPage(context: context)
        routes.get("track", use: track.show)
        // The phone opens the letters: as rate-limited as a sign-in.
        let secondFactor = routes.grouped(RateLimitMiddleware(limiter: context.limiter, name: "letters", rule: context.rateLimits.signIns))
        secondFactor.post("track", "letters", use: track.letters)
        secondFactor.post("track", "letters", "file", use: track.file)
        let check = CheckPage(context: context)
        routes.get("check", use: check.show)
        routes.grouped(RateLimitMiddleware(limiter: context.limiter, name: "checks", rule: context.rateLimits.checks))
            .on(.POST, "check", body: .collect(maxSize: ByteCount(value: context.limits.maxFileBytes)), use: check.submit)
        let apply = ApplyPage(context: context, ledger: ledger)
        routes.get("agencies", ":agencyID", "apply", use: apply.show)
        routes.grouped(RateLimitMiddleware(limiter: context.limiter, name: "applications", rule: context.rateLimits.applications))
            .post("agencies", ":agencyID", "apply", use: apply.submit)
    }

    struct AgencyLink: Encodable {
        var id: Int
        var name: String
        /// The years of its published reports (the site map lists them).
        var reportYears: [Int] = []
    }

    struct HomeContent: Encodable {
        var agencies: [AgencyLink]
    }

    /// `/`: the district home — every agency's column, tracking and checking; the first-run page while no agency
    /// is stored.
    func home(_ req: Request) async throws -> Response {
        let agencies = try await context.office.agencies().map { AgencyLink(id: $0.id ?? 0, name: $0.name) }
        if agencies.isEmpty { return req.redirect(to: "/setup", redirectType: .normal) }
        return try await pages.render("home", req, title: "首页", content: HomeContent(agencies: agencies))
    }

    struct AgencyContent: Encodable {
        struct Item: Encodable {
            var number: Int
            var label: String
        }

        var id: Int
        var name: String
        var items: [Item]
        var reportYears: [Int]
    }

    /// `/agencies/{id}`: the agency's 政府信息公开专栏 — 指南, 制度, 法定主动公开内容 by the items of Art. 20, 年报,
    /// 依申请公开.
    func agency(_ req: Request) async throws -> Response {
        let agency = try await Self.requestedAgency(req, context)
        let items = Article20Item.allCases.map { AgencyContent.Item(number: $0.rawValue, label: $0.columnName) }
        let years = try await context.office.publishedYears(agencyID: agency.id ?? 0)
        let content = AgencyContent(id: agency.id ?? 0, name: agency.name, items: items, reportYears: years)
        return try await pages.render(
            "agency", req, title: "\(agency.name)政府信息公开", crumbs: [.init(label: agency.name)], content: content)
    }

    /// The agency named by the path's `agencyID`; an id that is not a number is a page that does not exist.
    static func requestedAgency(_ req: Request, _ context: WebContext) async throws -> Agency {
        guard let id = req.parameters.get("agencyID", as: Int.self) else { throw Abort(.notFound) }
        return try await context.office.scope(agencyID: id, username: nil).agency
    }

    /// `/sitemap`: 网站地图 — every page a visitor can reach, by agency.
    func sitemap(_ req: Request) async throws -> Response {
        var agencies: [AgencyLink] = []
        for agency in try await context.office.agencies() {
            let id = agency.id ?? 0
            agencies.append(AgencyLink(id: id, name: agency.name, reportYears: try await context.office.publishedYears(agencyID: id)))
        }
        return try await pages.render(
            "sitemap", req, title: "网站地图", crumbs: [.init(label: "网站地图")], content: HomeContent(agencies: agencies))
    }

    /// `/display?mode=large|standard&back=/path`: sets the reader's display preference and returns.
    func display(_ req: Request) async throws -> Response {
        let large = req.query[String.self, at: "mode"] == "large"
        let response = req.redirect(to: DisplayPreference.safeReturn(req.query[String.self, at: "back"]), redirectType: .normal)
        response.cookies[DisplayPreference.cookie] = HTTPCookies.Value(
            string: large ? "large" : "standard", maxAge: 365 * 86400, path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }
}
