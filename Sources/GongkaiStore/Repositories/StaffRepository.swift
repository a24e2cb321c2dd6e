import FluentKit
import Foundation
import GongkaiCore

/// A user as signing in sees them: the user, their role, the scope they act in, and the state of their password.
public struct StaffAccount: Sendable, Hashable {
    public var user: User
    public var role: Role
    /// The user's agency, with the user as actor and what their role may see.
    public var scope: AgencyScope
    public var agency: Agency { scope.agency }
    /// bcrypt; nil until a password is set.
    public var passwordHash: String?
    public var failedSignIns: Int
    /// Minute number (`Moment.minuteNumber`) until which sign-in is refused.
    public var lockedUntil: Int?
}

/// A stored session: when it started and was last used, and whose it is.
public struct StaffSessionRow: Sendable, Hashable {
    public var id: Int
    public var createdAt: Int
    public var lastSeenAt: Int
    public var account: StaffAccount
}

/// Passwords, failed sign-ins and sessions of the staff. The rules (how many failures lock an account, how long a
/// session lasts) are the office's (`StaffSignIn` in GongkaiOffice); this only stores what it decides.
public struct StaffRepository: Sendable {
    let database: any Database

    public init(database: any Database) { self.database = database }

    /// The account of `username`, or nil when there is none.
    public func account(username: String) async throws -> StaffAccount? {
        guard let user = try await UserRecord.query(on: database).filter(\.$username == username).first() else {
            return nil
        }
        return try await account(user)
    }

    /// The accounts of one agency, by username.
    public func accounts(agencyID: Int) async throws -> [StaffAccount] {
        var accounts: [StaffAccount] = []
        for user in try await UserRecord.query(on: database).filter(\.$agencyID == agencyID).sort(\.$username).all() {
            accounts.append(try await account(user))
        }
        return accounts
    }

    func account(_ user: UserRecord) async throws -> StaffAccount {
        let role = try await RoleRecord.query(on: database).filter(\.$name == user.role).first()?.value()
            ?? Role(name: user.role, mayViewPersonalData: false)
        let agency = try await AgencyRepository(database: database).find(id: user.agencyID)
        let scope = AgencyScope(
            agency: agency, username: user.username, mayViewPersonalData: role.mayViewPersonalData, role: role.name)
        return StaffAccount(
            user: user.value(), role: role, scope: scope, passwordHash: user.passwordHash,
            failedSignIns: user.failedSignIns, lockedUntil: user.lockedUntil)
    }

    /// Records a failed sign-in: the new count of failures and, when it locks the account, until when.
    public func recordFailedSignIn(userID: Int, failures: Int, lockedUntil: Int?) async throws {
        try await UserRecord.query(on: database).filter(\.$id == userID)
            .set(\.$failedSignIns, to: failures).set(\.$lockedUntil, to: lockedUntil).update()
    }

    /// Records a sign-in: the failures are forgotten and a session with the token's digest starts at `minute`.
    public func startSession(userID: Int, tokenDigest: String, at minute: Int) async throws {
        try await database.transaction { db in
            try await UserRecord.query(on: db).filter(\.$id == userID)
                .set(\.$failedSignIns, to: 0).set(\.$lockedUntil, to: nil).update()
            try await StaffSessionRecord(tokenDigest: tokenDigest, userID: userID, at: minute).create(on: db)
        }
    }

    /// The session whose token has this digest, or nil.
    public func session(tokenDigest: String) async throws -> StaffSessionRow? {
        guard let s = try await StaffSessionRecord.query(on: database).filter(\.$tokenDigest == tokenDigest).first(),
            let user = try await UserRecord.find(s.userID, on: database)
        else { return nil }
        return StaffSessionRow(id: s.id!, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, account: try await account(user))
    }

    /// Marks the session used at `minute`.
    public func touchSession(id: Int, at minute: Int) async throws {
        try await StaffSessionRecord.query(on: database).filter(\.$id == id).set(\.$lastSeenAt, to: minute).update()
    }

    /// Ends the session whose token has this digest (nothing happens when there is none).
    public func endSession(tokenDigest: String) async throws {
        try await StaffSessionRecord.query(on: database).filter(\.$tokenDigest == tokenDigest).delete()
    }

    /// Sets the password hash of `userID`, unlocks the account and ends every session of the user but the one
    /// whose token has `keeping` as its digest.
    public func setPasswordHash(_ hash: String, userID: Int, keeping: String? = nil) async throws {
        try await database.transaction { db in
            try await UserRecord.query(on: db).filter(\.$id == userID)
                .set(\.$passwordHash, to: hash).set(\.$failedSignIns, to: 0).set(\.$lockedUntil, to: nil).update()
            var others = StaffSessionRecord.query(on: db).filter(\.$userID == userID)
            if let keeping { others = others.filter(\.$tokenDigest != keeping) }
            try await others.delete()
        }
    }

    /// Whether any agency is stored (a server with none opens its first-run page).
    public func hasAgencies() async throws -> Bool {
        try await AgencyRecord.query(on: database).first() != nil
    }

    /// The first agency and its administrator (with a password hash), in one transaction, only while no agency is
    /// stored: two first-run forms sent at once create one agency, and the second is refused.
    public func createFirstAgency(_ agency: Agency, administrator: User, passwordHash: String) async throws
        -> (Agency, User)
    {
        try await database.transaction { db in
            guard try await AgencyRecord.query(on: db).first() == nil else { throw StoreError.alreadySetUp }
            let created = try await AgencyRepository(database: db).create(agency)
            var admin = administrator
            admin.agencyID = created.id!
            admin.role = "admin"
            let user = try await AgencyRepository(database: db).addUser(admin)
            try await UserRecord.query(on: db).filter(\.$id == user.id!).set(\.$passwordHash, to: passwordHash).update()
            return (created, user)
        }
    }
}
