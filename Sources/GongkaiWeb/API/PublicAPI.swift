import Foundation
import GongkaiCore
import GongkaiDocuments
import GongkaiOffice
import Vapor

/// The public JSON API under `/api/v1`, described by `/api/v1/openapi.json` (`Resources/openapi.json`). Paths and
/// field names are a contract: added to, never renamed.
struct PublicAPI: RouteCollection {
    let context: WebContext

    /// At most this many files in one `POST /api/v1/check`.
    static let maxCheckFiles = 20

    func boot(routes: any RoutesBuilder) throws {
        let v1 = routes.grouped("api", "v1")
        v1.get("openapi.json", use: openAPI)
        v1.get("agencies", use: agencies)
        v1.get("applications", ":trackingCode", use: track)
        v1.get("agencies", ":agencyID", "reports", ":year", use: report)
        v1.get("agencies", ":agencyID", "catalogue", use: CatalogueAPI(context: context).catalogue)
        func limited(_ name: String, _ rule: RateLimits.Rule) -> any RoutesBuilder {
            v1.grouped(RateLimitMiddleware(limiter: context.limiter, name: name, rule: rule))
        }
        limited("applications", context.rateLimits.applications).post("agencies", ":agencyID", "applications", use: apply)
        limited("letters", context.rateLimits.signIns).post("applications", ":trackingCode", "letters", use: letters)
        let uploadBound = ByteCount(value: context.limits.maxFileBytes)
        limited("checks", context.rateLimits.checks).on(.POST, "check", body: .collect(maxSize: uploadBound), use: check)
    }

    /// `GET /api/v1/openapi.json`: the OpenAPI 3.1 document of this API.
    func openAPI(_ req: Request) async throws -> Response {
        guard let data = Self.openAPIDocument else { throw Abort(.internalServerError) }
        return Self.json(data)
    }

    /// Read once, from the target's resources.
    static let openAPIDocument: Data? = Bundle.module
        .url(forResource: "openapi", withExtension: "json", subdirectory: "Resources")
        .flatMap { FileManager.default.contents(atPath: $0.path) }

    struct AgencyItem: Content {
        var id: Int
        var name: String
        var code: String
        var level: String
        var region: String
    }

    /// `GET /api/v1/agencies`: the agencies on this server.
    func agencies(_ req: Request) async throws -> [AgencyItem] {
        try await context.office.agencies().map {
            AgencyItem(id: $0.id ?? 0, name: $0.name, code: $0.code, level: $0.level.rawValue, region: $0.region.rawValue)
        }
    }

    /// `GET /api/v1/agencies/{id}/reports/{year}?version=`: the published report in the public JSON form — the stored
    /// bytes of that version (the latest unless asked), with its SHA-256 as the `ETag`.
    func report(_ req: Request) async throws -> Response {
        let agency = try await Portal.requestedAgency(req, context)
        let shown = try await context.office.publishedReport(
            agencyID: agency.id ?? 0, year: try ReportPage.year(req), version: req.query[Int.self, at: "version"])
        let response = Self.json(Data(shown.published.json.utf8))
        response.headers.replaceOrAdd(name: .eTag, value: "\"\(shown.published.contentHash)\"")
        response.headers.replaceOrAdd(name: "X-Report-Version", value: "\(shown.published.version)")
        return response
    }

    /// `GET /api/v1/applications/{trackingCode}`: the public view of one application, as of today.
    func track(_ req: Request) async throws -> Response {
        let code = req.parameters.get("trackingCode") ?? ""
        let view = try await context.office.track(code, on: context.clock.now().date)
        return Self.json(try GongkaiWeb.encoder.encode(view))
    }

    struct LettersBody: Content {
        var phone: String?
    }

    /// One issued letter as the applicant reads it (`LetterItem` in the OpenAPI document).
    struct LetterItem: Content {
        var id: Int
        var kind: String
        var title: String
        var number: String?
        var date: String
        var addressee: String
        var paragraphs: [String]
        var replaces: String?
        var correctionReason: String?
    }

    struct LettersAnswer: Content {
        var agency: String
        var letters: [LetterItem]
    }

    /// `POST /api/v1/applications/{trackingCode}/letters` with `{"phone": …}`: the letters issued to the applicant,
    /// once the phone is the one given when applying (403 otherwise; the second factor travels in the body only).
    func letters(_ req: Request) async throws -> LettersAnswer {
        let body = try req.content.decode(LettersBody.self)
        let found = try await context.office.applicantLetters(req.parameters.get("trackingCode") ?? "", phone: body.phone ?? "")
        return LettersAnswer(agency: found.agency, letters: found.letters.map { stored in
            let l = stored.letter
            return LetterItem(
                id: stored.id, kind: l.kind.rawValue, title: l.title, number: l.number?.description, date: l.date.iso,
                addressee: l.addressee, paragraphs: l.paragraphs, replaces: l.replaces?.description,
                correctionReason: l.correctionReason)
        })
    }

    /// `POST /api/v1/agencies/{id}/applications`: an application made online (`Office.applyOnline`) → 201 with the
    /// tracking code and the dates that count; 422 naming every bad field, nothing stored.
    func apply(_ req: Request) async throws -> Response {
        guard let agencyID = req.parameters.get("agencyID", as: Int.self) else {
            throw ProblemDetails(.notFound, detail: "机关编号应为整数")
        }
        let body: ApplicationBody
        do { body = try req.content.decode(ApplicationBody.self) } catch let error as DecodingError {
            throw ProblemDetails.decoding(error)
        }
        let (_, submitted) = try await body.submit(to: context.office, agencyID: agencyID, at: context.clock.now())
        let response = Self.json(try GongkaiWeb.encoder.encode(submitted))
        response.status = .created
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/applications/\(submitted.trackingCode)")
        return response
    }

    /// `POST /api/v1/check`: report files as `multipart/form-data`, each in a part named `file`, read and checked
    /// as `gongkai check --json` does; the same JSON, one object per file, in the order sent.
    func check(_ req: Request) async throws -> Response {
        let results = try await UploadedFiles.reports(req, limits: context.limits).checked(on: req, limits: context.limits)
        return Self.json(try ReportBatch.json(results))
    }

    static func json(_ data: Data) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
