import GongkaiCore
import GongkaiStore
import Synchronization
import Testing

@testable import GongkaiOffice

/// A transport whose sends fail the first `failures` times, and which keeps what it sent.
final class ScriptedTransport: MessageTransport {
    let state: Mutex<(failures: Int, sent: [String])>
    init(failures: Int) { state = Mutex((failures, [])) }

    func send(to recipient: String, subject: String, body: String) async throws {
        try state.withLock { s in
            if s.failures > 0 {
                s.failures -= 1
                throw StoreError.notFound("SMTP 服务器（测试）")
            }
            s.sent.append(recipient + " " + subject)
        }
    }

    var sent: [String] { state.withLock { $0.sent } }
}

/// 通知: an issued letter to an applicant with an e-mail address is queued; delivery retries on its schedule and
/// gives up after the last attempt; staff may mark a message sent by hand; a role without personal data sees the
/// address masked.
@Suite struct OutboxTests {
    static func at(_ minute: Int) -> Moment { Moment(minuteNumber: Moment(parsing: "2024-03-20 11:00")!.minuteNumber + minute) }

    /// 甲局's case 2024-030 (with an e-mail address) answered, and its answer issued: one message queued.
    static func withNotice(_ backend: OfficeBackend, _ name: String, _ body: (LetterWorkflowTests.Desk, OutboxMessage) async throws -> Void)
        async throws
    {
        try await LetterWorkflowTests.withDesk(backend, name) { desk in
            let office = desk.office
            var intake = Intake(reference: "2024-030", channel: "in-person", submittedOn: "2024-03-04", applicantKind: "自然人",
                                applicantName: "王五", description: "某文件")
            (intake.submittedAt, intake.email, intake.deliveryMedium, intake.deliveryMethod) = ("09:30", "wang@example.cn", "电子", "电子邮件")
            var rng = SystemRandomNumberGenerator()
            let stored = try await office.receive(intake, scope: desk.officer, at: at(0), using: &rng)
            _ = try await office.record(ApplicationEvent(CivilDate(2024, 3, 20), .answered(.granted)), on: "2024-030",
                                        scope: desk.officer, at: at(0), expectedVersion: stored.version)
            let draft = try await office.draftLetter(reference: "2024-030", eventIndex: 1, scope: desk.officer, at: at(0))
            _ = try await office.issueLetter(draft.id, expectedVersion: draft.version, scope: desk.head, at: at(0))
            // 张三 (2024-017) gave no address: the receipt issued for him queues nothing.
            let receipt = try await office.draftLetter(reference: "2024-017", eventIndex: 0, scope: desk.officer, at: at(0))
            _ = try await office.issueLetter(receipt.id, expectedVersion: receipt.version, scope: desk.head, at: at(0))
            let messages = try await office.outbox(scope: desk.officer)
            #expect(messages.count == 1)
            try await body(desk, try #require(messages.first))
        }
    }

    @Test(arguments: OfficeBackend.available)
    func anIssuedLetterIsQueuedAndRetriedOnSchedule(_ backend: OfficeBackend) async throws {
        try await Self.withNotice(backend, "outbox_retry") { desk, message in
            let office = desk.office
            #expect(message.recipient == "wang@example.cn" && message.status == .pending && message.reference == "2024-030")
            #expect(message.subject == "【甲局】政府信息公开申请答复书（甲公开〔2024〕第1号）")
            #expect(message.body.contains("王五：") && message.body.contains("向某区人民政府申请行政复议") && message.body.contains("查询码"))
            let transport = ScriptedTransport(failures: 2)
            // | minute | due? | outcome                 |
            // | 0      | yes  | fails, retry at 1       |
            // | 0      | no   | —                       |
            // | 1      | yes  | fails, retry at 1+5 = 6 |
            // | 6      | yes  | sent                    |
            #expect(try await office.deliverOutbox(using: transport, at: Self.at(0)) == (0, 1))
            #expect(try await office.deliverOutbox(using: transport, at: Self.at(0)) == (0, 0))
            #expect(try await office.deliverOutbox(using: transport, at: Self.at(1)) == (0, 1))
            var now = try #require(try await office.outbox(scope: desk.officer).first)
            #expect(now.attempts == 2 && now.nextAttemptAt == Self.at(6).minuteNumber && now.lastError?.contains("SMTP") == true)
            #expect(try await office.deliverOutbox(using: transport, at: Self.at(6)) == (1, 0))
            now = try #require(try await office.outbox(scope: desk.officer).first)
            #expect(now.status == .sent && now.sentAt == Self.at(6).minuteNumber && now.sentBy == nil)
            #expect(transport.sent == ["wang@example.cn 【甲局】政府信息公开申请答复书（甲公开〔2024〕第1号）"])
        }
    }

    @Test(arguments: OfficeBackend.available)
    func afterTheLastAttemptItWaitsForStaffWhoMarkItSent(_ backend: OfficeBackend) async throws {
        try await Self.withNotice(backend, "outbox_fail") { desk, message in
            let office = desk.office
            let transport = ScriptedTransport(failures: 99)
            var minute = 0
            for wait in OutboxPolicy.retryMinutes + [0] {
                #expect(try await office.deliverOutbox(using: transport, at: Self.at(minute)) == (0, 1))
                minute += wait
            }
            var now = try #require(try await office.outbox(scope: desk.officer).first)
            #expect(now.status == .failed && now.attempts == 5)
            #expect(try await office.deliverOutbox(using: transport, at: Self.at(10_000)) == (0, 0), "given up")
            // A viewer neither lists nor marks; the registrar marks it sent by hand, once.
            await #expect(throws: CaseError.self) { try await office.outbox(scope: try await desk.scope("viewer")) }
            try await office.markSentByHand(message.id, scope: try await desk.scope("registrar"), at: Self.at(10_001))
            now = try #require(try await office.outbox(scope: desk.officer).first)
            #expect(now.status == .sent && now.sentBy == "registrar")
            await #expect(throws: StoreError.self) {
                try await office.markSentByHand(message.id, scope: desk.officer, at: Self.at(10_002))
            }
            #expect(Office.masked("wang@example.cn") == "w***@example.cn")
        }
    }

