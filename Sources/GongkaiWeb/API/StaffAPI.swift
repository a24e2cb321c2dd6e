import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor

/// The staff API under `/api/v1` (in the OpenAPI document): a member of staff signs in for a bearer token
/// (`POST /api/v1/session`), then lists the agency's applications by queue, reads a case's events, records an
/// event and downloads an issued letter — the same office workflows, roles and agency checks as the back office.
/// Without a token: 401; another agency's data: 403 (its agency named) or 404 (a tracking code it does not hold).
struct StaffAPI: RouteCollection {
    let context: WebContext

    func boot(routes: any RoutesBuilder) throws {
        let v1 = routes.grouped("api", "v1")
        v1.grouped(RateLimitMiddleware(limiter: context.limiter, name: "sign-in", rule: context.rateLimits.signIns))
            .post("session", use: signIn)
        let member = v1.grouped(BearerAuthMiddleware(context: context))
        member.delete("session", use: signOut)
        member.get("agencies", ":agencyID", "applications", use: queue)
        member.get("applications", ":trackingCode", "events", use: events)
        member.post("applications", ":trackingCode", "events", use: record)
        member.get("applications", ":trackingCode", "letters", ":letterID", use: letter)
    }

    struct SignInBody: Content {
        var username: String?
        var password: String?
    }

    /// `POST /api/v1/session` `{"username", "password"}` → 201 `{"token", "user", "role", "agency"}`; the same
    /// answer for an unknown name and a wrong password (401), the lock after repeated failures.
    func signIn(_ req: Request) async throws -> Response {
        let body = try req.content.decode(SignInBody.self)
        let (token, member) = try await context.staff.signIn(
            username: body.username ?? "", password: body.password ?? "", at: context.clock.now())
        let answer: [String: String] = [
            "token": token, "user": member.user.username, "name": member.user.displayName, "role": member.role.name,
            "agency": "\(member.agency.id ?? 0)",
        ]
        let response = PublicAPI.json(try GongkaiWeb.encoder.encode(answer))
        response.status = .created
        return response
    }

    /// `DELETE /api/v1/session`: ends the token's session (204).
    func signOut(_ req: Request) async throws -> Response {
        if let token = BearerAuthMiddleware.token(req) { try await context.staff.signOut(token: token) }
        return Response(status: .noContent)
    }

    struct QueueItem: Encodable {
        var trackingCode: String
        @NullWhenAbsent var reference: String?
        @NullWhenAbsent var submittedAt: String?
        @NullWhenAbsent var receivedOn: CivilDate?
        var status: String
        var statusLabel: String
        var phase: String
        @NullWhenAbsent var dueOn: CivilDate?
        var request: String
    }

    /// `GET /api/v1/agencies/{id}/applications?queue=…`: one of the 工作台's queues (default `open`), each with its
    /// `trackingCode`; 400 naming the queues for an unknown one.
    func queue(_ req: Request) async throws -> Response {
        let member = try StaffSession.member(req)
        try context.office.requireOwnAgency(req.parameters.get("agencyID", as: Int.self) ?? 0, scope: member.scope)
        let name = req.query[String.self, at: "queue"] ?? WorkQueues.Queue.open.rawValue
        guard let queue = WorkQueues.Queue(rawValue: name) else {
            let known = WorkQueues.Queue.allCases.map(\.rawValue).joined(separator: ", ")
            throw ProblemDetails(.badRequest, detail: "queue「\(name)」不是待办分类；可用：\(known)")
        }
        let day = context.clock.now().date
        let queues = try await context.office.workQueues(scope: member.scope, on: day)
        let items: [QueueItem] = queue == .awaitingConfirmation
            ? queues.waiting.map {
                QueueItem(
                    trackingCode: $0.trackingCode.description, reference: nil, submittedAt: $0.submittedAt.description,
                    receivedOn: nil, status: Office.awaitingConfirmation, statusLabel: "待确认", phase: "待确认", dueOn: nil,
                    request: $0.description)
            }
            : (queues.cases[queue] ?? []).map { f in
                QueueItem(
                    trackingCode: f.value.trackingCode?.description ?? "", reference: f.value.id, submittedAt: nil,
                    receivedOn: f.value.receivedOn, status: f.status.code, statusLabel: f.status.label, phase: f.value.phase.label,
                    dueOn: f.answerDue?.due, request: f.value.request.description)
            }
        struct Answer: Encodable {
            var agency: String
            var queue: String
            var asOf: CivilDate
            var applications: [QueueItem]
        }
        return PublicAPI.json(try GongkaiWeb.encoder.encode(
            Answer(agency: member.agency.name, queue: queue.rawValue, asOf: day, applications: items)))
    }

