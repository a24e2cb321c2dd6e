import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// 文书 in the back office: drafted from the case page, completed, issued by a 负责人 with the agency's next number,
/// downloaded, locked, corrected; the roles that may not do a step are refused it.
@Suite struct LetterPageTests {
    static func get(_ app: Application, _ session: PageSession, _ path: String) async throws -> (HTTPStatus, String) {
        var result: (HTTPStatus, String) = (.ok, "")
        try await app.testing().test(.GET, path, headers: session.headers) { res in result = (res.status, res.body.string) }
        return result
    }

    /// Posts `fields` (with the session's form token) and returns the status, the Location and the body.
    static func post(_ app: Application, _ session: PageSession, _ path: String, _ fields: [(String, String)]) async throws
        -> (HTTPStatus, String?, String)
    {
        let csrf = try #require(session.cookies["gk_csrf"])
        let (h, b) = session.form([("_csrf", csrf)] + fields)
        var result: (HTTPStatus, String?, String) = (.ok, nil, "")
        try await app.testing().test(.POST, path, headers: h, body: b) { res in
            result = (res.status, res.headers.first(name: .location), res.body.string)
        }
        return result
    }

    @Test func aReceiptIsDraftedCompletedIssuedDownloadedAndCorrected() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let reference = try await CasePageTests.applied(app, office)
            try await CasePageTests.addUser(office, "head-liu", role: "head")
            let officer = try await StaffPageTests.signIn(app)
            let (_, casePage) = try await Self.get(app, officer, CasePage.href(reference))
            #expect(casePage.contains("<h2>文书</h2>") && casePage.contains("政府信息公开申请接收回执"))
            #expect(casePage.contains("aria-label=\"拟制政府信息公开申请接收回执（\(ApplyPageTests.moment.date)）\""))
            // 拟制 → the draft's page.
            let (drafted, location, _) = try await Self.post(app, officer, CasePage.href(reference) + "/letters", [("eventIndex", "0")])
            #expect(drafted == .seeOther)
            let letterPath = try #require(location?.components(separatedBy: "?").first)
            #expect(letterPath.hasPrefix(CasePage.href(reference) + "/letters/"))
            var (_, html) = try await Self.get(app, officer, letterPath + "?done=created")
            #expect(html.contains("北京市大兴区应急管理局政府信息公开申请接收回执") && html.contains("（签发时编号）"))
            #expect(html.contains("草稿已拟制") && html.contains(">保存草稿<"))
            #expect(!html.contains("value=\"issue\""), "a 承办人 does not issue")
            // The officer edits the body: an unfilled blank stays visible, and what was typed is kept.
            var version = try #require(PageSession.hidden("version", in: html))
            let (saved, _, _) = try await Self.post(app, officer, letterPath, [
                ("action", "save"), ("version", version), ("addressee", "张三"), ("body", "第一段。\n\n第二段【待核实】。"),
            ])
            #expect(saved == .seeOther)
            (_, html) = try await Self.get(app, officer, letterPath)
            #expect(html.contains("<p>第一段。</p><p>第二段【待核实】。</p>") && html.contains("还有 1 处待填写"))
            // The 负责人 issues: refused while the blank is there, then numbered and locked.
            let head = try await StaffPageTests.signIn(app, username: "head-liu")
            (_, html) = try await Self.get(app, head, letterPath)
            version = try #require(PageSession.hidden("version", in: html))
            let (blocked, _, blockedHTML) = try await Self.post(app, head, letterPath, [("action", "issue"), ("version", version)])
            #expect(blocked == .unprocessableEntity && blockedHTML.contains("文书中还有待填写的内容：【待核实】"))
            _ = try await Self.post(app, head, letterPath, [
                ("action", "save"), ("version", version), ("addressee", "张三"), ("body", "第一段。\n第二段。"),
            ])
            (_, html) = try await Self.get(app, head, letterPath)
            version = try #require(PageSession.hidden("version", in: html))
            let (issued, issuedAt, _) = try await Self.post(app, head, letterPath, [("action", "issue"), ("version", version)])
            #expect(issued == .seeOther && issuedAt == letterPath + "?done=issued")
            (_, html) = try await Self.get(app, head, letterPath + "?done=issued")
            #expect(html.contains("大应急公开〔2024〕第1号") && html.contains("文书已签发"))
            #expect(!html.contains(">保存草稿<") && html.contains(">拟制更正文书<"))
            // The files, named by the number.
            try await app.testing().test(.GET, letterPath + "/docx", headers: head.headers) { res in
                #expect(res.status == .ok)
                #expect(res.headers.first(name: .contentDisposition)?.contains("filename*=UTF-8''") == true)
                #expect(Array(res.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
            }
            // A post to the locked letter is refused; the case page links the number.
            let (locked, _, lockedHTML) = try await Self.post(app, officer, letterPath, [
                ("action", "save"), ("version", version), ("addressee", "李四"), ("body", "改"),
            ])
            #expect(locked == .conflict && lockedHTML.contains("已签发，不能修改"))
            #expect(try await Self.get(app, officer, CasePage.href(reference)).1.contains(">大应急公开〔2024〕第1号</a>"))
            // 更正: a new draft naming the letter it replaces.
            let (corrected, draftAt, _) = try await Self.post(app, officer, letterPath, [("action", "correct"), ("reason", "收到日期有误")])
            #expect(corrected == .seeOther)
            (_, html) = try await Self.get(app, officer, try #require(draftAt))
            #expect(html.contains("本文书更正并替代大应急公开〔2024〕第1号，更正原因：收到日期有误。"))
        }
    }

    @Test func rolesForgedFormsAndOtherCasesAreRefused() async throws {
        try await WebTestApp.with(now: ApplyPageTests.moment) { app, office in
            let reference = try await CasePageTests.applied(app, office)
            let other = try await CasePageTests.applied(app, office)
            try await CasePageTests.addUser(office, "registrar-zhao", role: "registrar")
            let registrar = try await StaffPageTests.signIn(app, username: "registrar-zhao")
            #expect(!(try await Self.get(app, registrar, CasePage.href(reference)).1.contains(">拟制<")))
            let (refused, _, _) = try await Self.post(app, registrar, CasePage.href(reference) + "/letters", [("eventIndex", "0")])
            #expect(refused == .forbidden)
            let officer = try await StaffPageTests.signIn(app)
            let (h, b) = officer.form([("_csrf", String(repeating: "0", count: 64)), ("eventIndex", "0")])
            try await app.testing().test(.POST, CasePage.href(reference) + "/letters", headers: h, body: b) { res in
                #expect(res.status == .forbidden, "another site's form drafts nothing")
            }
            let (noEvent, _, _) = try await Self.post(app, officer, CasePage.href(reference) + "/letters", [("eventIndex", "7")])
            #expect(noEvent == .notFound)
            let (_, location, _) = try await Self.post(app, officer, CasePage.href(reference) + "/letters", [("eventIndex", "0")])
            let letterPath = try #require(location?.components(separatedBy: "?").first)
            // The letter is not reachable under another case's path, nor its files before issue.
            let id = try #require(letterPath.components(separatedBy: "/").last)
            #expect(try await Self.get(app, officer, CasePage.href(other) + "/letters/\(id)").0 == .notFound)
            #expect(try await Self.get(app, officer, letterPath + "/pdf").0 == .unprocessableEntity)
            let scope = try await office.scope(agencyID: 1, username: nil)
            #expect(try await office.letterSlots(
                for: try await office.caseFile(reference, scope: scope, on: ApplyPageTests.moment.date), scope: scope
            ).first?.letters.count == 1)
        }
    }
}
