import FluentKit
import GongkaiCore

/// 通知 — one message to an applicant in the outbox.
public struct OutboxMessage: Hashable, Sendable, Identifiable {
    /// 待发送, 已发送, 发送失败 (after the last attempt; staff may still send it by hand).
    public enum Status: String, Hashable, Sendable {
        case pending, sent, failed

        public var label: String {
            switch self {
            case .pending: "待发送"
            case .sent: "已发送"
            case .failed: "发送失败"
            }
        }
    }

    public var id: Int
    public var agencyID: Int
    /// The application it is about (受理编号).
    public var reference: String
    /// The applicant's e-mail address (personal data: shown only to roles that may see it).
    public var recipient: String
    public var subject: String
    public var body: String
    public var status: Status
    public var attempts: Int
    public var lastError: String?
    /// Minute numbers (`Moment.minuteNumber`).
    public var createdAt: Int
    public var nextAttemptAt: Int
    public var sentAt: Int?
    /// Who marked it sent by hand; nil when the transport sent it.
    public var sentBy: String?
}

/// Row of `outbox`.
final class OutboxRecord: Model, @unchecked Sendable {
    static let schema = "outbox"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "application_reference") var reference: String
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Int
    @OptionalField(key: "sent_at") var sentAt: Int?
    @OptionalField(key: "sent_by") var sentBy: String?

    init() {}

    func value() -> OutboxMessage {
        OutboxMessage(
            id: id ?? 0, agencyID: agencyID, reference: reference, recipient: recipient, subject: subject, body: body,
            status: OutboxMessage.Status(rawValue: status) ?? .pending, attempts: attempts, lastError: lastError,
            createdAt: createdAt, nextAttemptAt: nextAttemptAt, sentAt: sentAt, sentBy: sentBy)
    }
}

/// The outbox of one agency (the scope's): queue a message, list them, mark one sent by hand.
public struct OutboxRepository: Sendable {
    let database: any Database
    public let scope: AgencyScope

    public init(database: any Database, scope: AgencyScope) {
        self.database = database
        self.scope = scope
    }

    /// Queues a message to `recipient` about case `reference`, to be sent from minute `now`.
    @discardableResult
    public func enqueue(reference: String, recipient: String, subject: String, body: String, at now: Int) async throws
        -> OutboxMessage
    {
        let r = OutboxRecord()
        (r.agencyID, r.reference, r.recipient, r.subject, r.body) = (scope.agencyID, reference, recipient, subject, body)
        (r.status, r.attempts, r.createdAt, r.nextAttemptAt) = (OutboxMessage.Status.pending.rawValue, 0, now, now)
        try await r.create(on: database)
        return r.value()
    }

    /// The agency's messages, newest first: every one not yet sent (pending or failed — none may drop out of sight
    /// however old), and the latest `sentLimit` sent.
    public func messages(sentLimit: Int = 200) async throws -> [OutboxMessage] {
        let sent = OutboxMessage.Status.sent.rawValue
        let unsent = try await OutboxRecord.query(on: database).filter(\.$agencyID == scope.agencyID).filter(\.$status != sent)
            .sort(\.$id, .descending).all()
        let done = try await OutboxRecord.query(on: database).filter(\.$agencyID == scope.agencyID).filter(\.$status == sent)
            .sort(\.$id, .descending).limit(sentLimit).all()
        return (unsent + done).sorted { ($0.id ?? 0) > ($1.id ?? 0) }.map { $0.value() }
    }

    /// Marks message `id` sent by the scope's user at minute `now`; false when it is not the agency's or was sent.
    public func markSentByHand(_ id: Int, at now: Int) async throws -> Bool {
        guard let r = try await OutboxRecord.query(on: database).filter(\.$agencyID == scope.agencyID).filter(\.$id == id)
            .first(), r.status != OutboxMessage.Status.sent.rawValue
        else { return false }
        (r.status, r.sentAt, r.sentBy) = (OutboxMessage.Status.sent.rawValue, now, scope.actor)
        try await r.update(on: database)
        return true
    }
}

/// Sending from every agency's outbox (the server's delivery, which serves all agencies): the messages due, and
/// the outcome of each attempt.
public struct OutboxDelivery: Sendable {
    let database: any Database

    public init(database: any Database) { self.database = database }

    /// Pending messages whose next attempt is due at minute `now`, oldest first.
    public func due(at now: Int, limit: Int = 50) async throws -> [OutboxMessage] {
        try await OutboxRecord.query(on: database).filter(\.$status == OutboxMessage.Status.pending.rawValue)
            .filter(\.$nextAttemptAt <= now).sort(\.$id).limit(limit).all().map { $0.value() }
    }

    /// Records an attempt on message `id`: sent, or failed with `error` — retried at `retryAt`, or given up when nil.
    public func record(_ id: Int, at now: Int, error: String?, retryAt: Int?) async throws {
        guard let r = try await OutboxRecord.find(id, on: database) else { return }
        r.attempts += 1
        if let error {
            (r.lastError, r.status) = (error, retryAt == nil ? OutboxMessage.Status.failed.rawValue : r.status)
            r.nextAttemptAt = retryAt ?? r.nextAttemptAt
        } else {
            (r.status, r.sentAt) = (OutboxMessage.Status.sent.rawValue, now)
        }
        try await r.update(on: database)
    }
}
