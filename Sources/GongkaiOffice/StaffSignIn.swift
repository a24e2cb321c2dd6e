import FluentKit
import GongkaiCore
import GongkaiStore

/// Turns passwords into hashes and checks them, and makes session tokens and their digests. The web layer's
/// implementation uses bcrypt and the system's random generator; it is passed in, so the office itself reads no
/// randomness and tests can count what it is asked.
public protocol StaffSecrets: Sendable {
    func hashPassword(_ password: String) throws -> String
    func verifyPassword(_ password: String, hash: String) throws -> Bool
    /// A new, unguessable session token (it goes to the user's cookie and nowhere else).
    func newSessionToken() -> String
    /// What the store keeps of a token: a one-way digest, so a copy of the database opens no session.
    func digest(ofToken token: String) -> String
}

/// How sign-in is bounded: failures before a lock, the lock's length, and how long a session lasts.
public struct StaffSignInPolicy: Sendable, Hashable {
    public var failuresBeforeLock: Int
    public var lockMinutes: Int
    /// A session unused this long has ended.
    public var idleMinutes: Int
    /// A session ends this long after sign-in, however busy.
    public var sessionMinutes: Int

    public init(failuresBeforeLock: Int, lockMinutes: Int, idleMinutes: Int, sessionMinutes: Int) {
        self.failuresBeforeLock = failuresBeforeLock
        self.lockMinutes = lockMinutes
        self.idleMinutes = idleMinutes
        self.sessionMinutes = sessionMinutes
    }

    /// 5 failures lock the account for 15 minutes; sessions end after 2 idle hours or 12 hours in all.
    public static let standard = StaffSignInPolicy(failuresBeforeLock: 5, lockMinutes: 15, idleMinutes: 120, sessionMinutes: 720)
}

/// A signed-in member of staff: who, in which role, acting in which agency's scope.
public struct StaffMember: Sendable, Hashable {
    public var user: User
    public var role: Role
    public var scope: AgencyScope
    public var agency: Agency { scope.agency }
}

/// Why signing in or changing a password did not happen, in words for the person at the form.
public enum SignInError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Unknown user, wrong password or no password set: one answer for all three, so the form tells no one
    /// which usernames exist.
    case refused
    /// Too many failures: sign-in is refused until the moment given.
    case locked(until: Moment)
    /// The new password breaks the rules (`StaffPasswordRules`), each named.
    case weakPassword([String])
    /// A password change whose current password was wrong.
    case wrongCurrentPassword

    public var description: String {
        switch self {
        case .refused: return "用户名或密码不正确"
        case .locked(let until): return "连续登录失败次数过多，账户已锁定至 \(until)，请届时再试或请管理员重置密码"
        case .weakPassword(let problems): return "密码不符合要求：" + problems.joined(separator: "；")
        case .wrongCurrentPassword: return "当前密码不正确"
        }
    }
}

/// 口令规则 — what a staff password must be: 10 characters or more (at most 72 bytes, bcrypt's bound), at least two
/// of letters, digits and other characters, and not containing the username.
public enum StaffPasswordRules {
    public static let minimumLength = 10
    public static let maximumBytes = 72
    /// The rules in one line, for a form's hint.
    public static let summary = "至少 \(minimumLength) 个字符，含字母、数字、其他符号中的至少两种，不含用户名"

    /// The rules `password` breaks, in words; empty when it is acceptable.
    public static func problems(_ password: String, username: String) -> [String] {
        var problems: [String] = []
        if password.count < minimumLength { problems.append("至少 \(minimumLength) 个字符") }
        if password.utf8.count > maximumBytes { problems.append("不超过 \(maximumBytes) 个字节（约 24 个汉字）") }
        let kinds = [
            password.contains { $0.isLetter }, password.contains { $0.isNumber },
            password.contains { !$0.isLetter && !$0.isNumber },
        ].filter { $0 }.count
        if kinds < 2 { problems.append("须含字母、数字、其他符号中的至少两种") }
        let name = username.lowercased()
        if !name.isEmpty, password.lowercased().contains(name) { problems.append("不能包含用户名") }
        return problems
    }
}

/// Signing in and out, sessions and passwords: the rules of `StaffSignInPolicy` and `StaffPasswordRules` over
/// the store's accounts. Made by `Office.staff(_:)`.
public struct StaffSignIn: Sendable {
    let office: Office
    let secrets: any StaffSecrets
    public let policy: StaffSignInPolicy

    var repository: StaffRepository { StaffRepository(database: office.database) }

