import Foundation
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing

/// 双公示: a batch of decisions drafted with a catalogue item, checked row by row as the register's import, and
/// entered in the 处理决定台账 when — and only when — the item is published; on both databases.
@Suite struct DecisionBatchTests {
    typealias R = ReportDraftWorkflowTests
    static func at(_ s: String) -> Moment { Moment(parsing: s)! }

    static func draft(_ office: Office, _ scope: AgencyScope, _ title: String, item: Int = 6, disclosure: DisclosureAttribute = .proactive)
        async throws -> StoredPublication
    {
        var f = PublicationForm()
        (f.title, f.article20Item, f.formedOn, f.disclosure) = (title, String(item), "2021-03-01", disclosure.rawValue)
        return try await office.draftPublication(f, scope: scope, at: at("2021-03-02 09:00"))
    }

    static func problems(_ body: () async throws -> Void) async -> [String] {
        do { try await body(); return [] } catch let e as IntakeProblems { return e.problems.map(\.reason) } catch { return ["\(error)"] }
    }

    static func penalties(_ office: Office, _ agencyID: Int) async throws -> (Int, Int) {
        let s = try await office.report(agencyID: agencyID, year: 2021).report.proactive
        return (s[.penalty, .decisionsThisYear].countOrZero, s[.enforcement, .decisionsThisYear].countOrZero)
    }

    @Test(arguments: OfficeBackend.available)
    func aBatchIsCheckedShownAndRegisteredWhenPublished(_ backend: OfficeBackend) async throws {
        try await R.withDesk(backend, "batch") { desk in
            let office = desk.office
            let (officer, reviewer) = (try await desk.scope(DemoAgency.demoOfficer), try await desk.scope("reviewer"))
            var p = try await Self.draft(office, officer, "2021年第一批行政处罚决定公示")
            // Every bad row named by line and column; a licence is not a penalty; nothing kept.
            let bad = "item_code,decided_on,reference\nCF-999,2021-02-20,京兴应急CF〔2021〕9号\nXK-002,2021-02-20,京兴应急XK〔2021〕1号\nCF-002,2021-02-30,京兴应急CF〔2021〕8号\n"
            let refused = await Self.problems {
                _ = try await office.attachDecisions(p.id, csv: Data(bad.utf8), fileName: "决定.csv", limits: .standard, scope: officer, at: Self.at("2021-03-02 09:01"))
            }
            #expect(refused.count == 3, "\(refused)")
            #expect(refused.contains { $0.hasPrefix("决定.csv 第2行「item_code」列") })
            #expect(refused.contains { $0.hasPrefix("决定.csv 第4行「decided_on」列") })
            #expect(refused.contains { $0.contains("第3行：事项 XK-002（行政许可）属于第二十条第（5）项") })
            #expect(try await office.decisionBatch(p.id, scope: officer) == nil)
            // A good file in GB18030 (as Excel saves it): two decisions, shown with their items.
            let good = "事项编码,决定日期,决定书文号\nCF-002,2021-02-20,京兴应急CF〔2021〕1号\nQZ-002,2021-02-21,京兴应急QZ〔2021〕1号\n"
            let gb = try #require(good.data(using: String.Encoding(rawValue: 0x8000_0632)))
            let view = try await office.attachDecisions(p.id, csv: gb, fileName: "决定.csv", limits: .standard, scope: officer, at: Self.at("2021-03-02 09:02"))
            #expect(view.rows.map(\.reference) == ["京兴应急CF〔2021〕1号", "京兴应急QZ〔2021〕1号"] && view.problems.isEmpty)
            #expect(view.rows.map(\.itemName) == ["安全生产违法行为行政处罚（2）", "查封扣押（2）"])
            // Not counted before publication.
            #expect(try await Self.penalties(office, desk.agencyID) == (0, 0))
            p = try await office.submitPublication(p.id, expectedVersion: try await office.publicationFile(p.id, scope: officer, at: Self.at("2021-03-02 09:03")).publication.version,
                                                   scope: officer, at: Self.at("2021-03-02 09:03"))
            p = try await office.reviewPublication(
                p.id, .pass(try await PublicationWorkflowTests.clear(office, reviewer)), expectedVersion: p.version, scope: reviewer, at: Self.at("2021-03-03 09:00"))
            #expect(p.state == .approved)
            #expect(try await Self.penalties(office, desk.agencyID) == (1, 1))
            #expect(try await office.registerChanges(scope: officer).first?.action == "发布「2021年第一批行政处罚决定公示」（双公示）：新增 2 行")
            let item = try await office.catalogueItem(agencyID: desk.agencyID, itemID: p.catalogueItem!.id!, at: Self.at("2021-03-03 09:01"))
            #expect(item.decisions.map(\.reference) == ["京兴应急CF〔2021〕1号", "京兴应急QZ〔2021〕1号"])
            #expect(try await office.decisionBatch(p.id, scope: officer)?.problems == [])
        }
    }

