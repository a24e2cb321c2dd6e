import GongkaiCore
import GongkaiStore
import Testing

@testable import GongkaiOffice

/// 查看文书: the applicant opens the issued letters addressed to them with the tracking code and the phone given
/// when applying — never a draft, never a consultation, never with a wrong phone.
@Suite struct ApplicantLettersTests {
    @Test(arguments: [
        // | given             | typed              | same |
        ("13800000000", "138 0000 0000", true),
        ("138-0000-0000", "+8613800000000", true),
        ("0086 138 0000 0000", "13800000000", true),
        ("010-12345678", "(010)12345678", true),
        ("13800000000", "13800000001", false),
        ("13800000000", "", false),
        ("", "", false),
        ("13800000000", "1380000000", false),
    ])
    func phonesCompareHoweverWritten(_ given: String, _ typed: String, _ same: Bool) {
        #expect(ContactFormat.samePhone(given, typed) == same)
    }

    @Test(arguments: OfficeBackend.available)
    func theApplicantSeesOnlyIssuedLettersAddressedToThem(_ backend: OfficeBackend) async throws {
        try await LetterWorkflowTests.withDesk(backend, "applicant_letters") { desk in
            let office = desk.office
            var rng = SystemRandomNumberGenerator()
            var intake = Intake(
                reference: "2024-020", channel: "in-person", submittedOn: "2024-03-04", applicantKind: "自然人",
                applicantName: "王五", description: "某企业环评批复")
            (intake.submittedAt, intake.phone, intake.deliveryMedium, intake.deliveryMethod) = ("09:30", "138 0000 0000", "电子", "电子邮件")
            let stored = try await office.receive(intake, scope: desk.officer, at: LetterWorkflowTests.at("2024-03-04 09:40"), using: &rng)
            let code = stored.value.trackingCode!.description
            var version = stored.version
            for event in [ApplicationEvent(LetterWorkflowTests.day("2024-03-05"), .consultationSent(.thirdParty)),
                          ApplicationEvent(LetterWorkflowTests.day("2024-03-12"), .consultationReplied),
                          ApplicationEvent(LetterWorkflowTests.day("2024-03-20"), .answered(.granted))] {
                version = try await office.record(event, on: "2024-020", scope: desk.officer, at: LetterWorkflowTests.at("2024-03-20 09:00"), expectedVersion: version).version
            }
            var issued: [Int] = []
            for index in [0, 1] {  // the receipt and the consultation: issued
                var d = try await office.draftLetter(reference: "2024-020", eventIndex: index, scope: desk.officer, at: LetterWorkflowTests.at("2024-03-20 10:00"))
                if !d.letter.blanks.isEmpty {
                    d = try await office.reviseLetter(d.id, addressee: "某公司", paragraphs: d.letter.paragraphs, expectedVersion: d.version, scope: desk.officer)
                }
                issued.append(try await office.issueLetter(d.id, expectedVersion: d.version, scope: desk.head, at: LetterWorkflowTests.at("2024-03-20 11:00")).id)
            }
            // The answer: still a draft.
            let draft = try await office.draftLetter(reference: "2024-020", eventIndex: 3, scope: desk.officer, at: LetterWorkflowTests.at("2024-03-20 10:00"))
            let seen = try await office.applicantLetters(code.lowercased(), phone: "+86 13800000000")
            #expect(seen.agency == "甲局" && seen.letters.map(\.id) == [issued[0]])
            #expect(seen.letters[0].letter.addressee == "王五")
            // | code      | phone          | answer              |
            await #expect(throws: CaseError.secondFactorRefused) { try await office.applicantLetters(code, phone: "13800000001") }
            await #expect(throws: CaseError.secondFactorRefused) { try await office.applicantLetters(code, phone: "") }
            await #expect(throws: CaseError.unknownTrackingCode("0000-0000-0000-0000")) {
                try await office.applicantLetters("0000-0000-0000-0000", phone: "13800000000")
            }
            // The consultation and the draft do not download either; the receipt does.
            for id in [issued[1], draft.id] {
                await #expect(throws: LetterError.notFound(id)) {
                    try await office.applicantLetterFile(code, phone: "13800000000", letterID: id, pdf: false)
                }
            }
            #expect(try await office.applicantLetterFile(code, phone: "13800000000", letterID: issued[0], pdf: false).data.starts(with: [0x50, 0x4B]))
            // 张三's case (no phone given) cannot be opened online.
            let zhang = try #require(try await office.caseFile("2024-017", scope: desk.officer, on: LetterWorkflowTests.day("2024-03-20")).value.trackingCode)
            await #expect(throws: CaseError.noSecondFactor) { try await office.applicantLetters(zhang.description, phone: "13800000000") }
        }
    }
}