    /// However many messages have been sent since, one still waiting stays on the list; the sent ones are the latest.
    @Test(arguments: OfficeBackend.available)
    func anOldMessageNotYetSentIsNeverCrowdedOut(_ backend: OfficeBackend) async throws {
        try await Self.withNotice(backend, "outbox_old") { desk, waiting in
            let outbox = OutboxRepository(database: desk.office.database, scope: desk.officer)
            for i in 1...5 {
                let m = try await outbox.enqueue(reference: "2024-00\(i)", recipient: "a\(i)@example.cn", subject: "第\(i)件", body: "", at: i)
                _ = try await outbox.markSentByHand(m.id, at: 100 + i)
            }
            let listed = try await outbox.messages(sentLimit: 3)
            #expect(listed.map(\.subject) == ["第5件", "第4件", "第3件", waiting.subject])
            #expect(listed.last?.status == .pending && listed.dropLast().allSatisfy { $0.status == .sent })
        }
    }
}

/// The notice is queued in the issue's transaction: when what follows the numbering fails, neither the number nor a
/// message is stored.
@Suite struct IssueTransactionTests {
    struct Refused: Error {}

    @Test(arguments: OfficeBackend.available)
    func aFailedIssueLeavesNoNumberAndNoNotice(_ backend: OfficeBackend) async throws {
        try await LetterWorkflowTests.withDesk(backend, "issue_tx") { desk in
            let office = desk.office
            let draft = try await office.draftLetter(reference: "2024-017", eventIndex: 0, scope: desk.officer, at: OutboxTests.at(0))
            let letters = LetterRepository(database: office.database, scope: desk.officer)
            await #expect(throws: Refused.self) {
                try await letters.issue(draft.id, prefix: "甲公开", expectedVersion: draft.version, at: OutboxTests.at(1)) { issued, outbox in
                    try await outbox.enqueue(reference: issued.reference, recipient: "a@example.cn", subject: "s", body: "b", at: 0)
                    throw Refused()
                }
            }
            let after = try await office.letter(draft.id, scope: desk.officer)
            #expect(!after.isIssued && after.letter.number == nil && after.version == draft.version)
            #expect(try await OutboxRepository(database: office.database, scope: desk.officer).messages().isEmpty)
        }
    }
}
