import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// The staff API: a bearer token from `POST /api/v1/session`, then queues, a case's events, recording and letters
/// — refused without a token (401), for another agency (403/404), for a role that may not (403), and for a stale
/// version (409).
@Suite struct StaffAPITests {
    static func json(_ method: HTTPMethod, _ path: String, token: String? = nil, body: String? = nil) -> (HTTPHeaders, ByteBuffer?) {
        var h = HTTPHeaders()
        if let token { h.bearerAuthorization = BearerAuthorization(token: token) }
        if body != nil { h.contentType = .json }
        return (h, body.map { ByteBuffer(string: $0) })
    }

    static func call(_ app: Application, _ method: HTTPMethod, _ path: String, token: String? = nil, body: String? = nil)
        async throws -> (HTTPStatus, [String: Any], HTTPHeaders)
    {
        let (h, b) = json(method, path, token: token, body: body)
        var result: (HTTPStatus, [String: Any], HTTPHeaders) = (.ok, [:], [:])
        try await app.testing().test(method, path, headers: h, body: b) { res in
            let object = (try? JSONSerialization.jsonObject(with: Data(buffer: res.body))) as? [String: Any]
            result = (res.status, object ?? [:], res.headers)
        }
        return result
    }

    static func token(_ app: Application, _ username: String = DemoAgency.demoOfficer) async throws -> String {
        let (status, body, _) = try await call(
            app, .POST, "/api/v1/session", body: #"{"username": "\#(username)", "password": "\#(WebTestApp.staffPassword)"}"#)
        #expect(status == .created)
        return try #require(body["token"] as? String)
    }

    @Test func signInQueuesAndTheAgencyCheck() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let reference = try await CasePageTests.applied(app, office)
            let (wrong, problem, _) = try await Self.call(app, .POST, "/api/v1/session", body: #"{"username": "dx-yjj-admin", "password": "nope-nope-1"}"#)
            #expect(wrong == .unauthorized && (problem["detail"] as? String)?.contains("用户名或密码不正确") == true)
            let (anonymous, _, headers) = try await Self.call(app, .GET, "/api/v1/agencies/1/applications")
            #expect(anonymous == .unauthorized && headers.first(name: .wwwAuthenticate)?.hasPrefix("Bearer") == true)
            let (forged, _, _) = try await Self.call(app, .GET, "/api/v1/agencies/1/applications", token: String(repeating: "a", count: 64))
            #expect(forged == .unauthorized)
            let token = try await Self.token(app)
            let (ok, queue, _) = try await Self.call(app, .GET, "/api/v1/agencies/1/applications?queue=open", token: token)
            #expect(ok == .ok && queue["queue"] as? String == "open")
            let items = try #require(queue["applications"] as? [[String: Any]])
            #expect(items.count == 1 && items[0]["reference"] as? String == reference && (items[0]["trackingCode"] as? String)?.count == 19)
            #expect(items[0]["dueOn"] as? String == "2024-04-09")
            #expect(try await Self.call(app, .GET, "/api/v1/agencies/2/applications", token: token).0 == .forbidden)
            let (bad, badProblem, _) = try await Self.call(app, .GET, "/api/v1/agencies/1/applications?queue=all", token: token)
            #expect(bad == .badRequest && (badProblem["detail"] as? String)?.contains("awaitingConfirmation") == true)
            #expect(try await Self.call(app, .DELETE, "/api/v1/session", token: token).0 == .noContent)
            #expect(try await Self.call(app, .GET, "/api/v1/agencies/1/applications", token: token).0 == .unauthorized)
        }
    }

