import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// An error as RFC 9457 problem details (`application/problem+json`): `type`, `title`, `status`, `detail`,
/// `instance`, and for a form or body with bad fields, `errors` naming each field and what is wrong with it.
struct ProblemDetails: Error, Content, Equatable {
    struct FieldError: Codable, Equatable, Sendable {
        var field: String
        var message: String
    }

    var type = "about:blank"
    var title: String
    var status: Int
    var detail: String
    var instance: String?
    var errors: [FieldError]?

    init(_ status: HTTPResponseStatus, detail: String, errors: [FieldError]? = nil) {
        self.title = status.reasonPhrase
        self.status = Int(status.code)
        self.detail = detail
        self.errors = errors
    }

    /// A body whose JSON is broken or has a value of the wrong type, naming where.
    static func decoding(_ error: DecodingError) -> ProblemDetails {
        func path(_ c: DecodingError.Context) -> String {
            c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c):
            return ProblemDetails(
                .unprocessableEntity, detail: "字段 \(path(c)) 的类型不对", errors: [.init(field: path(c), message: "类型不对")])
        default:
            return ProblemDetails(.badRequest, detail: "请求体不是合法的 JSON，字段见 /api/v1/openapi.json")
        }
    }

    /// The response carrying these details, `instance` set to the request's path.
    func response(to request: Request) throws -> Response {
        var problem = self
        problem.instance = request.url.path
        let response = Response(status: HTTPResponseStatus(statusCode: status))
        try response.content.encode(problem, using: GongkaiWeb.encoder)
        response.headers.contentType = Self.mediaType
        return response
    }

    static let mediaType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])
}

/// Turns every error into problem details with a Chinese `detail`: the office's own errors by what they mean
/// (not found, conflict, refused), anything unexpected as a 500 whose detail says nothing of the inside — the
/// public never sees a stack trace or a driver's message. Unexpected errors are logged by their type and text.
/// Under `/api/` the details are the response (`application/problem+json`); elsewhere they are shown as a page in
/// the site's style.
struct ErrorPresenterMiddleware: AsyncMiddleware {
    let pages: Pages

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let problem = Self.problem(for: error, logger: request.logger)
            let response: Response
            if request.url.path.hasPrefix("/api/") {
                response = try problem.response(to: request)
            } else {
                response = try await pages.error(problem, request)
            }
            if let limited = error as? RateLimited {
                response.headers.replaceOrAdd(name: .retryAfter, value: String(limited.retryAfter))
            }
            return response
        }
    }

    static func problem(for error: any Error, logger: Logger) -> ProblemDetails {
        switch error {
        case let problem as ProblemDetails: return problem
        case let limited as RateLimited: return ProblemDetails(.tooManyRequests, detail: limited.detail)
        case let e as IntakeError: return invalid([e])
        case let e as IntakeProblems: return invalid(e.problems)
        case let e as CaseError:
            switch e {
            case .notFound, .unknownTrackingCode: return ProblemDetails(.notFound, detail: e.description)
            case .staleVersion, .duplicateReference, .alreadyConfirmed: return ProblemDetails(.conflict, detail: e.description)
            case .refused: return ProblemDetails(.unprocessableEntity, detail: e.description)
            case .notPermitted, .secondFactorRefused, .noSecondFactor: return ProblemDetails(.forbidden, detail: e.description)
            }
        case let e as StoreError:
            switch e {
            case .agencyNotFound, .notFound, .unknownRegister: return ProblemDetails(.notFound, detail: e.description)
            case .notPermitted: return ProblemDetails(.forbidden, detail: e.description)
            case .alreadySetUp, .changedMeanwhile: return ProblemDetails(.conflict, detail: e.description)
            case .invalidValue(let field, _, let reason):
                return ProblemDetails(.unprocessableEntity, detail: e.description, errors: [.init(field: field, message: reason)])
            case .invalidValues(let all):
                return ProblemDetails(
                    .unprocessableEntity, detail: e.description,
                    errors: all.compactMap {
                        guard case .invalidValue(let field, _, let reason) = $0 else { return nil }
                        return .init(field: field, message: reason)
                    })
            default: break
            }
        case let e as LetterError:
            switch e {
            case .notFound, .noSuchEvent: return ProblemDetails(.notFound, detail: e.description)
            case .staleVersion, .alreadyIssued, .locked: return ProblemDetails(.conflict, detail: e.description)
            default: return ProblemDetails(.unprocessableEntity, detail: e.description)
            }
        case let e as PublishingError:
            if case .notPublished = e { return ProblemDetails(.notFound, detail: e.description) }
            return ProblemDetails(.unprocessableEntity, detail: e.description)
        case let e as PublicationStoreError:
            if case .notFound = e { return ProblemDetails(.notFound, detail: e.description) }
            return ProblemDetails(.conflict, detail: e.description)
        case let e as PublicationError: return ProblemDetails(.unprocessableEntity, detail: e.description)
        case let e as ReportDraftStoreError:
            if case .notFound = e { return ProblemDetails(.notFound, detail: e.description) }
            return ProblemDetails(.conflict, detail: e.description)
        case let e as ReportDraftError: return ProblemDetails(.unprocessableEntity, detail: e.description)
        case let e as SignInError: return ProblemDetails(.unauthorized, detail: e.description)
        case let e as any AbortError:
            if e.status.code >= 500 { logger.error("server error \(String(reflecting: type(of: error))): \(error)") }
            return ProblemDetails(e.status, detail: Self.words(for: e.status, reason: e.reason))
        case is DecodingError:
            return ProblemDetails(.badRequest, detail: "请求体无法读取：应为 JSON，字段见 /api/v1/openapi.json")
        default: break
        }
        logger.error("unexpected error \(String(reflecting: type(of: error))): \(error)")
        return ProblemDetails(.internalServerError, detail: "服务器内部错误，请稍后再试")
    }

    /// Bad fields: 422 naming each by its key in the body (`applicant.idNumber`), with the form's words.
    static func invalid(_ problems: [IntakeError]) -> ProblemDetails {
        ProblemDetails(
            .unprocessableEntity, detail: problems.map(\.description).joined(separator: "；"),
            errors: problems.map { .init(field: $0.key ?? $0.field, message: $0.description) })
    }

    /// Chinese words for the statuses Vapor raises itself; our own reasons are Chinese already.
    static func words(for status: HTTPResponseStatus, reason: String) -> String {
        switch status {
        case .notFound: return "找不到这个地址"
        case .methodNotAllowed: return "这个地址不接受该请求方法"
        case .payloadTooLarge: return "上传的内容过大"
        case .unsupportedMediaType: return "不支持这种内容类型"
        default: return reason.unicodeScalars.contains { $0.value > 0x7F } ? reason : status.reasonPhrase
        }
    }
}
