import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing

/// 台账逐行修改: a row of a proactive register changed in the browser — checked as an import, refused when stale,
/// logged with before and after, followed at once by section II; on both databases.
@Suite struct RegisterRowEditTests {
    typealias R = ReportDraftWorkflowTests
    static let now = Moment(parsing: "2021-03-01 10:00")!

    static func problems(_ body: () async throws -> Void) async -> [String] {
        do { try await body(); return [] } catch let e as IntakeProblems { return e.problems.map { "\($0.key ?? ""): \($0.reason)" } } catch {
            return ["\(type(of: error))"]
        }
    }

    /// A row is found among many by what it contains: a 文号, a code (the item's, looked up), a date; wildcards are
    /// taken literally and case does not matter.
    @Test(arguments: OfficeBackend.available)
    func aRowIsFoundByWhatItContains(_ backend: OfficeBackend) async throws {
        try await R.withDesk(backend, "row_search") { desk in
            let office = desk.office
            let officer = try await desk.scope(DemoAgency.demoOfficer)
            let registers = DisclosureRepository(database: office.database, scope: officer)
            let item = try #require(try await registers.items().first { $0.code == "CF-002" })
            for reference in ["测试_A〔2021〕1号", "测试XA〔2021〕2号"] {
                _ = try await registers.add(AdministrativeDecision(agencyID: desk.agencyID, itemID: item.id!, decidedOn: CivilDate(2021, 6, 1), reference: reference))
            }
            try await registers.addDecisions((1...60).map { i in
                AdministrativeDecision(agencyID: desk.agencyID, itemID: item.id!, decidedOn: CivilDate(2021, 7, 1 + i % 28), reference: "补录〔2021〕\(i)号")
            })
            func found(_ words: String, after: Int = 0) async throws -> RegisterRowsPage {
                try await office.registerRows("administrative-decisions", after: after, containing: words, scope: officer)
            }
            // | words      | found                                   |
            // | 测试_a      | the one with "_A" (not "XA"), any case  |
            // | %          | nothing (no 文号 holds a "%")            |
            // | cf-002     | every decision of item CF-002 (60 more than a page), paged |
            // | 2021-06-01 | the two added                           |
            #expect(try await found("测试_a").rows.map { $0.values[2] } == ["测试_A〔2021〕1号"])
            #expect(try await found("%").rows.isEmpty)
            let byCode = try await found(" cf-002 ")
            #expect(!byCode.rows.isEmpty && byCode.rows.allSatisfy { $0.values[0] == "CF-002" })
            let next = try #require(byCode.next)
            let more = try await found("cf-002", after: next)
            #expect(!more.rows.isEmpty && more.rows.allSatisfy { $0.values[0] == "CF-002" && $0.id > next })
            #expect(try await found("2021-06-01").rows.map { $0.values[2] } == ["测试_A〔2021〕1号", "测试XA〔2021〕2号"])
        }
    }