    @Test func eventsAreReadAndRecordedWithTheCasePagesRules() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let reference = try await CasePageTests.applied(app, office)
            let scope = try await office.scope(agencyID: 1, username: nil)
            let code = try #require(try await office.caseFile(reference, scope: scope, on: ApplyPageTests.moment.date).value.trackingCode).description
            let token = try await Self.token(app)
            let path = "/api/v1/applications/\(code)/events"
            let (read, view, _) = try await Self.call(app, .GET, path, token: token)
            #expect(read == .ok && view["reference"] as? String == reference && view["version"] as? Int == 1)
            let events = try #require(view["events"] as? [[String: Any]])
            #expect(events.count == 1 && events[0]["name"] as? String == "received")
            #expect((view["actions"] as? [String])?.contains("answered") == true)
            // | posted                                  | answer |
            let refused: [(String, HTTPStatus)] = [
                (#"{"name": "fee-paid", "date": "2024-03-12", "version": 1}"#, .unprocessableEntity),
                (#"{"name": "answered", "date": "2024-03-12", "fields": {"outcome": "nothing"}, "version": 1}"#, .unprocessableEntity),
                (#"{"name": "answered", "date": "12/03/2024", "fields": {"outcome": "granted"}}"#, .unprocessableEntity),
                (#"{"name": "answered", "date": "2024-03-12", "fields": {"outcome": "granted"}, "version": 7}"#, .conflict),
                (#"{"date": "2024-03-12"}"#, .badRequest),
            ]
            for (body, status) in refused {
                #expect(try await Self.call(app, .POST, path, token: token, body: body).0 == status, "\(body)")
            }
            let (recorded, after, _) = try await Self.call(
                app, .POST, path, token: token, body: #"{"name": "answered", "date": "2024-03-20", "fields": {"outcome": "granted"}, "version": 1}"#)
            #expect(recorded == .created && after["phase"] as? String == "已办结" && after["version"] as? Int == 2)
            #expect(((after["events"] as? [[String: Any]])?.last?["fields"] as? [String: String]) == ["outcome": "granted"])
            #expect((after["events"] as? [[String: Any]])?.last?["actor"] as? String == DemoAgency.demoOfficer)
            // A viewer reads but records nothing; an unknown code is 404.
            try await CasePageTests.addUser(office, "viewer-wang", role: "viewer")
            let viewer = try await Self.token(app, "viewer-wang")
            #expect(try await Self.call(app, .GET, path, token: viewer).0 == .ok)
            #expect(try await Self.call(app, .POST, path, token: viewer, body: #"{"name": "withdrawn", "date": "2024-03-21"}"#).0 == .forbidden)
            #expect(try await Self.call(app, .GET, "/api/v1/applications/0000-0000-0000-0000/events", token: token).0 == .notFound)
        }
    }

    @Test func anIssuedLetterDownloadsAndAnotherAgencysCaseIsNotFound() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let code = try await TrackLettersTests.issuedReceipt(app, office)
            let token = try await Self.token(app)
            let (_, view, _) = try await Self.call(app, .GET, "/api/v1/applications/\(code)/events", token: token)
            let letter = try #require((view["letters"] as? [[String: Any]])?.first)
            #expect(letter["number"] as? String == "大应急公开〔2024〕第1号" && letter["eventSeq"] as? Int == 1)
            let id = try #require(letter["id"] as? Int)
            let (h, _) = Self.json(.GET, "", token: token)
            try await app.testing().test(.GET, "/api/v1/applications/\(code)/letters/\(id)?format=docx", headers: h) { res in
                #expect(res.status == .ok && Array(res.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
            }
            // Another agency's member holds neither the case nor the letter.
            let agencies = AgencyRepository(database: office.database)
            let other = try await agencies.create(Agency(name: "乙局", code: "B", level: .county, region: .national)).id!
            _ = try await office.staff(WebTestApp.secrets).addUser(
                User(agencyID: other, username: "b-li", displayName: "乙", role: "officer"), password: WebTestApp.staffPassword)
            let stranger = try await Self.token(app, "b-li")
            #expect(try await Self.call(app, .GET, "/api/v1/applications/\(code)/events", token: stranger).0 == .notFound)
            #expect(try await Self.call(app, .GET, "/api/v1/applications/\(code)/letters/\(id)", token: stranger).0 == .notFound)
            #expect(try await Self.call(app, .GET, "/api/v1/agencies/1/applications", token: stranger).0 == .forbidden)
        }
    }
}