    struct EventItem: Encodable {
        var seq: Int
        var name: String
        var date: CivilDate
        var fields: [String: String]
        var label: String
        var actor: String
        var recordedAt: String?
    }

    struct LetterRef: Encodable {
        var id: Int
        var kind: String
        var status: String
        var number: String?
        var eventSeq: Int
    }

    struct CaseEvents: Encodable {
        var trackingCode: String
        var reference: String
        var version: Int
        var phase: String
        var status: String
        var dueOn: CivilDate?
        var events: [EventItem]
        /// The events the law allows now and the member's role may record.
        var actions: [String]
        var letters: [LetterRef]
    }

    /// `GET /api/v1/applications/{trackingCode}/events`: the case's events, version, the steps allowed now and its
    /// letters.
    func events(_ req: Request) async throws -> Response {
        PublicAPI.json(try GongkaiWeb.encoder.encode(try await caseEvents(req, code: req.parameters.get("trackingCode") ?? "")))
    }

    func caseEvents(_ req: Request, code: String) async throws -> CaseEvents {
        let member = try StaffSession.member(req)
        let office = context.office
        let file = try await office.caseFile(code, scope: member.scope, on: context.clock.now().date)
        let c = file.value
        let letters = try await office.letterSlots(for: file, scope: member.scope).flatMap(\.letters)
        return CaseEvents(
            trackingCode: c.trackingCode?.description ?? "", reference: c.id, version: file.stored.version,
            phase: c.phase.label, status: file.status.code, dueOn: file.answerDue?.due,
            events: c.log.enumerated().map { i, e in
                let input = EventInput(e.event)
                return EventItem(
                    seq: i + 1, name: input.name, date: e.event.date, fields: input.fields, label: e.event.kind.label,
                    actor: e.actor, recordedAt: e.recordedAt?.description)
            },
            actions: office.actions(for: file, scope: member.scope).map(\.name),
            letters: letters.map {
                LetterRef(id: $0.id, kind: $0.letter.kind.rawValue, status: $0.status.rawValue,
                          number: $0.letter.number?.description, eventSeq: $0.eventIndex + 1)
            })
    }

    struct EventBody: Content {
        var name: String
        var date: String
        var fields: [String: String]?
        var version: Int?
    }

    /// `POST /api/v1/applications/{trackingCode}/events` `{"name", "date", "fields", "version"}` → 201 with the
    /// case's events; 409 when `version` is stale, 422 naming what the law refuses, 403 for a role that may not.
    func record(_ req: Request) async throws -> Response {
        let member = try StaffSession.member(req)
        let code = req.parameters.get("trackingCode") ?? ""
        let body = try req.content.decode(EventBody.self)
        guard let day = CivilDate(parsing: body.date) else {
            throw IntakeError(field: "date", reason: "「\(body.date)」不是 YYYY-MM-DD", key: "date")
        }
        let event = try EventInput(name: body.name, date: day, fields: body.fields ?? [:]).event()
        _ = try await context.office.record(
            event, on: code, scope: member.scope, at: context.clock.now(), expectedVersion: body.version)
        let response = PublicAPI.json(try GongkaiWeb.encoder.encode(try await caseEvents(req, code: code)))
        response.status = .created
        return response
    }

    /// `GET /api/v1/applications/{trackingCode}/letters/{id}?format=pdf|docx`: an issued letter of the case.
    func letter(_ req: Request) async throws -> Response {
        let member = try StaffSession.member(req)
        let id = req.parameters.get("letterID", as: Int.self) ?? 0
        let stored = try await context.office.letter(id, scope: member.scope)
        let file = try await context.office.caseFile(req.parameters.get("trackingCode") ?? "", scope: member.scope, on: context.clock.now().date)
        guard stored.reference == file.value.id else { throw LetterError.notFound(id) }
        let pdf = req.query[String.self, at: "format"] == "pdf"
        return LetterPage.download(stored, data: try await context.office.letterFile(id, pdf: pdf, scope: member.scope), pdf: pdf)
    }
}

/// Lets an API request through only with `Authorization: Bearer <token>` of a live staff session; 401 (with
/// `WWW-Authenticate: Bearer`) otherwise.
struct BearerAuthMiddleware: AsyncMiddleware {
    let context: WebContext

    static func token(_ req: Request) -> String? {
        guard let token = req.headers.bearerAuthorization?.token, CSRF.isWellFormed(token) else { return nil }
        return token
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let token = Self.token(req), let member = try await context.staff.member(token: token, at: context.clock.now())
        else {
            let response = try ProblemDetails(.unauthorized, detail: "需要工作人员的访问令牌：先 POST /api/v1/session 登录，再以 Authorization: Bearer <token> 访问")
                .response(to: req)
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"gongkai\"")
            return response
        }
        StaffSession.remember(member, req)
        return try await next.respond(to: req)
    }
}
