import GongkaiCore
import GongkaiStore

/// Sends one message (e-mail through SMTP, or another channel); throws with a reason the outbox shows.
public protocol MessageTransport: Sendable {
    func send(to recipient: String, subject: String, body: String) async throws
}

/// 通知的重试 — after the first four failed attempts a message is tried again 1, 5, 15 and 60 minutes later; after
/// the fifth it is marked 发送失败 and stays listed for staff to send by hand.
public enum OutboxPolicy {
    /// The wait after each failed attempt but the last.
    public static let retryMinutes = [1, 5, 15, 60]
    /// Attempts before giving up.
    public static var attempts: Int { retryMinutes.count + 1 }

    /// When to try again after a failure at minute `now` of a message already tried `tried` times (this failure not
    /// counted); nil: give up.
    public static func retry(after tried: Int, at now: Int) -> Int? {
        retryMinutes.indices.contains(tried) ? now + retryMinutes[tried] : nil
    }
}

extension Office {
    /// Queues the notice of an issued letter addressed to the applicant, when the applicant gave an e-mail address:
    /// the letter's text, its number, and how to follow the case with the tracking code.
    /// The notice of a letter about to be issued, queued by `queue` on the outbox it is given (the issue's
    /// transaction): nothing for a letter not to the applicant or an applicant without an e-mail address. The address
    /// is read before the transaction; the number is the one the issue gives.
    func letterNotice(reference: String, scope: AgencyScope, at moment: Moment) async throws
        -> @Sendable (StoredLetter, OutboxRepository) async throws -> Void
    {
        let address = try await cases(scope).noticeAddress(reference)
        let agency = scope.agency.name
        return { issued, outbox in
            let letter = issued.letter
            guard letter.kind.isToApplicant, let email = address.email, !email.isEmpty else { return }
            let number = letter.number.map { "（\($0)）" } ?? ""
            var body = "\(letter.addressee)：\n\n\(agency)已向您发出《\(letter.kind.title)》\(number)，全文如下：\n\n\(letter.plainText)\n"
            if let code = address.trackingCode.flatMap({ try? TrackingCode($0) }) {
                body += "\n您可以凭查询码 \(code) 在本机关政府信息公开专栏的“申请查询”中查看办理进度，并凭申请时填写的联系电话查看和下载文书。\n"
            }
            try await outbox.enqueue(
                reference: issued.reference, recipient: email, subject: "【\(agency)】\(letter.kind.title)\(number)", body: body,
                at: moment.minuteNumber)
        }
    }

    /// 通知 of the scope's agency, newest first — for those who register and handle cases; the recipient's address
    /// masked for a role that may not see personal data.
    public func outbox(scope: AgencyScope) async throws -> [OutboxMessage] {
        guard CasePermissions.mayReceive(role: scope.role) else {
            throw CaseError.notPermitted(user: scope.actor, action: "查看通知")
        }
        return try await OutboxRepository(database: database, scope: scope).messages().map { m in
            var m = m
            if !scope.mayViewPersonalData { m.recipient = Self.masked(m.recipient) }
            return m
        }
    }

    /// 已人工发送 — a member of staff sent message `id` themselves (no transport configured, or it failed).
    public func markSentByHand(_ id: Int, scope: AgencyScope, at moment: Moment) async throws {
        guard CasePermissions.mayReceive(role: scope.role) else {
            throw CaseError.notPermitted(user: scope.actor, action: "标记通知已发送")
        }
        guard try await OutboxRepository(database: database, scope: scope).markSentByHand(id, at: moment.minuteNumber) else {
            throw StoreError.notFound("待发送的通知 \(id)")
        }
    }

    /// Sends the messages due at `moment` through `transport`, each once: sent, or retried later by
    /// `OutboxPolicy`, or given up after its last attempt. Never throws for a message that fails to send.
    @discardableResult
    public func deliverOutbox(using transport: any MessageTransport, at moment: Moment) async throws -> (sent: Int, failed: Int) {
        let delivery = OutboxDelivery(database: database)
        let now = moment.minuteNumber
        var (sent, failed) = (0, 0)
        for message in try await delivery.due(at: now) {
            do {
                try await transport.send(to: message.recipient, subject: message.subject, body: message.body)
                try await delivery.record(message.id, at: now, error: nil, retryAt: nil)
                sent += 1
            } catch {
                try await delivery.record(
                    message.id, at: now, error: "\(error)", retryAt: OutboxPolicy.retry(after: message.attempts, at: now))
                failed += 1
            }
        }
        return (sent, failed)
    }

    /// `zhang@example.cn` → `z***@example.cn`.
    static func masked(_ email: String) -> String {
        guard let at = email.firstIndex(of: "@"), at > email.startIndex else { return "***" }
        return String(email[email.startIndex]) + "***" + email[at...]
    }
}
