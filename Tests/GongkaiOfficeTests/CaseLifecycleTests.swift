import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing

/// A case received, moved through 补正, a consultation, an extension and an answer shows the same file after a
/// restart, and counts in the report of its year.
@Suite struct CaseLifecycleTests {
    static func day(_ s: String) -> CivilDate { CivilDate(parsing: s)! }
    static func at(_ s: String) -> Moment { Moment(parsing: s)! }

    static let steps: [EventInput] = [
        EventInput(name: "correction-requested", date: day("2024-03-06"), fields: ["deadline": "2024-03-20"]),
        EventInput(name: "correction-received", date: day("2024-03-11")),
        EventInput(name: "consultation-sent", date: day("2024-03-13"), fields: ["party": "third-party"]),
        EventInput(name: "consultation-replied", date: day("2024-03-20")),
        EventInput(name: "extension-approved", date: day("2024-04-01"), fields: ["days": "10", "approved-by": "王主任"]),
        EventInput(name: "answered", date: day("2024-04-15"), fields: ["outcome": "granted"]),
    ]

    @Test(arguments: OfficeBackend.available)
    func receivedMovedAndReopened(_ backend: OfficeBackend) async throws {
        let configuration = try await backend.freshConfiguration("lifecycle")
        var intake = Intake(
            reference: "2024-017", channel: "in-person", submittedOn: "2024-03-04", applicantKind: "自然人",
            applicantName: "张三", description: "2023年某路段施工许可")
        (intake.submittedAt, intake.idNumber, intake.phone) = ("09:30", "11010519491231002X", "13800000000")
        (intake.deliveryMedium, intake.deliveryMethod) = ("纸质", "邮寄")
        let before = try await OfficeBackend.withOffice(configuration) { office in
            let agency = try await AgencyRepository(database: office.database).create(
                Agency(name: "某区某局", code: "X1", level: .county, region: .national))
            _ = try await AgencyRepository(database: office.database).addUser(
                User(agencyID: agency.id!, username: "li", displayName: "李", role: "officer"))
            let scope = try await office.scope(agencyID: agency.id!, username: "li")
            var rng = SystemRandomNumberGenerator()
            var stored = try await office.receive(intake, scope: scope, at: Self.at("2024-03-04 09:40"), using: &rng)
            #expect(stored.value.receivedOn == Self.day("2024-03-04") && stored.value.applicant.residentID != nil)
            for step in Self.steps {
                stored = try await office.record(
                    try step.event(), on: stored.value.trackingCode!.description, scope: scope,
                    at: Moment(date: step.date, time: TimeOfDay(hour: 16, minute: 0)!), expectedVersion: stored.version)
            }
            #expect(stored.version == 7 && stored.value.outcome == .granted)
            let file = try await office.caseFile("2024-017", scope: scope, on: Self.day("2024-04-15"))
            #expect(file.status == .answeredOnTime)
            // From the corrected application (03-11): 03-12, 03-13, paused 03-14…03-20 (consultation), 03-21 … 04-16
            // is the 20th working day (清明 04-04…06, 04-07 调休 worked); +10: 04-17 … 04-28 (调休) … 04-29.
            #expect(file.answerDue?.due == Self.day("2024-04-29"))
            return (agency.id!, file)
        }
        // After a restart: the same file, the same timeline and due dates; the case counts in its year's report.
        try await OfficeBackend.withOffice(configuration) { office in
            let scope = try await office.scope(agencyID: before.0, username: "li")
            let after = try await office.caseFile("2024-017", scope: scope, on: Self.day("2024-04-15"))
            #expect(after == before.1)
            #expect(after.value.log.map(\.actor) == Array(repeating: "li", count: 7))
            let table = try await office.report(agencyID: before.0, year: 2024).report.applications.table
            #expect(table[.new, .naturalPerson] == 1 && table[.granted, .naturalPerson] == 1)
            #expect(try await office.applicationTableFromCases(agencyID: before.0, year: 2024) == table)
        }
    }

