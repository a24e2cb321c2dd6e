import FluentKit

/// A row of `staff_sessions`: one signed-in session, found by the digest of its token (the token itself is only
/// ever in the user's cookie).
final class StaffSessionRecord: Model, @unchecked Sendable {
    static let schema = "staff_sessions"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "token_digest") var tokenDigest: String
    @Field(key: "user_id") var userID: Int
    @Field(key: "created_at") var createdAt: Int
    @Field(key: "last_seen_at") var lastSeenAt: Int

    init() {}

    init(tokenDigest: String, userID: Int, at minute: Int) {
        self.tokenDigest = tokenDigest
        self.userID = userID
        createdAt = minute
        lastSeenAt = minute
    }
}
