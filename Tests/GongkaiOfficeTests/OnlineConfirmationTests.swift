import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Testing

/// 网上申请的确认 (Art. 31 (三)): where staff confirm online applications, a submission waits in 待确认 with its
/// tracking code and is received on the day it is confirmed — once, however many confirm it at once.
@Suite struct OnlineConfirmationTests {
    static func day(_ s: String) -> CivilDate { CivilDate(parsing: s)! }
    static func at(_ s: String) -> Moment { Moment(parsing: s)! }

    static var intake: Intake {
        var i = Intake(reference: "", channel: "", submittedOn: "", applicantKind: "自然人", applicantName: "张三",
                       description: "2023年某路段施工许可")
        (i.idNumber, i.phone, i.deliveryMedium, i.deliveryMethod) = ("11010519491231002X", "13800000000", "电子", "电子邮件")
        return i
    }

    /// 甲局 (staff confirm) with a registrar and a viewer; 乙局 confirms automatically.
    static func withAgencies(_ backend: OfficeBackend, _ name: String, _ body: (Office, Int, Int) async throws -> Void) async throws {
        try await OfficeBackend.withOffice(try await backend.freshConfiguration(name)) { office in
            let agencies = AgencyRepository(database: office.database)
            let a = try await agencies.create(
                Agency(name: "甲局", code: "A", level: .county, region: .national, onlineConfirmation: .byStaff)).id!
            let b = try await agencies.create(Agency(name: "乙局", code: "B", level: .county, region: .national)).id!
            _ = try await agencies.addUser(User(agencyID: a, username: "zhao", displayName: "赵", role: "registrar"))
            _ = try await agencies.addUser(User(agencyID: a, username: "wang", displayName: "王", role: "viewer"))
            _ = try await agencies.addUser(User(agencyID: b, username: "b-zhao", displayName: "乙赵", role: "registrar"))
            try await body(office, a, b)
        }
    }

    @Test(arguments: OfficeBackend.available)
    func aSubmissionWaitsAndIsReceivedOnTheDayStaffConfirmIt(_ backend: OfficeBackend) async throws {
        try await Self.withAgencies(backend, "confirm") { office, a, b in
            var rng = SystemRandomNumberGenerator()
            // Saturday evening: submitted, not received.
            let (application, submitted) = try await office.applyOnline(Self.intake, agencyID: a, at: Self.at("2024-03-09 20:15"), using: &rng)
            #expect(application.id.isEmpty && submitted.status == "awaitingConfirmation")
            #expect(submitted.receivedOn == nil && submitted.dueOn == nil)
            let tracked = try await office.track(submitted.trackingCode, on: Self.day("2024-03-10"))
            #expect(tracked.status == "awaitingConfirmation" && tracked.receivedOn == nil && tracked.submittedOn == Self.day("2024-03-09"))
            let registrar = try await office.scope(agencyID: a, username: "zhao")
            var queues = try await office.workQueues(scope: registrar, on: Self.day("2024-03-11"))
            #expect(queues.count(.awaitingConfirmation) == 1 && queues.count(.open) == 0)
            let id = try #require(queues.waiting.first?.id)
            #expect(queues.waiting.first?.applicantName == "张三")
            // Neither a viewer nor another agency's registrar confirms it.
            await #expect(throws: CaseError.self) {
                try await office.confirmOnline(id, scope: try await office.scope(agencyID: a, username: "wang"), at: Self.at("2024-03-11 09:00"))
            }
            await #expect(throws: CaseError.notFound("待确认申请 \(id)")) {
                try await office.confirmOnline(id, scope: try await office.scope(agencyID: b, username: "b-zhao"), at: Self.at("2024-03-11 09:00"))
            }
            // Monday 09:05: received that day; 20 working days from Tuesday (清明 04-04…06 off, 04-07 worked): 04-09.
            let stored = try await office.confirmOnline(id, scope: registrar, at: Self.at("2024-03-11 09:05"))
            #expect(stored.value.id == "网申2024-0001" && stored.value.receivedOn == Self.day("2024-03-11"))
            #expect(stored.value.receipt.submission.channel == .online && stored.value.log.first?.actor == "zhao")
            #expect(stored.value.trackingCode?.description == submitted.trackingCode)
            #expect(try await office.caseFile("网申2024-0001", scope: registrar, on: Self.day("2024-03-11")).answerDue?.due == Self.day("2024-04-09"))
            let after = try await office.track(submitted.trackingCode, on: Self.day("2024-03-11"))
            #expect(after.status == "open" && after.receivedOn == Self.day("2024-03-11"))
            queues = try await office.workQueues(scope: registrar, on: Self.day("2024-03-11"))
            #expect(queues.count(.awaitingConfirmation) == 0 && queues.count(.open) == 1)
            let record = try #require(try await office.onlineSubmission(try TrackingCode(submitted.trackingCode), scope: registrar))
            #expect(record.submittedAt == Self.at("2024-03-09 20:15") && record.confirmedBy == "zhao")
            await #expect(throws: CaseError.alreadyConfirmed("网申2024-0001")) {
                try await office.confirmOnline(id, scope: registrar, at: Self.at("2024-03-11 09:06"))
            }
            // 乙局 confirms at submission, as before.
            let (_, direct) = try await office.applyOnline(Self.intake, agencyID: b, at: Self.at("2024-03-09 20:15"), using: &rng)
            #expect(direct.status == "open" && direct.receivedOn == Self.day("2024-03-09"))
        }
    }

    @Test(arguments: OfficeBackend.available)
    func twoConfirmingAtOnceMakeOneCase(_ backend: OfficeBackend) async throws {
        try await Self.withAgencies(backend, "confirm_race") { office, a, _ in
            var rng = SystemRandomNumberGenerator()
            _ = try await office.applyOnline(Self.intake, agencyID: a, at: Self.at("2024-03-09 20:15"), using: &rng)
            let registrar = try await office.scope(agencyID: a, username: "zhao")
            let id = try #require(try await office.workQueues(scope: registrar, on: Self.day("2024-03-11")).waiting.first?.id)
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<4 {
                    group.addTask { (try? await office.confirmOnline(id, scope: registrar, at: Self.at("2024-03-11 09:05"))) != nil }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let queues = try await office.workQueues(scope: registrar, on: Self.day("2024-03-11"))
            #expect(queues.count(.open) == 1 && queues.count(.awaitingConfirmation) == 0)
        }
    }
}