    @Test func badEventInputNamesTheField() throws {
        #expect(throws: IntakeError(field: "outcome", reason: "事件「answered」须填写 --outcome")) {
            try EventInput(name: "answered", date: Self.day("2024-03-04")).event()
        }
        #expect(throws: IntakeError.self) { try EventInput(name: "approved", date: Self.day("2024-03-04")).event() }
        let fee = try EventInput(
            name: "fee-notice-sent", date: Self.day("2024-03-04"), fields: ["amount": "100.50"]
        ).event()
        #expect(fee.kind == .feeNoticeSent(amount: Fen(10_050)))
        let parts = try EventInput(
            name: "answered-in-parts", date: Self.day("2024-03-04"), fields: ["outcomes": "granted, withheld.4"]
        ).event()
        #expect(parts.kind == .answeredInParts([.granted, .withheld(.thirdPartyRights)]))
    }

    @Test func badIntakeIsRefusedNamingTheField() async throws {
        let configuration = try await OfficeBackend.sqlite.freshConfiguration("intake")
        try await OfficeBackend.withOffice(configuration) { office in
            let agency = try await AgencyRepository(database: office.database).create(
                Agency(name: "某局", code: "X2", level: .county, region: .national))
            let scope = try await office.scope(agencyID: agency.id!, username: nil)
            var rng = SystemRandomNumberGenerator()
            var intake = Intake(
                reference: "1", channel: "鸽子", submittedOn: "2024-03-04", applicantKind: "naturalPerson",
                applicantName: "张三", description: "某信息")
            await #expect(
                throws: IntakeError(
                    field: "提交渠道", reason: "「鸽子」不是 in-person、post、letter、online 或 fax", key: "channel")
            ) {
                try await office.receive(intake, scope: scope, at: Self.at("2024-03-04 10:00"), using: &rng)
            }
            (intake.channel, intake.idNumber) = ("online", "110105194912310021")
            await #expect {
                try await office.receive(intake, scope: scope, at: Self.at("2024-03-04 10:00"), using: &rng)
            } throws: { ($0 as? IntakeError)?.field == "证件号码" }
            #expect(try await office.openCases(scope: scope, on: Self.day("2024-03-05")).isEmpty)
        }
    }

    /// Every problem at once, each with its field and its JSON key, so that a form can mark them all; with
    /// Art. 29 required (an online form), a missing 身份证明 and 联系方式 are problems too.
    @Test func everyProblemIsNamedAtOnce() {
        var intake = Intake(
            reference: " ", channel: "online", submittedOn: "2024-02-30", applicantKind: "市民", applicantName: "",
            description: "")
        (intake.phone, intake.email, intake.postcode, intake.idNumber) = ("138", "a@b", "10001", "110105194912310021")
        (intake.deliveryMedium, intake.submittedAt) = ("纸质", "25:00")
        let keys = intake.problems(calendar: OfficeBackend.calendar).map(\.key)
        #expect(
            keys == [
                "reference", "submittedOn", "submittedAt", "request.description", "delivery.method", "applicant.kind",
                "applicant.name", "applicant.idNumber", "applicant.phone", "applicant.email", "applicant.postcode",
            ])
        var citizen = Intake(
            reference: "W1", channel: "online", submittedOn: "2024-03-04", applicantKind: "naturalPerson",
            applicantName: "张三", description: "某路段施工许可")
        #expect(citizen.problems(calendar: OfficeBackend.calendar).isEmpty)
        #expect(
            citizen.problems(requiringArticle29: true, calendar: OfficeBackend.calendar).map(\.key) == [
                "applicant.idNumber", "applicant.phone",
            ])
        (citizen.idNumber, citizen.phone) = ("11010519491231002X", "010-6512 3456转8")
        #expect(citizen.problems(requiringArticle29: true, calendar: OfficeBackend.calendar).isEmpty)
        var firm = citizen
        (firm.applicantKind, firm.idNumber, firm.description, firm.documentNumber) = ("商业企业", nil, "", "京政发〔2023〕1号")
        #expect(firm.problems(requiringArticle29: true, calendar: OfficeBackend.calendar).map(\.key) == ["applicant.creditCode"])
        // | phone                | accepted |
        for (phone, ok) in [
            ("13800000000", true), ("+86 138 0000 0000", true), ("(010)65123456", true), ("0591-8712345", true),
            ("65123456", true), ("010-65123456转", false), ("1380000000", false), ("138000000001", false),
            ("12345", false), ("电话", false),
        ] {
            var i = citizen
            i.phone = phone
            #expect(i.problems(calendar: OfficeBackend.calendar).isEmpty == ok, "\(phone)")
        }
    }
}
