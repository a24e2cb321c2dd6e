import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing

/// 文书: drafting, completing, issuing with a number without gaps, locking and correcting — on both databases.
@Suite struct LetterWorkflowTests {
    static func day(_ s: String) -> CivilDate { CivilDate(parsing: s)! }
    static func at(_ s: String) -> Moment { Moment(parsing: s)! }

    struct Desk {
        let office: Office
        let officer: AgencyScope
        let head: AgencyScope
        let other: AgencyScope
        func scope(_ username: String) async throws -> AgencyScope {
            try await office.scope(agencyID: officer.agencyID, username: username)
        }
    }

    /// 甲局 (代字 甲公开) with a user for every role and its 指南's remedies, and case 2024-017 received in person on
    /// 2024-03-04 and answered 予以公开 on 03-20; 乙局 with its own officer.
    static func withDesk(_ backend: OfficeBackend, _ name: String, _ body: (Desk) async throws -> Void) async throws {
        try await OfficeBackend.withOffice(try await backend.freshConfiguration(name)) { office in
            let agencies = AgencyRepository(database: office.database)
            let a = try await agencies.create(
                Agency(name: "甲局", code: "A", level: .county, region: .national, letterPrefix: "甲公开")).id!
            let b = try await agencies.create(Agency(name: "乙局", code: "B", level: .county, region: .national)).id!
            for role in ["officer", "head", "reviewer", "registrar", "viewer"] {
                _ = try await agencies.addUser(User(agencyID: a, username: role, displayName: role, role: role))
            }
            _ = try await agencies.addUser(User(agencyID: b, username: "b-officer", displayName: "乙", role: "officer"))
            _ = try await office.publishGuide(
                GuideDetails(
                    officeName: "甲局办公室", address: "某路1号", hours: "工作日", phone: "010-1", feeStandard: .perApplication,
                    reconsiderationBody: "某区人民政府", court: "某区人民法院"),
                agencyID: a, effectiveOn: day("2024-01-01"))
            let officer = try await office.scope(agencyID: a, username: "officer")
            var intake = Intake(
                reference: "2024-017", channel: "in-person", submittedOn: "2024-03-04", applicantKind: "自然人",
                applicantName: "张三", description: "2023年某路段施工许可")
            (intake.submittedAt, intake.deliveryMedium, intake.deliveryMethod) = ("09:30", "纸质", "邮寄")
            var rng = SystemRandomNumberGenerator()
            let stored = try await office.receive(intake, scope: officer, at: at("2024-03-04 09:40"), using: &rng)
            _ = try await office.record(
                ApplicationEvent(day("2024-03-20"), .answered(.granted)), on: "2024-017", scope: officer,
                at: at("2024-03-20 10:00"), expectedVersion: stored.version)
            try await body(Desk(
                office: office, officer: officer, head: try await office.scope(agencyID: a, username: "head"),
                other: try await office.scope(agencyID: b, username: "b-officer")))
        }
    }

