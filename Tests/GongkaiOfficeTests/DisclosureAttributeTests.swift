import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing

/// 公开属性 chosen when an item is drafted: 依申请公开 is listed by its entry alone (no content, no 附件, no
/// 第二十六条 clock); 不予公开 needs its ground, is confirmed by the review and never published — on both databases.
@Suite struct DisclosureAttributeTests {
    typealias W = PublicationWorkflowTests
    static let pdf = Data("%PDF-1.7\n正文".utf8)

    static func form(_ title: String, _ disclosure: DisclosureAttribute, ground: String = "", note: String = "") -> PublicationForm {
        var f = W.form(title, formed: "2024-01-02")
        (f.disclosure, f.withholdingGround, f.withholdingNote) = (disclosure.rawValue, ground, note)
        return f
    }

    @Test(arguments: OfficeBackend.available)
    func anOnRequestItemIsListedByItsEntryAlone(_ backend: OfficeBackend) async throws {
        try await W.withDesk(backend, "attr_on_request") { desk in
            let office = desk.office
            let (officer, reviewer) = (try await desk.scope("officer"), try await desk.scope("reviewer"))
            var p = try await office.draftPublication(
                Self.form("2024年安全生产执法检查计划（内部分工表）", .onRequest), scope: officer, at: W.at("2024-03-04 10:00"))
            _ = try await office.attachToPublication(p.id, name: "分工表.pdf", bytes: Self.pdf, limits: .standard, scope: officer, at: W.at("2024-03-04 10:01"))
            // Formed 2024-01-02, long past 20 working days: no clock runs for it.
            var file = try await office.publicationFile(p.id, scope: officer, at: W.at("2024-03-04 10:02"))
            #expect(file.due == nil && file.timeliness == nil)
            #expect(try await office.publicationAgenda(scope: officer, on: CivilDate(2024, 3, 4)).overdue == 0)
            p = try await office.submitPublication(p.id, expectedVersion: file.publication.version, scope: officer, at: W.at("2024-03-04 10:05"))
            p = try await office.reviewPublication(
                p.id, .pass(try await W.clear(office, reviewer)), expectedVersion: p.version, scope: reviewer, at: W.at("2024-03-05 09:00"))
            let item = try #require(p.catalogueItem)
            #expect(p.state == .approved && item.disclosure == .onRequest && item.body.isEmpty)
            #expect(p.content.body == "第一条　正文。")  // kept for the staff
            #expect(p.history.last?.note.contains("依申请公开，不公开全文") == true)
            // The portal lists the entry and finds it by its title, but gives neither the text nor the 附件.
            #expect(try await desk.publicTitles("执法检查计划", at: W.at("2024-03-05 09:01")) == ["2024年安全生产执法检查计划（内部分工表）"])
            #expect(try await desk.publicTitles("正文", at: W.at("2024-03-05 09:01")).isEmpty)
            let view = try await office.catalogueItem(agencyID: desk.agencyID, itemID: item.id!, at: W.at("2024-03-05 09:01"))
            #expect(view.item.disclosure == .onRequest && view.item.body.isEmpty && view.attachments.isEmpty)
            #expect(try await office.catalogueAttachments(agencyID: desk.agencyID, itemID: item.id!, at: W.at("2024-03-05 09:01")).isEmpty)
            let staffCopy = try await office.publicationAttachments(p.id, scope: officer)
            #expect(staffCopy.count == 1)
            await #expect(throws: (any Error).self) {
                try await office.catalogueAttachment(agencyID: desk.agencyID, itemID: item.id!, attachmentID: staffCopy[0].id, at: W.at("2024-03-05 09:01"))
            }
            file = try await office.publicationFile(p.id, scope: officer, at: W.at("2024-03-05 09:01"))
            #expect(file.isLive && file.due == nil)
        }
    }

    @Test(arguments: OfficeBackend.available)
    func aWithheldDraftIsConfirmedByTheReviewAndNeverPublished(_ backend: OfficeBackend) async throws {
        try await W.withDesk(backend, "attr_withheld") { desk in
            let office = desk.office
            let (officer, reviewer, head) = (try await desk.scope("officer"), try await desk.scope("reviewer"), try await desk.scope("head"))
            let staff = office.staff(CountingSecrets())
            try await staff.setPassword("gongkai-2026", username: "admin")
            let admin = try await staff.signIn(username: "admin", password: "gongkai-2026", at: W.at("2024-03-04 09:00")).1
            _ = try await office.updatePublicationSettings(
                indexPattern: "{机构代码}/{年份}-{流水号}", checklist: ConfidentialityChecklist.standard.lines, requiresApproval: true, by: admin)
            var p = try await office.draftPublication(
                Self.form("关于2024年执法检查的请示", .withheld, ground: String(WithheldReason.deliberativeProcess.rawValue), note: "请示报告，尚未批复"),
                scope: officer, at: W.at("2024-03-04 10:00"))
            p = try await office.submitPublication(p.id, expectedVersion: p.version, scope: officer, at: W.at("2024-03-04 10:05"))
            // The reviewer may answer 是 to a question: it supports the withholding.
            var answers = try await W.clear(office, reviewer).answers
            answers[ConfidentialityChecklist.standard.questions[5]] = true
            p = try await office.reviewPublication(
                p.id, .pass(ChecklistAnswers(answers)), expectedVersion: p.version, scope: reviewer, at: W.at("2024-03-05 09:00"))
            // No 负责人 approval: nothing is published.
            #expect(p.state == .withheld && p.catalogueItem == nil)
            #expect(p.history.last?.action == "确认不予公开")
            #expect(p.history.last?.note == "属于四类过程性信息（条例第十六条第二款）；请示报告，尚未批复")
            #expect(try await office.publicationAgenda(scope: head, on: CivilDate(2024, 3, 5)).toApprove == 0)
            #expect(try await desk.publicTitles(at: W.at("2030-01-01 00:00")).isEmpty)
            #expect(try await office.publicationFile(p.id, scope: officer, at: W.at("2024-03-05 09:01")).due == nil)
        }
    }

    @Test(arguments: OfficeBackend.available)
    func theAttributeIsCheckedWithItsGround(_ backend: OfficeBackend) async throws {
        try await W.withDesk(backend, "attr_form") { desk in
            let officer = try await desk.scope("officer")
            func problems(_ f: PublicationForm) async throws -> [String] {
                do {
                    _ = try await desk.office.draftPublication(f, scope: officer, at: W.at("2024-03-04 10:00"))
                    return []
                } catch let e as IntakeProblems { return e.problems.map { "\($0.key ?? ""): \($0.reason)" } }
            }
            #expect(try await problems(Self.form("a", .withheld)) == ["withholdingGround: 不予公开须选择理由（条例第十四条至第十六条）"])
            // 属于行政查询事项 answers applications only; it is no ground for drafting.
            #expect(try await problems(Self.form("b", .withheld, ground: "8")).count == 1)
            var scheduled = Self.form("c", .withheld, ground: "1")
            scheduled.publishAt = "2024-03-06 09:00"
            #expect(try await problems(scheduled) == ["publishAt: 不予公开的信息不发布，请留空"])
            var normative = Self.form("d", .onRequest)
            (normative.documentKind, normative.documentNumber, normative.writtenOn) = ("normative", "甲规〔2024〕1号", "2024-01-02")
            #expect(try await problems(normative) == ["disclosure: 规章和规范性文件应当主动公开（条例第二十条第（一）项）"])
            var unknown = Self.form("e", .proactive)
            unknown.disclosure = "secret"
            #expect(try await problems(unknown) == ["disclosure: 请选择主动公开、依申请公开或者不予公开"])
            #expect(try await desk.office.publicationList(scope: officer).isEmpty)
            // A ground typed for an item to be disclosed is not kept.
            let kept = try await desk.office.draftPublication(Self.form("f", .onRequest, ground: "1", note: "x"), scope: officer, at: W.at("2024-03-04 10:00"))
            #expect(kept.content.withholdingGround == nil && kept.content.withholdingNote.isEmpty && kept.content.disclosure == .onRequest)
        }
    }
}
