import FluentKit
import GongkaiCore

/// Row of `agencies`.
final class AgencyRecord: Model, @unchecked Sendable {
    static let schema = "agencies"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "code") var code: String
    @Field(key: "level") var level: String
    @Field(key: "region") var region: String
    @Field(key: "receipt_rule") var receiptRule: String
    @OptionalField(key: "letter_prefix") var letterPrefix: String?
    @Field(key: "online_confirmation") var onlineConfirmation: String

    init() {}

    init(_ agency: Agency) {
        id = agency.id
        name = agency.name
        code = agency.code
        level = agency.level.rawValue
        region = agency.region.rawValue
        receiptRule = agency.receiptRule.storeText
        letterPrefix = agency.letterPrefix
        onlineConfirmation = agency.onlineConfirmation.rawValue
    }

    func value() -> Agency {
        Agency(
            id: id, name: name, code: code, level: AgencyLevel(rawValue: level) ?? .county,
            region: RegionalVariant(rawValue: region) ?? .national,
            receiptRule: ReceiptRule(storeText: receiptRule) ?? .article31, letterPrefix: letterPrefix,
            onlineConfirmation: OnlineConfirmation(rawValue: onlineConfirmation) ?? .automatic)
    }
}

/// Row of `roles`.
final class RoleRecord: Model, @unchecked Sendable {
    static let schema = "roles"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "may_view_personal_data") var mayViewPersonalData: Bool

    init() {}

    init(_ role: Role) {
        name = role.name
        mayViewPersonalData = role.mayViewPersonalData
    }

    func value() -> Role { Role(name: name, mayViewPersonalData: mayViewPersonalData) }
}

/// Row of `users`.
final class UserRecord: Model, @unchecked Sendable {
    static let schema = "users"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "role") var role: String
    /// bcrypt; nil until a password is set (no sign-in without one).
    @OptionalField(key: "password_hash") var passwordHash: String?
    @Field(key: "failed_sign_ins") var failedSignIns: Int
    /// Minute number until which sign-in is refused.
    @OptionalField(key: "locked_until") var lockedUntil: Int?

    init() {}

    init(_ user: User) {
        id = user.id
        agencyID = user.agencyID
        username = user.username
        displayName = user.displayName
        role = user.role
        failedSignIns = 0
    }

    func value() -> User {
        User(id: id, agencyID: agencyID, username: username, displayName: displayName, role: role)
    }
}
