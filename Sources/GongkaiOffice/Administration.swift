import GongkaiCore
import GongkaiStore

/// 管理员的工作 — the agency's users and settings, kept by an administrator of that agency only (管理员: users,
/// agency details, templates). Every workflow here checks the member's role and agency.
extension StaffSignIn {
    /// The accounts of the administrator's agency: who they are, their role, whether they can sign in, and until
    /// when a locked one is locked.
    public func accounts(by admin: StaffMember) async throws -> [StaffAccount] {
        try Self.requireAdministrator(admin, "查看本机关的用户")
        return try await repository.accounts(agencyID: admin.agency.id!)
    }

    /// Adds a user with `password` to the administrator's own agency (`addUser`'s checks: the username unused,
    /// a built-in role, the password rules).
    public func addUser(_ user: User, password: String, by admin: StaffMember) async throws -> User {
        try Self.requireAdministrator(admin, "添加用户")
        var user = user
        user.agencyID = admin.agency.id!
        return try await addUser(user, password: password)
    }

    /// Resets the password of `username`, a user of the administrator's own agency: the account is unlocked and
    /// its sessions end.
    public func resetPassword(_ password: String, username: String, by admin: StaffMember) async throws {
        try Self.requireAdministrator(admin, "重设密码")
        guard let account = try await repository.account(username: username), account.user.agencyID == admin.agency.id else {
            throw StoreError.notFound("本机关的用户 \(username)")
        }
        try await setPassword(password, account: account, keeping: nil)
    }

    static func requireAdministrator(_ member: StaffMember, _ action: String) throws {
        guard member.role.name == "admin" else { throw CaseError.notPermitted(user: member.user.username, action: action) }
    }
}

/// 机关设置 — what an administrator may change of the agency's details.
public struct AgencySettings: Sendable, Hashable {
    /// 机关代字 of letter numbers; empty: the default (the name followed by 公开).
    public var letterPrefix: String
    public var onlineConfirmation: OnlineConfirmation
    public var receiptRule: ReceiptRule

    public init(letterPrefix: String, onlineConfirmation: OnlineConfirmation, receiptRule: ReceiptRule) {
        self.letterPrefix = letterPrefix
        self.onlineConfirmation = onlineConfirmation
        self.receiptRule = receiptRule
    }

    public init(_ agency: Agency) {
        self.init(letterPrefix: agency.letterPrefix ?? "", onlineConfirmation: agency.onlineConfirmation, receiptRule: agency.receiptRule)
    }
}

extension Office {
    /// Sets how agency `agencyID` confirms applications made online (Art. 31) — the CLI's own process
    /// (`gongkai agency online-confirmation`); submissions already waiting stay in 待确认.
    public func setOnlineConfirmation(_ confirmation: OnlineConfirmation, agencyID: Int) async throws -> Agency {
        try await AgencyRepository(database: database).setOnlineConfirmation(confirmation, agencyID: agencyID)
    }

    /// Changes the settings of the member's agency (administrators only). Letters already issued keep their
    /// numbers, cases already received keep their receipt rule, submissions already waiting stay in 待确认.
    public func updateSettings(_ settings: AgencySettings, by admin: StaffMember) async throws -> Agency {
        try StaffSignIn.requireAdministrator(admin, "修改机关设置")
        let prefix = settings.letterPrefix.trimmingCharacters(in: .whitespacesAndNewlines)
        guard prefix.count <= 20, !prefix.contains(where: { "〔〕[]".contains($0) }) else {
            throw IntakeError(field: "机关代字", reason: "不超过20个字，不含〔〕（编号中的年份由系统加上）", key: "letterPrefix")
        }
        return try await AgencyRepository(database: database).updateSettings(
            agencyID: admin.agency.id!, letterPrefix: prefix.isEmpty ? nil : prefix,
            onlineConfirmation: settings.onlineConfirmation, receiptRule: settings.receiptRule)
    }
}