    /// Checks the password of `username` at `now`: a new session token and who signed in, or `SignInError`.
    /// Each failure is counted; the `failuresBeforeLock`-th locks the account for `lockMinutes`.
    public func signIn(username: String, password: String, at now: Moment) async throws -> (token: String, member: StaffMember) {
        let name = username.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let account = try await repository.account(username: name), let hash = account.passwordHash else {
            // Hash anyway, so an unknown name takes as long as a known one.
            _ = try? secrets.hashPassword(password)
            throw SignInError.refused
        }
        let minute = now.minuteNumber
        if let until = account.lockedUntil, until > minute { throw SignInError.locked(until: Moment(minuteNumber: until)) }
        guard try secrets.verifyPassword(password, hash: hash) else {
            let failures = (account.lockedUntil == nil ? account.failedSignIns : 0) + 1
            let locks = failures >= policy.failuresBeforeLock
            try await repository.recordFailedSignIn(
                userID: account.user.id!, failures: locks ? 0 : failures, lockedUntil: locks ? minute + policy.lockMinutes : nil)
            if locks { throw SignInError.locked(until: Moment(minuteNumber: minute + policy.lockMinutes)) }
            throw SignInError.refused
        }
        let token = secrets.newSessionToken()
        try await repository.startSession(userID: account.user.id!, tokenDigest: secrets.digest(ofToken: token), at: minute)
        return (token, Self.member(account))
    }

    /// Who holds the session `token` at `now`, or nil when there is none or it has ended (an ended session is
    /// removed). A live session is marked used.
    public func member(token: String, at now: Moment) async throws -> StaffMember? {
        try await liveAccount(token: token, at: now).map(Self.member)
    }

    /// The account holding the live session `token` at `now` (the session marked used), or nil.
    func liveAccount(token: String, at now: Moment) async throws -> StaffAccount? {
        let digest = secrets.digest(ofToken: token)
        guard let session = try await repository.session(tokenDigest: digest) else { return nil }
        let minute = now.minuteNumber
        guard minute - session.lastSeenAt < policy.idleMinutes, minute - session.createdAt < policy.sessionMinutes,
            session.account.passwordHash != nil
        else {
            try await repository.endSession(tokenDigest: digest)
            return nil
        }
        if minute != session.lastSeenAt { try await repository.touchSession(id: session.id, at: minute) }
        return session.account
    }

    /// Ends the session `token` (signing out).
    public func signOut(token: String) async throws {
        try await repository.endSession(tokenDigest: secrets.digest(ofToken: token))
    }

    /// Changes the signed-in member's password: the current one must be right and the new one follow the rules.
    /// Every other session of the user ends; the one holding `token` goes on.
    public func changePassword(token: String, current: String, new: String, at now: Moment) async throws {
        guard let account = try await liveAccount(token: token, at: now), let hash = account.passwordHash else {
            throw SignInError.refused
        }
        guard try secrets.verifyPassword(current, hash: hash) else { throw SignInError.wrongCurrentPassword }
        try await setPassword(new, account: account, keeping: secrets.digest(ofToken: token))
    }

    /// Sets the password of `username` (an administrator's reset, or `gongkai user add --password-stdin`),
    /// unlocking the account and ending its sessions.
    public func setPassword(_ password: String, username: String) async throws {
        guard let account = try await repository.account(username: username) else {
            throw StoreError.notFound("用户 \(username)")
        }
        try await setPassword(password, account: account, keeping: nil)
    }

    /// Adds `user` to their agency with a password (`gongkai user add --password-stdin`), in one transaction: a
    /// password that breaks the rules stores no user.
    public func addUser(_ user: User, password: String) async throws -> User {
        let hash = try checkedHash(password, username: user.username)
        return try await office.database.transaction { db in
            let added = try await AgencyRepository(database: db).addUser(user)
            try await StaffRepository(database: db).setPasswordHash(hash, userID: added.id!)
            return added
        }
    }

    func setPassword(_ password: String, account: StaffAccount, keeping: String?) async throws {
        let hash = try checkedHash(password, username: account.user.username)
        try await repository.setPasswordHash(hash, userID: account.user.id!, keeping: keeping)
    }

    /// The hash of `password`, or `SignInError.weakPassword` naming the rules it breaks.
    func checkedHash(_ password: String, username: String) throws -> String {
        let problems = StaffPasswordRules.problems(password, username: username)
        guard problems.isEmpty else { throw SignInError.weakPassword(problems) }
        return try secrets.hashPassword(password)
    }

    /// 首次设置 — on a database with no agency, creates the agency and its first administrator with a password,
    /// and signs the administrator in. Refused (`StoreError.alreadySetUp`) once any agency exists.
    public func setUp(agency: Agency, administrator: User, password: String, at now: Moment) async throws
        -> (token: String, member: StaffMember)
    {
        let hash = try checkedHash(password, username: administrator.username)
        let (_, admin) = try await repository.createFirstAgency(agency, administrator: administrator, passwordHash: hash)
        return try await signIn(username: admin.username, password: password, at: now)
    }

    /// Whether the first-run set-up is still to do (no agency stored).
    public func needsSetUp() async throws -> Bool { try await !repository.hasAgencies() }

    static func member(_ account: StaffAccount) -> StaffMember {
        StaffMember(user: account.user, role: account.role, scope: account.scope)
    }
}

extension Office {
    /// Signing in and out, sessions and passwords, with `secrets` to hash and make tokens.
    public func staff(_ secrets: any StaffSecrets, policy: StaffSignInPolicy = .standard) -> StaffSignIn {
        StaffSignIn(office: self, secrets: secrets, policy: policy)
    }
}
