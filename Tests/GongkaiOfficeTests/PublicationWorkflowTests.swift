import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing

/// 主动公开 through 保密审查: drafting, review by someone else, approval, the 索引号, publication at its moment and
/// never before, revocation — on both databases.
@Suite struct PublicationWorkflowTests {
    static func at(_ s: String) -> Moment { Moment(parsing: s)! }

    struct Desk {
        let office: Office
        let agencyID: Int
        let other: AgencyScope
        func scope(_ username: String) async throws -> AgencyScope {
            try await office.scope(agencyID: agencyID, username: username)
        }
        /// The public catalogue at `moment`: titles found by searching `words`.
        func publicTitles(_ words: String = "", at moment: Moment) async throws -> [String] {
            try await office.catalogue(agencyID: agencyID, text: words, article20Item: nil, year: nil, page: 1, at: moment).items.map(\.title)
        }
    }

    /// 甲局 (code 000014348) with a user for every role; 乙局 with its own officer.
    static func withDesk(_ backend: OfficeBackend, _ name: String, _ body: (Desk) async throws -> Void) async throws {
        try await OfficeBackend.withOffice(try await backend.freshConfiguration(name)) { office in
            let agencies = AgencyRepository(database: office.database)
            let a = try await agencies.create(Agency(name: "甲局", code: "000014348", level: .county, region: .national)).id!
            let b = try await agencies.create(Agency(name: "乙局", code: "B", level: .county, region: .national)).id!
            for role in ["officer", "head", "reviewer", "registrar", "viewer", "admin"] {
                _ = try await agencies.addUser(User(agencyID: a, username: role, displayName: role, role: role))
            }
            _ = try await agencies.addUser(User(agencyID: a, username: "officer2", displayName: "officer2", role: "officer"))
            _ = try await agencies.addUser(User(agencyID: b, username: "b-reviewer", displayName: "乙", role: "reviewer"))
            try await body(Desk(office: office, agencyID: a, other: try await office.scope(agencyID: b, username: "b-reviewer")))
        }
    }

    static func form(_ title: String, formed: String = "2024-03-01", publishAt: String = "") -> PublicationForm {
        var f = PublicationForm()
        (f.title, f.article20Item, f.formedOn, f.publishAt, f.body) = (title, "1", formed, publishAt, "第一条　正文。")
        return f
    }

    static func clear(_ office: Office, _ scope: AgencyScope) async throws -> ChecklistAnswers {
        let questions = try await office.publicationSettings(scope: scope).checklist.questions
        return ChecklistAnswers(Dictionary(uniqueKeysWithValues: questions.map { ($0, false) }))
    }

