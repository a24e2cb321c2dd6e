import Foundation
import GongkaiCore
import GongkaiDocuments
import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// The public API through the in-process app: each route, its errors as problem details, the headers every
/// response carries, and the OpenAPI document against the routes.
@Suite struct PublicAPITests {
    static func json(_ response: TestingHTTPResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body))
    }

    @Test func agenciesAreListed() async throws {
        try await WebTestApp.with { app, _ in
            try await app.testing().test(.GET, "/api/v1/agencies") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType == .json)
                let list = try #require(try Self.json(res) as? [[String: Any]])
                #expect(list.count == 1)
                #expect(list.first?["name"] as? String == "北京市大兴区应急管理局")
                #expect(list.first?["level"] as? String == "county" && list.first?["region"] as? String == "beijing")
                #expect(list.first?["id"] as? Int == 1)
            }
        }
    }

    @Test func anApplicationIsTrackedByItsCodeAloneWithNothingPersonal() async throws {
        try await WebTestApp.with(now: Moment(parsing: "2024-03-11 10:00")!) { app, office in
            var intake = Intake(
                reference: "2024-017", channel: "in-person", submittedOn: "2024-03-04", applicantKind: "自然人",
                applicantName: "张三", description: "2023年某路段施工许可")
            (intake.submittedAt, intake.idNumber, intake.phone) = ("09:30", "11010519491231002X", "13800000000")
            var rng = SystemRandomNumberGenerator()
            let stored = try await office.receive(
                intake, scope: try await office.scope(agencyID: 1, username: nil), at: Moment(parsing: "2024-03-04 09:40")!,
                using: &rng)
            let code = try #require(stored.value.trackingCode)
            _ = try await office.record(
                try EventInput(
                    name: "extension-approved", date: CivilDate(2024, 3, 8), fields: ["days": "10", "approved-by": "王主任"]
                ).event(), on: "2024-017", scope: try await office.scope(agencyID: 1, username: nil),
                at: Moment(parsing: "2024-03-08 16:00")!)
            // Typed as people type it: lower case, no dashes.
            let typed = code.value.lowercased()
            try await app.testing().test(.GET, "/api/v1/applications/\(typed)") { res in
                #expect(res.status == .ok)
                let body = res.body.string
                for secret in ["张三", "11010519491231002X", "13800000000", "施工许可", "2024-017", "王主任"] {
                    #expect(!body.contains(secret), "\(secret) is shown")
                }
                let view = try #require(try Self.json(res) as? [String: Any])
                #expect(view["trackingCode"] as? String == code.description)
                #expect(view["agency"] as? String == "北京市大兴区应急管理局")
                #expect(view["status"] as? String == "open")
                #expect(view["receivedOn"] as? String == "2024-03-04" && view["submittedOn"] as? String == "2024-03-04")
                // Received Monday 03-04: day 1 is 03-05, the 20th working day 04-01; extended by 10 working days
                // (04-04…06 清明, 04-07 调休 worked): 04-16.
                #expect(view["dueOn"] as? String == "2024-04-16")
                #expect((view["dueExplanation"] as? [String])?.isEmpty == false)
                let events = try #require(view["events"] as? [[String: String]])
                #expect(events.map { $0["date"] } == ["2024-03-04", "2024-03-08"])
                #expect(events.first?["event"]?.contains("收到申请") == true)
                #expect(events.last?["event"] == "经政府信息公开工作机构负责人同意延期答复10个工作日（第三十三条第二款）")
            }
            for unknown in ["0000-0000-0000-0000", "not-a-code", "7QKD-M3XA-9TZR-B4H"] {
                try await app.testing().test(.GET, "/api/v1/applications/\(unknown)") { res in
                    #expect(res.status == .notFound, "\(unknown)")
                    #expect(res.headers.contentType == ProblemDetails.mediaType)
                    let problem = try JSONDecoder().decode(ProblemDetails.self, from: Data(buffer: res.body))
                    #expect(problem.status == 404 && problem.detail.contains("本机关没有受理编号或查询码") == false)
                    #expect(problem.detail.contains(unknown))
                }
            }
        }
    }

    @Test func errorsAreProblemDetailsAndEveryResponseCarriesTheSecurityHeaders() async throws {
        try await WebTestApp.with { app, _ in
            try await app.testing().test(.GET, "/api/v1/no/such/page") { res in
                #expect(res.status == .notFound)
                #expect(res.headers.contentType == ProblemDetails.mediaType)
                let problem = try JSONDecoder().decode(ProblemDetails.self, from: Data(buffer: res.body))
                #expect(problem == {
                    var p = ProblemDetails(.notFound, detail: "找不到这个地址")
                    p.instance = "/api/v1/no/such/page"
                    return p
                }())
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("unsafe-inline") == false)
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(res.headers.first(name: "Referrer-Policy") == "same-origin")
            }
            try await app.testing().test(.POST, "/api/v1/agencies") { res in
                #expect(res.status == .notFound || res.status == .methodNotAllowed)
                #expect(res.headers.contentType == ProblemDetails.mediaType)
            }
        }
    }

    @Test func reportFilesAreCheckedAsTheCommandLineChecksThem() async throws {
        try await WebTestApp.with { app, _ in
            let seed = try WebTestApp.fixture("seed-daxing-yingji-2020.txt")
            let sample = try WebTestApp.fixture("05-pingtan-ziranziyuanju-2020.txt")
            let files = [("seed-daxing-yingji-2020.txt", seed), ("坏文件.docx", Data("not a zip".utf8)), ("05.txt", sample)]
            let (headers, body) = WebTestApp.multipart(files)
            try await app.testing().test(.POST, "/api/v1/check", headers: headers, body: body) { res in
                #expect(res.status == .ok)
                let expected = try ReportBatch.json(ReportBatch.check(uploads: files.map { (name: $0.0, data: $0.1) }))
                #expect(res.body.string == String(decoding: expected, as: UTF8.self))
                let results = try #require(try Self.json(res) as? [[String: Any]])
                #expect(results.map { $0["file"] as? String } == ["seed-daxing-yingji-2020.txt", "坏文件.docx", "05.txt"])
                #expect(results[0]["status"] as? String == "ok" && results[0]["agency"] as? String == "北京市大兴区应急管理局")
                #expect(results[1]["status"] as? String == "unreadable" && (results[1]["readError"] as? String)?.contains("坏文件.docx") == true)
                #expect(results[2]["status"] as? String == "errors")
            }
        }
    }

    @Test func badUploadsAreRefusedByName() async throws {
        var small = InputLimits.standard
        small.maxFileBytes = 4_096
        try await WebTestApp.with(limits: small) { app, _ in
            var json = HTTPHeaders()
            json.contentType = .json
            try await app.testing().test(.POST, "/api/v1/check", headers: json, body: ByteBuffer(string: "{}")) { res in
                #expect(res.status == .unsupportedMediaType)
                let problem = try JSONDecoder().decode(ProblemDetails.self, from: Data(buffer: res.body))
                #expect(problem.detail.contains("multipart/form-data"))
            }
            let (h1, b1) = WebTestApp.multipart([("a.txt", Data("x".utf8))], field: "other")
            try await app.testing().test(.POST, "/api/v1/check", headers: h1, body: b1) { res in
                #expect(res.status == .unprocessableEntity)
                let problem = try JSONDecoder().decode(ProblemDetails.self, from: Data(buffer: res.body))
                #expect(problem.errors == [.init(field: "file", message: "请至少选择一个报告文件")])
            }
            let (h2, b2) = WebTestApp.multipart([("big.txt", Data(repeating: 0x41, count: 10_000))])
            try await app.testing().test(.POST, "/api/v1/check", headers: h2, body: b2) { res in
                #expect(res.status == .payloadTooLarge)
                let problem = try JSONDecoder().decode(ProblemDetails.self, from: Data(buffer: res.body))
                #expect(problem.detail.hasPrefix("上传的内容过大（上限 4096 字节"))
            }
            let many = (0...PublicAPI.maxCheckFiles).map { ("r\($0).txt", Data("x".utf8)) }
            let (h3, b3) = WebTestApp.multipart(many)
            try await app.testing().test(.POST, "/api/v1/check", headers: h3, body: b3) { res in
                #expect(res.status == .unprocessableEntity)
            }
        }
    }

    /// Every API route is in the OpenAPI document and every documented path is a route.
    @Test func theOpenAPIDocumentDescribesTheRoutes() async throws {
        try await WebTestApp.with { app, _ in
            try await app.testing().test(.GET, "/api/v1/openapi.json") { res in
                #expect(res.status == .ok)
                let doc = try #require(try Self.json(res) as? [String: Any])
                #expect(doc["openapi"] as? String == "3.1.0")
                let paths = try #require(doc["paths"] as? [String: [String: Any]])
                let documented = Set(paths.flatMap { path, ops in ops.keys.map { "\($0.uppercased()) \(path)" } })
                let routes = Set(
                    app.routes.all.filter { $0.path.first?.description == "api" }.map { route in
                        "\(route.method.rawValue) /" + route.path.map { c -> String in
                            if case .parameter(let name) = c { return "{\(name)}" }
                            return c.description
                        }.joined(separator: "/")
                    })
                #expect(documented == routes)
            }
        }
    }
}
