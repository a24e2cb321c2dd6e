import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing

/// 收件规则: a case is received under its agency's rule — Art. 31 unless the agency's 指南 defers submissions outside
/// working time — keeps that rule when the agency later changes it, and counts in the report of its receipt year.
@Suite struct ReceiptRuleTests {
    static func intake(_ reference: String) -> Intake {
        var intake = Intake(
            reference: reference, channel: "online", submittedOn: "2023-12-29", applicantKind: "自然人",
            applicantName: "张三", description: "某路段施工许可")
        intake.submittedAt = "17:40"  // Friday, after a 17:30 closing; 2024-01-01 is 元旦
        return intake
    }

    @Test(arguments: OfficeBackend.available)
    func caseKeepsTheRuleItWasReceivedUnder(_ backend: OfficeBackend) async throws {
        let configuration = try await backend.freshConfiguration("receiptrule")
        let closing = OfficeHours(closing: TimeOfDay(hour: 17, minute: 30)!)
        let agencyID = try await OfficeBackend.withOffice(configuration) { office in
            let agencies = AgencyRepository(database: office.database)
            let agency = try await agencies.create(
                Agency(name: "某区某局", code: "R1", level: .county, region: .national, receiptRule: .agencyGuide(closing)))
            _ = try await agencies.addUser(User(agencyID: agency.id!, username: "li", displayName: "李", role: "officer"))
            var rng = SystemRandomNumberGenerator()
            let at = Moment(parsing: "2023-12-29 17:45")!
            let deferred = try await office.receive(
                Self.intake("A"), scope: try await office.scope(agencyID: agency.id!, username: "li"), at: at,
                using: &rng)
            #expect(deferred.value.receivedOn == CivilDate(2024, 1, 2))
            #expect(deferred.value.receipt.rule == .agencyGuide(closing) && deferred.value.receipt.deferredByAgencyRule)
            // The agency goes back to Art. 31: a new case is received on the day itself; case A keeps its rule.
            try await agencies.setReceiptRule(.article31, agencyID: agency.id!)
            let scope = try await office.scope(agencyID: agency.id!, username: "li")
            #expect(scope.agency.receiptRule == .article31)
            let statutory = try await office.receive(Self.intake("B"), scope: scope, at: at, using: &rng)
            #expect(statutory.value.receivedOn == CivilDate(2023, 12, 29) && statutory.value.receipt.rule == .article31)
            return agency.id!
        }
        try await OfficeBackend.withOffice(configuration) { office in
            let scope = try await office.scope(agencyID: agencyID, username: "li")
            let a = try await office.caseFile("A", scope: scope, on: CivilDate(2024, 1, 2))
            #expect(a.value.receivedOn == CivilDate(2024, 1, 2) && a.value.receipt.rule == .agencyGuide(closing))
            #expect(a.value.receipt.trail.first?.reason.contains("本机关规则，非第三十一条") == true)
            let b = try await office.caseFile("B", scope: scope, on: CivilDate(2024, 1, 2))
            #expect(b.value.receivedOn == CivilDate(2023, 12, 29) && b.value.receipt.trail.isEmpty)
            // Both answer by the same day (a deferred receipt is itself day 1; Art. 31 counts from the next
            // working day), but each counts as new in its own receipt year.
            #expect(a.answerDue?.due == b.answerDue?.due)
            for (year, reference) in [(2023, "B"), (2024, "A")] {
                let table = try await office.report(agencyID: agencyID, year: year).report.applications.table
                #expect(table[.new, .naturalPerson] == 1, "\(year): \(reference)")
            }
        }
    }
}