    @Test(arguments: OfficeBackend.available)
    func aDraftIsCompletedIssuedWithTheNextNumberAndLocked(_ backend: OfficeBackend) async throws {
        try await Self.withDesk(backend, "letters_issue") { desk in
            let office = desk.office
            let slots = try await office.letterSlots(
                for: try await office.caseFile("2024-017", scope: desk.officer, on: Self.day("2024-03-20")), scope: desk.officer)
            #expect(slots.map(\.kind) == [.receipt, .answer] && slots.allSatisfy { $0.letters.isEmpty })
            let receipt = try await office.draftLetter(reference: "2024-017", eventIndex: 0, scope: desk.officer, at: Self.at("2024-03-04 10:00"))
            // A second click gives the same draft, not a second one.
            let again = try await office.draftLetter(reference: "2024-017", eventIndex: 0, scope: desk.officer, at: Self.at("2024-03-04 10:01"))
            #expect(again.id == receipt.id && receipt.status == .draft && receipt.letter.number == nil)
            #expect(receipt.draftedBy == "officer" && receipt.letter.blanks.isEmpty)
            let issued = try await office.issueLetter(receipt.id, expectedVersion: receipt.version, scope: desk.head, at: Self.at("2024-03-04 11:00"))
            #expect(issued.letter.number?.description == "甲公开〔2024〕第1号" && issued.issuedBy == "head")
            // The answer carries the 指南's remedies; the next number follows.
            let answer = try await office.draftLetter(reference: "2024-017", eventIndex: 1, scope: desk.officer, at: Self.at("2024-03-20 10:05"))
            #expect(answer.letter.plainText.contains("向某区人民政府申请行政复议"))
            let second = try await office.issueLetter(answer.id, expectedVersion: answer.version, scope: desk.head, at: Self.at("2024-03-20 11:00"))
            #expect(second.letter.number?.sequence == 2)
            // Issued: no revision, no discarding, no second draft for the same event.
            await #expect(throws: LetterError.locked(second.letter.number!)) {
                try await office.reviseLetter(second.id, addressee: "李四", paragraphs: ["x"], expectedVersion: second.version, scope: desk.officer)
            }
            await #expect(throws: LetterError.locked(second.letter.number!)) {
                try await office.discardLetter(second.id, expectedVersion: second.version, scope: desk.officer)
            }
            await #expect(throws: LetterError.alreadyIssued(second.letter.number!)) {
                try await office.draftLetter(reference: "2024-017", eventIndex: 1, scope: desk.officer, at: Self.at("2024-03-21 09:00"))
            }
            #expect(try await office.letterFile(second.id, pdf: false, scope: desk.officer).starts(with: [0x50, 0x4B]))
        }
    }

    @Test(arguments: OfficeBackend.available)
    func blanksStaleFormsAndDiscardedDraftsLeaveNoGap(_ backend: OfficeBackend) async throws {
        try await Self.withDesk(backend, "letters_gaps") { desk in
            let office = desk.office
            var draft = try await office.draftLetter(reference: "2024-017", eventIndex: 1, scope: desk.officer, at: Self.at("2024-03-20 10:05"))
            // A discarded draft takes no number.
            try await office.discardLetter(draft.id, expectedVersion: draft.version, scope: desk.officer)
            await #expect(throws: LetterError.notFound(draft.id)) { try await office.letter(draft.id, scope: desk.officer) }
            draft = try await office.draftLetter(reference: "2024-017", eventIndex: 1, scope: desk.officer, at: Self.at("2024-03-20 10:06"))
            var paragraphs = draft.letter.paragraphs
            paragraphs[1] += "【补充说明】"
            let revised = try await office.reviseLetter(
                draft.id, addressee: " 张三 ", paragraphs: paragraphs + ["  "], expectedVersion: draft.version, scope: desk.officer)
            #expect(revised.version == draft.version + 1 && revised.letter.addressee == "张三")
            #expect(revised.letter.paragraphs == paragraphs)
            // The old form's version is stale; the blank blocks issuing.
            await #expect(throws: LetterError.staleVersion(id: draft.id, expected: draft.version, found: revised.version)) {
                try await office.reviseLetter(draft.id, addressee: "张三", paragraphs: ["x"], expectedVersion: draft.version, scope: desk.officer)
            }
            await #expect(throws: LetterError.blanksLeft(["【补充说明】"])) {
                try await office.issueLetter(revised.id, expectedVersion: revised.version, scope: desk.head, at: Self.at("2024-03-20 11:00"))
            }
            await #expect(throws: LetterError.empty(field: "正文（body）")) {
                try await office.reviseLetter(draft.id, addressee: "张三", paragraphs: [" "], expectedVersion: revised.version, scope: desk.officer)
            }
            let filled = try await office.reviseLetter(
                draft.id, addressee: "张三", paragraphs: draft.letter.paragraphs, expectedVersion: revised.version, scope: desk.officer)
            let issued = try await office.issueLetter(filled.id, expectedVersion: filled.version, scope: desk.head, at: Self.at("2024-03-20 11:00"))
            #expect(issued.letter.number?.sequence == 1)
        }
    }

    @Test(arguments: OfficeBackend.available)
    func aCorrectionIsANewLetterThatNamesTheOneItReplaces(_ backend: OfficeBackend) async throws {
        try await Self.withDesk(backend, "letters_correct") { desk in
            let office = desk.office
            let draft = try await office.draftLetter(reference: "2024-017", eventIndex: 1, scope: desk.officer, at: Self.at("2024-03-20 10:05"))
            let first = try await office.issueLetter(draft.id, expectedVersion: draft.version, scope: desk.head, at: Self.at("2024-03-20 11:00"))
            await #expect(throws: LetterError.empty(field: "更正原因（reason）")) {
                try await office.correctLetter(first.id, reason: " ", scope: desk.officer, at: Self.at("2024-03-21 09:00"))
            }
            let correction = try await office.correctLetter(first.id, reason: "提供方式有误", scope: desk.officer, at: Self.at("2024-03-21 09:00"))
            #expect(correction.status == .draft && correction.replacesID == first.id && correction.eventIndex == 1)
            #expect(correction.letter.replaces == first.letter.number && correction.letter.paragraphs == first.letter.paragraphs)
            let second = try await office.issueLetter(correction.id, expectedVersion: correction.version, scope: desk.head, at: Self.at("2024-03-21 10:00"))
            #expect(second.letter.number?.sequence == 2)
            #expect(second.letter.plainText.contains("本文书更正并替代甲公开〔2024〕第1号，更正原因：提供方式有误。"))
            // The replaced letter can no longer be corrected (the correction can); the slot shows the newest letter.
            await #expect(throws: LetterError.self) {
                try await office.correctLetter(first.id, reason: "再改", scope: desk.officer, at: Self.at("2024-03-22 09:00"))
            }
            let slot = try #require(try await office.letterSlots(
                for: try await office.caseFile("2024-017", scope: desk.officer, on: Self.day("2024-03-22")), scope: desk.officer
            ).first { $0.eventIndex == 1 })
            #expect(slot.letters.map(\.id) == [first.id, second.id] && slot.current?.id == second.id)
            // Corrections of drafts are not a thing: a draft is changed directly.
            let receipt = try await office.draftLetter(reference: "2024-017", eventIndex: 0, scope: desk.officer, at: Self.at("2024-03-22 09:00"))
            await #expect(throws: LetterError.notCorrectable("草稿可以直接修改")) {
                try await office.correctLetter(receipt.id, reason: "x", scope: desk.officer, at: Self.at("2024-03-22 09:01"))
            }
        }
    }

    @Test(arguments: OfficeBackend.available)
    func rolesDecideWhoDraftsAndWhoIssuesAndOtherAgenciesSeeNothing(_ backend: OfficeBackend) async throws {
        try await Self.withDesk(backend, "letters_roles") { desk in
            let office = desk.office
            // | role      | draft | issue |
            for (username, drafts) in [("registrar", false), ("viewer", false), ("reviewer", false), ("head", true)] {
                let scope = try await desk.scope(username)
                if drafts {
                    _ = try await office.draftLetter(reference: "2024-017", eventIndex: 0, scope: scope, at: Self.at("2024-03-04 10:00"))
                } else {
                    await #expect(throws: CaseError.self, "\(username) drafts") {
                        try await office.draftLetter(reference: "2024-017", eventIndex: 0, scope: scope, at: Self.at("2024-03-04 10:00"))
                    }
                }
            }
            let draft = try await office.draftLetter(reference: "2024-017", eventIndex: 0, scope: desk.officer, at: Self.at("2024-03-04 10:00"))
            for username in ["officer", "registrar", "viewer"] {
                let scope = try await desk.scope(username)
                await #expect(throws: CaseError.self, "\(username) issues") {
                    try await office.issueLetter(draft.id, expectedVersion: draft.version, scope: scope, at: Self.at("2024-03-04 11:00"))
                }
            }
            let issued = try await office.issueLetter(
                draft.id, expectedVersion: draft.version, scope: try await desk.scope("reviewer"), at: Self.at("2024-03-04 11:00"))
            #expect(issued.issuedBy == "reviewer")
            // Another agency's officer finds neither the letter nor the case.
            await #expect(throws: LetterError.notFound(draft.id)) { try await office.letter(draft.id, scope: desk.other) }
            await #expect(throws: CaseError.notFound("2024-017")) {
                try await office.draftLetter(reference: "2024-017", eventIndex: 0, scope: desk.other, at: Self.at("2024-03-04 10:00"))
            }
            await #expect(throws: LetterError.noSuchEvent(reference: "2024-017", index: 5)) {
                try await office.draftLetter(reference: "2024-017", eventIndex: 5, scope: desk.officer, at: Self.at("2024-03-04 10:00"))
            }
        }
    }

    @Test(arguments: OfficeBackend.available)
    func lettersIssuedAtOnceGetDistinctNumbersWithoutGaps(_ backend: OfficeBackend) async throws {
        try await Self.withDesk(backend, "letters_race") { desk in
            let office = desk.office
            var rng = SystemRandomNumberGenerator()
            var drafts: [StoredLetter] = []
            for n in 1...6 {
                var intake = Intake(
                    reference: "2024-1\(n)", channel: "post", submittedOn: "2024-03-05", applicantKind: "自然人",
                    applicantName: "申请人\(n)", description: "某文件")
                intake.submittedAt = "10:00"
                _ = try await office.receive(intake, scope: desk.officer, at: Self.at("2024-03-05 10:00"), using: &rng)
                drafts.append(try await office.draftLetter(reference: "2024-1\(n)", eventIndex: 0, scope: desk.officer, at: Self.at("2024-03-05 10:00")))
            }
            let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
                for d in drafts {
                    group.addTask {
                        try await office.issueLetter(d.id, expectedVersion: d.version, scope: desk.head, at: Self.at("2024-03-05 11:00"))
                            .letter.number!.sequence
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(numbers.sorted() == Array(1...6))
        }
    }
}
