import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// `POST /api/v1/agencies/{id}/applications`: an application made online is numbered, received and stored whole,
/// and can be tracked at once; a bad one is refused naming every field, and nothing is stored.
@Suite struct ApplyAPITests {
    static func body(_ object: [String: Any]) throws -> (HTTPHeaders, ByteBuffer) {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return (headers, ByteBuffer(data: try JSONSerialization.data(withJSONObject: object)))
    }

    static var citizen: [String: Any] { [
        "applicant": [
            "kind": "naturalPerson", "name": "张三", "idNumber": "11010519491231002X", "phone": "13800000000",
            "email": "zhang@example.cn", "address": "北京市大兴区某路1号", "postcode": "102600",
        ],
        "request": ["description": "2023年某路段施工许可", "documentNumber": "京兴应急〔2023〕1号"],
        "delivery": ["medium": "electronic"],
    ] }

    static func json(_ res: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any])
    }

    @Test func aCitizenAppliesAndTracksAtOnce() async throws {
        try await WebTestApp.with(now: Moment(parsing: "2024-03-11 10:00")!) { app, office in
            let (headers, body) = try Self.body(Self.citizen)
            var code = ""
            try await app.testing().test(.POST, "/api/v1/agencies/1/applications", headers: headers, body: body) { res in
                #expect(res.status == .created)
                let answer = try Self.json(res)
                code = try #require(answer["trackingCode"] as? String)
                #expect(code.count == 19 && res.headers.first(name: .location) == "/api/v1/applications/\(code)")
                #expect(answer["status"] as? String == "open")
                #expect(answer["submittedAt"] as? String == "2024-03-11T10:00:00+08:00")
                #expect(answer["receivedOn"] as? String == "2024-03-11")
                // Day 1 is 03-12; 清明 04-04…06 off, Sunday 04-07 worked: the 20th working day is 04-09.
                #expect(answer["dueOn"] as? String == "2024-04-09")
                #expect(!res.body.string.contains("张三"))
            }
            try await app.testing().test(.GET, "/api/v1/applications/\(code)") { res in
                #expect(res.status == .ok)
                let view = try Self.json(res)
                #expect(view["dueOn"] as? String == "2024-04-09")
            }
            // Stored whole under the next online number, with what was typed (seen by an officer).
            let scope = try await office.scope(agencyID: 1, username: DemoAgency.demoOfficer)
            let first = try await office.caseFile(code, scope: scope, on: CivilDate(2024, 3, 11)).value
            #expect(first.id == "网申2024-0001" && first.receipt.submission.channel == .online)
            #expect(first.applicant.residentID?.value == "11010519491231002X" && first.request.documentNumber == "京兴应急〔2023〕1号")
            #expect(first.delivery == Delivery(medium: .electronic, method: .email))
            let (h2, b2) = try Self.body(Self.citizen)
            try await app.testing().test(.POST, "/api/v1/agencies/1/applications", headers: h2, body: b2) { res in
                let second = try #require(try Self.json(res)["trackingCode"] as? String)
                #expect(second != code)
                let stored = try await office.caseFile(second, scope: scope, on: CivilDate(2024, 3, 11))
                #expect(stored.value.id == "网申2024-0002")
            }
        }
    }

    @Test func everyBadFieldIsNamedAndNothingIsStored() async throws {
        try await WebTestApp.with { app, office in
            let scope = try await office.scope(agencyID: 1, username: nil)
            let before = try await office.openCases(scope: scope, on: CivilDate(2024, 3, 11)).count
            let cases: [([String: Any], [String])] = [
                (
                    [
                        "applicant": ["kind": "市民", "idNumber": "110105194912310021", "phone": "123", "postcode": "1"],
                        "request": [String: String](), "delivery": ["medium": "paper", "method": "pigeon"],
                    ],
                    [
                        "delivery.method", "request.description", "applicant.kind", "applicant.name", "applicant.idNumber",
                        "applicant.phone", "applicant.postcode",
                    ]
                ),
                ([:], ["request.description", "applicant.kind", "applicant.name"]),
                (
                    ["applicant": ["kind": "commercialEnterprise", "name": "某公司", "email": "a@b.cn"], "request": ["indexNumber": "X-1"]],
                    ["applicant.creditCode"]
                ),
                (["applicant": ["kind": "naturalPerson", "name": "李四"], "request": ["description": "某信息"]], [
                    "applicant.idNumber", "applicant.phone",
                ]),
            ]
            for (object, fields) in cases {
                let (headers, body) = try Self.body(object)
                try await app.testing().test(.POST, "/api/v1/agencies/1/applications", headers: headers, body: body) { res in
                    #expect(res.status == .unprocessableEntity, "\(object)")
                    #expect(res.headers.contentType == ProblemDetails.mediaType)
                    let problem = try JSONDecoder().decode(ProblemDetails.self, from: Data(buffer: res.body))
                    #expect(problem.errors?.map(\.field) == fields, "\(object)")
                    #expect(problem.errors?.allSatisfy { !$0.message.isEmpty } == true)
                }
            }
            let (h1, b1) = try Self.body(["applicant": ["name": 5]])
            try await app.testing().test(.POST, "/api/v1/agencies/1/applications", headers: h1, body: b1) { res in
                #expect(res.status == .unprocessableEntity)
                let problem = try JSONDecoder().decode(ProblemDetails.self, from: Data(buffer: res.body))
                #expect(problem.errors?.map(\.field) == ["applicant.name"])
            }
            var json = HTTPHeaders()
            json.contentType = .json
            try await app.testing().test(.POST, "/api/v1/agencies/1/applications", headers: json, body: ByteBuffer(string: "{\"applicant\":")) { res in
                #expect(res.status == .badRequest)
            }
            let (h2, b2) = try Self.body(Self.citizen)
            for path in ["/api/v1/agencies/999/applications", "/api/v1/agencies/abc/applications"] {
                try await app.testing().test(.POST, path, headers: h2, body: b2) { res in
                    #expect(res.status == .notFound, "\(path)")
                }
            }
            #expect(try await office.openCases(scope: scope, on: CivilDate(2024, 3, 11)).count == before)
        }
    }
}