    @Test(arguments: OfficeBackend.available)
    func aDecisionIsCorrectedAndSectionTwoFollows(_ backend: OfficeBackend) async throws {
        try await R.withDesk(backend, "row_edit") { desk in
            let office = desk.office
            let officer = try await desk.scope(DemoAgency.demoOfficer)
            let page = try await office.registerRows("administrative-decisions", scope: officer)
            #expect(page.rows.count == 50 && page.next == page.rows.last?.id && page.mayEdit)
            #expect(page.labels == ["事项编码", "决定日期", "决定书文号"])
            #expect(try await office.registerRows("administrative-decisions", after: page.next!, scope: officer).rows.first!.id > page.next!)
            // The first licence decision: XK-…, 2020.
            let row = try #require(page.rows.first { $0.values[0].hasPrefix("XK-") })
            func counts(_ year: Int) async throws -> (Int, Int) {
                let s = try await office.report(agencyID: desk.agencyID, year: year).report.proactive
                return (s[.licensing, .decisions].countOrZero + s[.licensing, .decisionsThisYear].countOrZero,
                        s[.penalty, .decisions].countOrZero + s[.penalty, .decisionsThisYear].countOrZero)
            }
            let (licences, penalties) = try await counts(2020)
            // Every bad field named, nothing changed.
            #expect(await Self.problems {
                try await office.editRegisterRow("administrative-decisions", id: row.id, typed: ["item_code": "ZZ-1", "decided_on": "2020-02-30"],
                                                 expected: row.values, scope: officer, at: Self.now)
            }.map { $0.prefix(11) } == ["item_code: ", "decided_on:"])
            let taken = page.rows.first { $0.id != row.id }!.values[2]
            #expect(await Self.problems {
                try await office.editRegisterRow("administrative-decisions", id: row.id, typed: ["reference": taken], expected: row.values, scope: officer, at: Self.now)
            } == ["reference: 「\(taken)」已是另一行的决定书文号"])
            #expect(await Self.problems {
                try await office.editRegisterRow("administrative-decisions", id: row.id, typed: [:], expected: row.values, scope: officer, at: Self.now)
            } == [": 没有修改任何字段"])
            // Moved to a penalty item: its category follows, and the report at once.
            let after = try await office.editRegisterRow(
                "administrative-decisions", id: row.id, typed: ["item_code": "CF-002"], expected: row.values, scope: officer, at: Self.now)
            #expect(after.values == ["CF-002", row.values[1], row.values[2]])
            #expect(try await counts(2020) == (licences - 1, penalties + 1))
            #expect(try await office.registerChanges(scope: officer).first?.action == "修改第 \(row.id) 行：事项编码 \(row.values[0]) → CF-002")
            // A form read before that change is stale.
            await #expect(throws: StoreError.self) {
                try await office.editRegisterRow("administrative-decisions", id: row.id, typed: ["decided_on": "2021-01-05"], expected: row.values, scope: officer, at: Self.now)
            }
            // Roles and agencies; registers with a workflow of their own are not changed here.
            let reviewer = try await desk.scope("reviewer")
            await #expect(throws: CaseError.self) {
                try await office.editRegisterRow("administrative-decisions", id: row.id, typed: ["decided_on": "2021-01-05"], expected: after.values, scope: reviewer, at: Self.now)
            }
            #expect(try await office.registerRows("administrative-decisions", scope: reviewer).mayEdit == false)
            let other = try await office.scope(agencyID: desk.agencyID + 1, username: "b-head")
            await #expect(throws: StoreError.self) { try await office.registerRow("administrative-decisions", id: row.id, scope: other) }
            let documents = try await office.registerRows("normative-documents", scope: officer)
            #expect(!documents.mayEdit)
            await #expect(throws: CaseError.self) {
                try await office.editRegisterRow("normative-documents", id: 1, typed: ["title": "x"], expected: [], scope: officer, at: Self.now)
            }
        }
    }

    @Test(arguments: OfficeBackend.available)
    func anAmountAndADateAreCheckedAsAnImportChecksThem(_ backend: OfficeBackend) async throws {
        try await R.withDesk(backend, "row_edit_money") { desk in
            let office = desk.office
            let officer = try await desk.scope(DemoAgency.demoOfficer)
            let row = try #require(try await office.registerRows("procurement-projects", scope: officer).rows.first)
            #expect(await Self.problems {
                try await office.editRegisterRow("procurement-projects", id: row.id, typed: ["amount_yuan": "12.345", "contracted_on": ""],
                                                 expected: row.values, scope: officer, at: Self.now)
            }.map { String($0.prefix(while: { $0 != ":" })) } == ["contracted_on", "amount_yuan"])
            let changed = try await office.editRegisterRow(
                "procurement-projects", id: row.id, typed: ["amount_yuan": "1000.5"], expected: row.values, scope: officer, at: Self.now)
            #expect(changed.values[2] == "1000.5")  // as the export writes it
            #expect(try await office.registerRow("procurement-projects", id: row.id, scope: officer).rows == [changed])
        }
    }
}