    @Test(arguments: OfficeBackend.available)
    func aReviewedItemAppearsAtItsMomentAndNeverBefore(_ backend: OfficeBackend) async throws {
        try await Self.withDesk(backend, "pub_schedule") { desk in
            let office = desk.office
            let (officer, reviewer) = (try await desk.scope("officer"), try await desk.scope("reviewer"))
            var p = try await office.draftPublication(
                Self.form("关于烟花爆竹安全管理的通告", publishAt: "2024-03-06 09:00"), scope: officer, at: Self.at("2024-03-04 10:00"))
            #expect(p.state == .draft && p.author == "officer" && p.catalogueItem == nil)
            p = try await office.submitPublication(p.id, expectedVersion: p.version, scope: officer, at: Self.at("2024-03-04 10:05"))
            #expect(p.state == .inReview && p.submittedBy == "officer")
            p = try await office.reviewPublication(
                p.id, .pass(try await Self.clear(office, reviewer)), expectedVersion: p.version, scope: reviewer, at: Self.at("2024-03-05 15:00"))
            let item = try #require(p.catalogueItem)
            #expect(p.state == .approved && p.reviewer == "reviewer" && p.approver == "reviewer")
            #expect(item.indexNumber == "000014348/2024-00001" && item.visibleFrom == Self.at("2024-03-06 09:00"))
            #expect(item.publishedOn == CivilDate(2024, 3, 6))
            #expect(p.history.map(\.action) == ["起草", "提交审查", "审查通过"])
            // Before its moment: not in the list, not found by its words or its 索引号, its page not found.
            for moment in ["2024-03-05 15:01", "2024-03-06 08:59"] {
                #expect(try await desk.publicTitles(at: Self.at(moment)).isEmpty, "\(moment)")
                #expect(try await desk.publicTitles("烟花爆竹", at: Self.at(moment)).isEmpty)
                #expect(try await desk.publicTitles("000014348/2024", at: Self.at(moment)).isEmpty)
                await #expect(throws: StoreError.self) {
                    try await office.catalogueItem(agencyID: desk.agencyID, itemID: item.id!, at: Self.at(moment))
                }
            }
            #expect(try await desk.publicTitles("烟花爆竹", at: Self.at("2024-03-06 09:00")) == ["关于烟花爆竹安全管理的通告"])
            #expect(try await office.catalogueItem(agencyID: desk.agencyID, itemID: item.id!, at: Self.at("2024-03-06 09:00")).item.title
                == "关于烟花爆竹安全管理的通告")
            // Published within 20 working days of 2024-03-01 (due 2024-03-29).
            let file = try await office.publicationFile(p.id, scope: officer, at: Self.at("2024-03-07 09:00"))
            #expect(file.isLive && file.timeliness == .publishedOnTime(due: CivilDate(2024, 3, 29)))
            // Revoked: gone from the portal at once; the record, its number and the reason stay.
            await #expect(throws: CaseError.self) {
                try await office.revokePublication(p.id, reason: "已被新通告替代", expectedVersion: p.version, scope: reviewer, at: Self.at("2024-04-01 10:00"))
            }
            let head = try await desk.scope("head")
            p = try await office.revokePublication(p.id, reason: "已被新通告替代", expectedVersion: p.version, scope: head, at: Self.at("2024-04-01 10:00"))
            #expect(p.state == .revoked && p.catalogueItem?.indexNumber == "000014348/2024-00001")
            #expect(p.history.last?.note == "已被新通告替代")
            #expect(try await desk.publicTitles(at: Self.at("2024-04-01 10:00")).isEmpty)
            await #expect(throws: StoreError.self) {
                try await office.catalogueItem(agencyID: desk.agencyID, itemID: item.id!, at: Self.at("2024-04-02 10:00"))
            }
        }
    }

    @Test(arguments: OfficeBackend.available)
    func theReviewIsSomeoneElsesAndEachRoleDoesItsOwnStep(_ backend: OfficeBackend) async throws {
        try await Self.withDesk(backend, "pub_roles") { desk in
            let office = desk.office
            let now = Self.at("2024-03-04 10:00")
            let (head, officer, officer2) = (try await desk.scope("head"), try await desk.scope("officer"), try await desk.scope("officer2"))
            for role in ["reviewer", "registrar", "viewer"] {
                await #expect(throws: CaseError.self, "\(role)") {
                    try await office.draftPublication(Self.form("x"), scope: try await desk.scope(role), at: now)
                }
            }
            // The head writes it; officer2 submits it: neither may review it.
            var p = try await office.draftPublication(Self.form("部门预算"), scope: head, at: now)
            p = try await office.submitPublication(p.id, expectedVersion: p.version, scope: officer2, at: now)
            let answers = try await Self.clear(office, head)
            await #expect(throws: PublicationError.reviewerIsAuthor("head")) {
                try await office.reviewPublication(p.id, .pass(answers), expectedVersion: p.version, scope: head, at: now)
            }
            for role in ["officer", "registrar", "viewer"] {
                await #expect(throws: CaseError.self, "\(role)") {
                    try await office.reviewPublication(p.id, .pass(answers), expectedVersion: p.version, scope: try await desk.scope(role), at: now)
                }
            }
            // Another agency's reviewer does not see it at all.
            await #expect(throws: PublicationStoreError.notFound(p.id)) {
                try await office.reviewPublication(p.id, .pass(answers), expectedVersion: p.version, scope: desk.other, at: now)
            }
            #expect(try await office.publicationList(scope: desk.other).isEmpty)
            // Returned with comments, edited, resubmitted, then withheld with its reason.
            let reviewer = try await desk.scope("reviewer")
            p = try await office.returnPublication(p.id, comments: "补充文号", expectedVersion: p.version, scope: reviewer, at: now)
            #expect(p.state == .returned && p.history.last?.note == "补充文号")
            var form = PublicationForm(p.content)
            form.documentNumber = "甲发〔2024〕1号"
            p = try await office.revisePublication(p.id, form, expectedVersion: p.version, scope: officer, at: now)
            #expect(p.content.documentNumber == "甲发〔2024〕1号")
            p = try await office.submitPublication(p.id, expectedVersion: p.version, scope: officer, at: now)
            await #expect(throws: PublicationError.self) {  // edit in review refused
                try await office.revisePublication(p.id, form, expectedVersion: p.version, scope: officer, at: now)
            }
            // An item formed 2024-03-01 is due 2024-03-29: past it, its writers are reminded; the reviewer of it is asked.
            let late = try await office.publicationAgenda(scope: officer, on: CivilDate(2024, 4, 1))
            #expect((late.toReview, late.toApprove, late.overdue) == (0, 0, 1))
            let asked = try await office.publicationAgenda(scope: reviewer, on: CivilDate(2024, 3, 4))
            #expect((asked.toReview, asked.toApprove, asked.overdue) == (1, 0, 0))
            #expect(try await office.publicationAgenda(scope: officer, on: CivilDate(2024, 3, 29)).isEmpty)
            var privacy = answers
            privacy.answers[ConfidentialityChecklist.standard.questions[3]] = true
            await #expect(throws: PublicationError.concernsRaised([ConfidentialityChecklist.standard.questions[3]])) {
                try await office.reviewPublication(p.id, .pass(privacy), expectedVersion: p.version, scope: reviewer, at: now)
            }
            p = try await office.reviewPublication(p.id, .withhold(privacy), expectedVersion: p.version, scope: reviewer, at: now)
            #expect(p.state == .withheld && p.catalogueItem == nil && p.history.last?.note == ConfidentialityChecklist.standard.questions[3])
            #expect(try await desk.publicTitles(at: Self.at("2030-01-01 00:00")).isEmpty)
        }
    }

    @Test(arguments: OfficeBackend.available)
    func theHeadApprovesWhereTheAgencyRequiresItAndSerialsNeverRepeat(_ backend: OfficeBackend) async throws {
        try await Self.withDesk(backend, "pub_approval") { desk in
            let office = desk.office
            let now = Self.at("2024-03-04 10:00")
            let (officer, reviewer, head) = (try await desk.scope("officer"), try await desk.scope("reviewer"), try await desk.scope("head"))
            let staff = office.staff(CountingSecrets())
            try await staff.setPassword("gongkai-2026", username: "admin")
            let admin = try await staff.signIn(username: "admin", password: "gongkai-2026", at: now).1
            await #expect(throws: IntakeProblems.self) {
                try await office.updatePublicationSettings(indexPattern: "{机构代码}-{流水号}", checklist: "", requiresApproval: true, by: admin)
            }
            _ = try await office.updatePublicationSettings(
                indexPattern: "11A0115-{年份}-{流水号}", checklist: "是否涉密（第十四条）\n是否涉及个人隐私（第十五条）", requiresApproval: true, by: admin)
            let answers = ChecklistAnswers(["是否涉密（第十四条）": false, "是否涉及个人隐私（第十五条）": false])
            var ids: [(Int, Int)] = []
            for i in 1...6 {
                var p = try await office.draftPublication(Self.form("信息\(i)"), scope: officer, at: now)
                p = try await office.submitPublication(p.id, expectedVersion: p.version, scope: officer, at: now)
                p = try await office.reviewPublication(p.id, .pass(answers), expectedVersion: p.version, scope: reviewer, at: now)
                #expect(p.state == .awaitingApproval && p.catalogueItem == nil)
                ids.append((p.id, p.version))
            }
            await #expect(throws: CaseError.self) {
                try await office.approvePublication(ids[0].0, expectedVersion: ids[0].1, scope: reviewer, at: now)
            }
            await #expect(throws: PublicationStoreError.self) {  // a stale form
                try await office.approvePublication(ids[0].0, expectedVersion: ids[0].1 - 1, scope: head, at: now)
            }
            // Six approvals at once: six different serials, 1…6.
            let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                for (id, version) in ids {
                    group.addTask { try await office.approvePublication(id, expectedVersion: version, scope: head, at: now).catalogueItem!.indexNumber }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(numbers.sorted() == (1...6).map { "11A0115-2024-0000\($0)" })
            // A new year starts again at 1.
            var p = try await office.draftPublication(Self.form("新年信息", formed: "2025-01-02"), scope: officer, at: Self.at("2025-01-03 09:00"))
            p = try await office.submitPublication(p.id, expectedVersion: p.version, scope: officer, at: Self.at("2025-01-03 09:00"))
            p = try await office.reviewPublication(p.id, .pass(answers), expectedVersion: p.version, scope: reviewer, at: Self.at("2025-01-03 09:00"))
            p = try await office.approvePublication(p.id, expectedVersion: p.version, scope: head, at: Self.at("2025-01-03 10:00"))
            #expect(p.catalogueItem?.indexNumber == "11A0115-2025-00001")
        }
    }

    @Test(arguments: OfficeBackend.available)
    func aBadFormNamesEveryField(_ backend: OfficeBackend) async throws {
        try await Self.withDesk(backend, "pub_form") { desk in
            var f = PublicationForm()
            (f.article20Item, f.formedOn, f.publishAt, f.writtenOn) = ("16", "2024-03-05", "明天", "2024-02-30")
            do {
                _ = try await desk.office.draftPublication(f, scope: try await desk.scope("officer"), at: Self.at("2024-03-04 10:00"))
                Issue.record("accepted")
            } catch let e as IntakeProblems {
                #expect(e.problems.map { $0.key ?? "" } == ["title", "article20Item", "writtenOn", "formedOn", "publishAt"])
                #expect(e.problems.allSatisfy { $0.description.hasPrefix("拟公开信息「") })
            }
            #expect(try await desk.office.publicationList(scope: try await desk.scope("officer")).isEmpty)
        }
    }

    @Test(arguments: OfficeBackend.available)
    func aNormativeDocumentPublishedEntersItsRegisterAndSectionTwo(_ backend: OfficeBackend) async throws {
        try await Self.withDesk(backend, "pub_normative") { desk in
            let office = desk.office
            let (officer, reviewer) = (try await desk.scope("officer"), try await desk.scope("reviewer"))
            var form = Self.form("关于加强烟花爆竹安全管理的规定", formed: "2024-03-01")
            (form.article20Item, form.documentKind) = ("8", "normative")
            do {
                _ = try await office.draftPublication(form, scope: officer, at: Self.at("2024-03-04 10:00"))
                Issue.record("a normative document without its category, 文号 and 成文日期 was drafted")
            } catch let e as IntakeProblems {
                #expect(Set(e.problems.compactMap(\.key)) == ["documentKind", "documentNumber", "writtenOn"])
            }
            (form.article20Item, form.documentNumber, form.writtenOn) = ("1", "甲发〔2024〕2号", "2024-02-28")
            var p = try await office.draftPublication(form, scope: officer, at: Self.at("2024-03-04 10:00"))
            #expect(p.content.documentKind == .normative)
            p = try await office.submitPublication(p.id, expectedVersion: p.version, scope: officer, at: Self.at("2024-03-04 10:05"))
            p = try await office.reviewPublication(
                p.id, .pass(try await Self.clear(office, reviewer)), expectedVersion: p.version, scope: reviewer, at: Self.at("2024-03-05 15:00"))
            let registers = DisclosureRepository(database: office.database, scope: officer)
            let document = try #require(try await registers.normativeDocument(number: "甲发〔2024〕2号"))
            #expect(document.kind == .normative && document.madeOn == CivilDate(2024, 2, 28) && document.publishedOn == CivilDate(2024, 3, 5))
            let cells = try await office.report(agencyID: desk.agencyID, year: 2024).report.proactive.cells[.normativeDocuments]!.map(\.count)
            #expect(cells == [1, 0, 1])  // 本年制发, 本年废止, 现行有效
            #expect(try await office.registerChanges(scope: officer).first?.action.contains("新增 1 行") == true)

            // A document the register holds already (imported without its publication day) is given that day, not doubled.
            _ = try await registers.add(NormativeDocument(
                agencyID: desk.agencyID, kind: .normative, title: "旧规定", documentNumber: "甲发〔2024〕1号", madeOn: CivilDate(2024, 1, 10)))
            (form.title, form.documentNumber, form.writtenOn) = ("旧规定", "甲发〔2024〕1号", "2024-01-10")
            var q = try await office.draftPublication(form, scope: officer, at: Self.at("2024-03-06 10:00"))
            q = try await office.submitPublication(q.id, expectedVersion: q.version, scope: officer, at: Self.at("2024-03-06 10:05"))
            _ = try await office.reviewPublication(
                q.id, .pass(try await Self.clear(office, reviewer)), expectedVersion: q.version, scope: reviewer, at: Self.at("2024-03-07 09:00"))
            #expect(try await registers.normativeDocument(number: "甲发〔2024〕1号")?.publishedOn == CivilDate(2024, 3, 7))
            #expect(try await registers.normativeDocuments().count == 2)
        }
    }
}