    @Test(arguments: OfficeBackend.available)
    func aBatchThatNoLongerFitsRefusesThePublicationWholly(_ backend: OfficeBackend) async throws {
        try await R.withDesk(backend, "batch_late") { desk in
            let office = desk.office
            let (officer, reviewer) = (try await desk.scope(DemoAgency.demoOfficer), try await desk.scope("reviewer"))
            var p = try await Self.draft(office, officer, "2021年第二批行政处罚决定公示")
            let csv = "item_code,decided_on,reference\nCF-003,2021-02-22,京兴应急CF〔2021〕2号\n"
            _ = try await office.attachDecisions(p.id, csv: Data(csv.utf8), fileName: "b.csv", limits: .standard, scope: officer, at: Self.at("2021-03-02 09:01"))
            // The category changed after the upload: the page names it and the review cannot publish it.
            var licensing = PublicationForm(p.content)
            licensing.article20Item = "5"
            p = try await office.revisePublication(p.id, licensing, expectedVersion: p.version, scope: officer, at: Self.at("2021-03-02 09:02"))
            #expect(try await office.decisionBatch(p.id, scope: officer)?.problems.first?.contains("属于第二十条第（6）项") == true)
            licensing.article20Item = "6"
            p = try await office.revisePublication(p.id, licensing, expectedVersion: p.version, scope: officer, at: Self.at("2021-03-02 09:02"))
            // Meanwhile the same 文号 enters the register with another date.
            let registers = DisclosureRepository(database: office.database, scope: officer)
            let item = try #require(try await registers.items().first { $0.code == "CF-003" })
            _ = try await registers.add(AdministrativeDecision(agencyID: desk.agencyID, itemID: item.id!, decidedOn: CivilDate(2021, 2, 25), reference: "京兴应急CF〔2021〕2号"))
            #expect(try await office.decisionBatch(p.id, scope: officer)?.problems.count == 1)
            p = try await office.submitPublication(p.id, expectedVersion: try await office.publicationFile(p.id, scope: officer, at: Self.at("2021-03-02 09:03")).publication.version,
                                                   scope: officer, at: Self.at("2021-03-02 09:03"))
            await #expect(throws: IntakeProblems.self) {
                try await office.reviewPublication(
                    p.id, .pass(try await PublicationWorkflowTests.clear(office, reviewer)), expectedVersion: p.version, scope: reviewer, at: Self.at("2021-03-03 09:00"))
            }
            // Nothing half-done: no 索引号, no catalogue entry, still in review, one decision in the register.
            let after = try await office.publicationFile(p.id, scope: officer, at: Self.at("2021-03-03 09:01")).publication
            #expect(after.state == .inReview && after.catalogueItem == nil)
            #expect(try await Self.penalties(office, desk.agencyID) == (1, 0))
            // A batch is for information disclosed proactively, and only while the item is a draft.
            let onRequest = try await Self.draft(office, officer, "依申请公开的处罚决定", disclosure: .onRequest)
            #expect(await Self.problems {
                _ = try await office.attachDecisions(onRequest.id, csv: Data(csv.utf8), fileName: "b.csv", limits: .standard, scope: officer, at: Self.at("2021-03-02 09:05"))
            } == ["双公示的处理决定应当主动公开，本信息的公开属性为依申请公开"])
            await #expect(throws: PublicationError.self) {
                _ = try await office.attachDecisions(p.id, csv: Data(csv.utf8), fileName: "b.csv", limits: .standard, scope: officer, at: Self.at("2021-03-03 09:05"))
            }
        }
    }

    /// The race the office's check cannot see: a batch that was valid when checked but no longer fits when the
    /// transaction that publishes the item runs. The store refuses the publication wholly.
    @Test(arguments: OfficeBackend.available)
    func theStoreRefusesABatchThatStoppedFittingInsideThePublishingTransaction(_ backend: OfficeBackend) async throws {
        try await R.withDesk(backend, "batch_race") { desk in
            let office = desk.office
            let officer = try await desk.scope(DemoAgency.demoOfficer)
            let p = try await Self.draft(office, officer, "2021年第三批行政处罚决定公示")
            let store = PublicationRepository(database: office.database, scope: officer)
            let csv = "item_code,decided_on,reference\nCF-003,2021-02-22,京兴应急CF〔2021〕7号\nCF-404,2021-02-23,京兴应急CF〔2021〕8号\n"
            try await store.setDecisionBatch(csv, fileName: "c.csv", rows: 2, of: p.id, at: Self.at("2021-03-02 09:01"))
            let audit = RegisterAuditRepository(database: office.database, scope: officer)
            let catalogue = try await audit.rowCount(try RegisterCatalog.named("catalogue-items"))
            do {
                _ = try await store.publish(
                    p.id, expectedVersion: p.version, pattern: .standard, visibleFrom: Self.at("2021-03-03 09:00"), action: "批准发布",
                    at: Self.at("2021-03-03 09:00"))
                Issue.record("published with a row naming an unknown item")
            } catch PublicationStoreError.decisionsInvalid(let issues) {
                #expect(issues.map(\.description) == ["c.csv 第3行「item_code」列：本机关没有编码为 CF-404 的事项"])
            }
            // Rolled back: no entry, no serial, no decision, still a draft.
            let after = try #require(try await store.find(p.id))
            #expect(after.state == .draft && after.catalogueItem == nil && after.version == p.version)
            #expect(try await audit.rowCount(try RegisterCatalog.named("catalogue-items")) == catalogue)
            #expect(try await Self.penalties(office, desk.agencyID) == (0, 0))
            // Once the batch fits, the same publication takes the year's first serial.
            try await store.setDecisionBatch(String(csv.split(separator: "\n").prefix(2).joined(separator: "\n")) + "\n", fileName: "c.csv", rows: 1, of: p.id, at: Self.at("2021-03-03 09:01"))
            let published = try await store.publish(
                p.id, expectedVersion: p.version, pattern: .standard, visibleFrom: Self.at("2021-03-03 09:02"), action: "批准发布",
                at: Self.at("2021-03-03 09:02"))
            #expect(published.catalogueItem?.indexNumber.hasSuffix("/2021-00001") == true)
            #expect(try await Self.penalties(office, desk.agencyID) == (1, 0))
        }
    }
}
