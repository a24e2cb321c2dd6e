import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing

/// The 主动公开 list of an agency that has published for years: 50 items a page, the latest first, found by 标题, 文号
/// or 索引号, counted by state, with the items past 第二十六条's period counted whatever is chosen; on both databases.
@Suite struct PublicationListingTests {
    static let day = CivilDate(2021, 6, 1)

    @Test(arguments: OfficeBackend.available)
    func aLongListIsPagedFoundByWordsAndCountedByState(_ backend: OfficeBackend) async throws {
        try await ReportDraftWorkflowTests.withDesk(backend, "pub_listing") { desk in
            let (office, officer) = (desk.office, try await desk.scope(DemoAgency.demoOfficer))
            func listing(_ state: PublicationState? = nil, _ words: String = "", page: Int = 1) async throws -> PublicationListing {
                try await office.publicationListing(scope: officer, state: state, words: words, page: page, on: Self.day)
            }
            let base = try await listing().found
            var ids: [Int] = []
            for i in 1...57 { ids.append(try await DecisionBatchTests.draft(office, officer, "第\(i)批安全检查通知", item: 1).id) }
            var budget = PublicationForm()
            (budget.article20Item, budget.formedOn) = ("8", "2021-05-31")
            for (title, number) in [("2021年部门预算公开", "京兴应急〔2021〕8号"), ("2020年部门决算公开", ""), ("预算绩效目标", "")] {
                (budget.title, budget.documentNumber) = (title, number)
                ids.append(try await office.draftPublication(budget, scope: officer, at: Moment(parsing: "2021-05-31 09:00")!).id)
            }

            // | asked                 | found | on the page        |
            // | all, page 1           | 60    | 50, latest first   |
            // | all, page 2           | 60    | the other 10       |
            // | page 9 (past the end) | 60    | page 2             |
            var first = try await listing()
            #expect(first.found == base + 60 && first.matching == base + 60 && first.pageCount == (base + 60 + 49) / 50)
            #expect(first.entries.count == 50 && first.entries.first?.publication.id == ids.last && first.page == 1)
            let last = try await listing(page: 9)
            #expect(last.page == last.pageCount && last.entries.count == (base + 60) - 50 * (last.pageCount - 1))
            // The 57 notices formed on 1 March are past their 20 working days on 1 June; the budgets formed on 31 May are
            // due on 29 June (端午 on 14 June is no working day), 19 working days after 1 June.
            #expect(first.overdue == 57)
            #expect(first.entries.first?.timeliness == .due(due: CivilDate(2021, 6, 29), workingDaysLeft: 19))

            // | words                | found                         |
            // | 预算                  | two titles                    |
            // | 〔2021〕8号            | the 文号                       |
            // | 安全检查  (spaces)     | the 57 notices                |
            // | 不存在的标题            | nothing, one empty page       |
            #expect(try await listing(nil, "预算").entries.map(\.publication.content.title) == ["预算绩效目标", "2021年部门预算公开"])
            #expect(try await listing(nil, "〔2021〕8号").entries.map(\.publication.id) == [ids[57]])
            #expect(try await listing(nil, "  安全检查 ").matching == 57)
            let nothing = try await listing(nil, "不存在的标题")
            #expect(nothing.matching == 0 && nothing.entries.isEmpty && nothing.pageCount == 1 && nothing.overdue == 57)

            // One submitted: its state's tab, and the counts among what the words find.
            let draft = try #require(try await office.publicationList(scope: officer).first { $0.id == ids[0] })
            _ = try await office.submitPublication(draft.id, expectedVersion: draft.version, scope: officer, at: Moment(parsing: "2021-06-01 09:00")!)
            let inReview = try await listing(.inReview, "安全检查")
            #expect(inReview.entries.map(\.publication.id) == [ids[0]] && inReview.matching == 1)
            #expect(inReview.counts[.inReview] == 1 && inReview.counts[.draft] == 56 && inReview.found == 57)
            first = try await listing(.draft)
            #expect(first.matching == first.counts[.draft] && first.entries.allSatisfy { $0.publication.state == .draft })
        }
    }
}
