import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// The letters on the tracking page and in the API: closed to the tracking code alone, opened by the phone given
/// when applying (in a POST body), downloaded the same way.
@Suite struct TrackLettersTests {
    /// A citizen's application (phone 13800000000) whose receipt the demo's 负责人 has issued; its tracking code.
    static func issuedReceipt(_ app: Application, _ office: Office) async throws -> String {
        let reference = try await CasePageTests.applied(app, office)
        let officer = try await office.scope(agencyID: 1, username: DemoAgency.demoOfficer)
        let draft = try await office.draftLetter(reference: reference, eventIndex: 0, scope: officer, at: ApplyPageTests.moment)
        let head = try await office.scope(agencyID: 1, username: DemoAgency.demoHead)
        _ = try await office.issueLetter(draft.id, expectedVersion: draft.version, scope: head, at: ApplyPageTests.moment)
        return try #require(try await office.caseFile(reference, scope: officer, on: ApplyPageTests.moment.date).value.trackingCode).description
    }

    @Test func theTrackingPageOpensTheLettersWithThePhoneOnly() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let code = try await Self.issuedReceipt(app, office)
            var (session, csrf) = try await StaffPageTests.openLogin(app, "/track?code=\(code)")
            // The code alone (even with a phone in the URL): the status and the form, no letter and no name.
            try await app.testing().test(.GET, "/track?code=\(code)&phone=13800000000", headers: session.headers) { res in
                let html = res.body.string
                #expect(html.contains("<h2 id=\"letters-h\">答复文书</h2>") && html.contains(">查看文书<"))
                #expect(!html.contains("接收回执") && !html.contains("张三"))
                session.keep(res)
            }
            // | phone typed       | answer                                 |
            for (phone, status, words) in [("13900000000", HTTPStatus.forbidden, "联系电话与申请时填写的不一致"),
                                           ("", .forbidden, "联系电话与申请时填写的不一致")] {
                let (h, b) = session.form([("_csrf", csrf), ("code", code), ("phone", phone)])
                try await app.testing().test(.POST, "/track/letters", headers: h, body: b) { res in
                    #expect(res.status == status)
                    let html = res.body.string
                    #expect(html.contains("id=\"phone-error\"") && html.contains(words) && !html.contains("张三"))
                }
            }
            let (h, b) = session.form([("_csrf", csrf), ("code", code), ("phone", "138 0000 0000")])
            try await app.testing().test(.POST, "/track/letters", headers: h, body: b) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("北京市大兴区应急管理局政府信息公开申请接收回执") && html.contains("大应急公开〔2024〕第1号"))
                #expect(html.contains("张三：") && html.contains(">下载 PDF<"))
                #expect(res.headers.first(name: .cacheControl) == "no-store")
            }
            let id = try #require(try await office.applicantLetters(code, phone: "13800000000").letters.first?.id)
            let (fh, fb) = session.form([("_csrf", csrf), ("code", code), ("phone", "13800000000"), ("id", "\(id)"), ("format", "docx")])
            try await app.testing().test(.POST, "/track/letters/file", headers: fh, body: fb) { res in
                #expect(res.status == .ok && Array(res.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
                #expect(res.headers.first(name: .contentDisposition)?.contains("%E5%A4%A7") == true, "named by its number, encoded")
            }
            let (xh, xb) = session.form([("_csrf", csrf), ("code", code), ("phone", "13900000000"), ("id", "\(id)"), ("format", "docx")])
            try await app.testing().test(.POST, "/track/letters/file", headers: xh, body: xb) { res in
                #expect(res.status == .forbidden)
            }
            let (gh, gb) = session.form([("_csrf", String(repeating: "0", count: 64)), ("code", code), ("phone", "13800000000")])
            try await app.testing().test(.POST, "/track/letters", headers: gh, body: gb) { res in
                #expect(res.status == .forbidden && !res.body.string.contains("张三"), "another site's form opens nothing")
            }
        }
    }

    @Test func theAPIGivesTheLettersForThePhoneInTheBody() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let code = try await Self.issuedReceipt(app, office)
            func post(_ body: String, _ check: (TestingHTTPResponse) throws -> Void) async throws {
                var h = HTTPHeaders()
                h.contentType = .json
                try await app.testing().test(.POST, "/api/v1/applications/\(code)/letters", headers: h, body: ByteBuffer(string: body)) { res in
                    try check(res)
                }
            }
            try await post(#"{"phone": "+86 138-0000-0000"}"#) { res in
                #expect(res.status == .ok)
                let json = try #require(try ApplyAPITests.json(res) as? [String: Any])
                let letters = try #require(json["letters"] as? [[String: Any]])
                #expect(json["agency"] as? String == "北京市大兴区应急管理局" && letters.count == 1)
                #expect(letters[0]["kind"] as? String == "receipt" && letters[0]["number"] as? String == "大应急公开〔2024〕第1号")
                #expect(letters[0]["addressee"] as? String == "张三" && (letters[0]["paragraphs"] as? [String])?.isEmpty == false)
            }
            try await post(#"{"phone": "13900000000"}"#) { res in
                #expect(res.status == .forbidden && res.headers.contentType?.description.contains("problem+json") == true)
            }
            try await post(#"{"phone": 13800000000}"#) { res in #expect(res.status == .badRequest) }
            try await app.testing().test(.POST, "/api/v1/applications/0000-0000-0000-0000/letters", headers: ["Content-Type": "application/json"],
                                         body: ByteBuffer(string: #"{"phone": "13800000000"}"#)) { res in
                #expect(res.status == .notFound)
            }
        }
    }
}
