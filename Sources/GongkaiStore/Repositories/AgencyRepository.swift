import Foundation
import FluentKit
import GongkaiCore

/// Agencies, roles and users.
public struct AgencyRepository: Sendable {
    let database: any Database

    public init(database: any Database) { self.database = database }
    public init(store: Store) { database = store.database }

    /// Registers a new agency and returns it with its id. Name and code are trimmed and must not be empty; the
    /// code must not be in use. Nothing is written when a check fails.
    public func create(_ agency: Agency) async throws -> Agency {
        var agency = agency
        agency.name = agency.name.trimmingCharacters(in: .whitespacesAndNewlines)
        agency.code = agency.code.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !agency.name.isEmpty else { throw StoreError.invalidValue(field: "name", value: "", reason: "机关名称不能为空") }
        guard !agency.code.isEmpty else { throw StoreError.invalidValue(field: "code", value: "", reason: "机关代码不能为空") }
        if let other = try await find(code: agency.code) {
            throw StoreError.invalidValue(
                field: "code", value: agency.code, reason: "已被「\(other.name)」（编号 \(other.id ?? 0)）使用")
        }
        let record = AgencyRecord(agency)
        try await record.create(on: database)
        return record.value()
    }

    /// Sets the agency's receipt rule (its 指南's rule, or Art. 31); cases already received keep theirs.
    @discardableResult
    public func setReceiptRule(_ rule: ReceiptRule, agencyID: Int) async throws -> Agency {
        try await update(agencyID) { $0.receiptRule = rule.storeText }
    }

    /// Sets how the agency confirms applications made online (Art. 31); submissions already waiting stay in the
    /// 待确认 queue until confirmed.
    @discardableResult
    public func setOnlineConfirmation(_ confirmation: OnlineConfirmation, agencyID: Int) async throws -> Agency {
        try await update(agencyID) { $0.onlineConfirmation = confirmation.rawValue }
    }

    /// Sets the agency's letter prefix (nil: the default), its way of confirming online applications and its
    /// receipt rule, together.
    @discardableResult
    public func updateSettings(
        agencyID: Int, letterPrefix: String?, onlineConfirmation: OnlineConfirmation, receiptRule: ReceiptRule
    ) async throws -> Agency {
        try await update(agencyID) {
            ($0.letterPrefix, $0.onlineConfirmation, $0.receiptRule) = (letterPrefix, onlineConfirmation.rawValue, receiptRule.storeText)
        }
    }

    private func update(_ agencyID: Int, _ change: (AgencyRecord) -> Void) async throws -> Agency {
        guard let record = try await AgencyRecord.find(agencyID, on: database) else {
            throw StoreError.agencyNotFound(agencyID)
        }
        change(record)
        try await record.update(on: database)
        return record.value()
    }

    public func find(id: Int) async throws -> Agency {
        guard let record = try await AgencyRecord.find(id, on: database) else { throw StoreError.agencyNotFound(id) }
        return record.value()
    }

    public func find(code: String) async throws -> Agency? {
        try await AgencyRecord.query(on: database).filter(\.$code == code).first()?.value()
    }

    public func all() async throws -> [Agency] {
        try await AgencyRecord.query(on: database).sort(\.$id).all().map { $0.value() }
    }

    /// Creates the built-in roles that are missing; returns the names of all roles, sorted.
    @discardableResult
    public func ensureBuiltInRoles() async throws -> [String] {
        var names = Set(try await RoleRecord.query(on: database).all().map(\.name))
        for role in Role.builtIn where !names.contains(role.name) {
            try await RoleRecord(role).create(on: database)
            names.insert(role.name)
        }
        return names.sorted()
    }

    /// Adds a user to an existing agency with one of the roles (the built-in ones are created if missing).
    /// The username is trimmed, must not be empty and must be unused; nothing is written when a check fails.
    public func addUser(_ user: User) async throws -> User {
        var user = user
        user.username = user.username.trimmingCharacters(in: .whitespacesAndNewlines)
        user.displayName = user.displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try await find(id: user.agencyID)
        guard !user.username.isEmpty else {
            throw StoreError.invalidValue(field: "username", value: "", reason: "用户名不能为空")
        }
        let roles = try await ensureBuiltInRoles()
        guard roles.contains(user.role) else {
            throw StoreError.invalidValue(field: "role", value: user.role, reason: "没有这个角色；可用：\(roles.joined(separator: "、"))")
        }
        if try await UserRecord.query(on: database).filter(\.$username == user.username).first() != nil {
            throw StoreError.invalidValue(field: "username", value: user.username, reason: "用户名已存在")
        }
        let record = UserRecord(user)
        try await record.create(on: database)
        return record.value()
    }

    /// The users of one agency, by username.
    public func users(agencyID: Int) async throws -> [User] {
        try await UserRecord.query(on: database).filter(\.$agencyID == agencyID).sort(\.$username).all().map {
            $0.value()
        }
    }

    /// The scope in which `username` acts: the user must exist and belong to `agencyID`; personal data is visible
    /// when the user's role allows it.
    public func scope(agencyID: Int, username: String) async throws -> AgencyScope {
        let agency = try await find(id: agencyID)
        guard let user = try await UserRecord.query(on: database).filter(\.$username == username).first(),
            user.agencyID == agencyID
        else { throw StoreError.notFound("机关 \(agencyID) 的用户 \(username)") }
        let role = try await RoleRecord.query(on: database).filter(\.$name == user.role).first()
        return AgencyScope(
            agency: agency, username: username, mayViewPersonalData: role?.mayViewPersonalData ?? false, role: user.role)
    }

    /// The agency's own scope, with no user and no personal data: reports, imports, the demo.
    public func scope(agencyID: Int) async throws -> AgencyScope {
        AgencyScope(agency: try await find(id: agencyID), username: nil, mayViewPersonalData: false)
    }
}
