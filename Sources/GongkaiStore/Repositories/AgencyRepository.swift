import FluentKit
import GongkaiCore

/// Agencies, roles and users.
public struct AgencyRepository: Sendable {
    let database: any Database

    public init(database: any Database) { self.database = database }
    public init(store: Store) { database = store.database }

    /// Registers a new agency and returns it with its id.
    public func create(_ agency: Agency) async throws -> Agency {
        let record = AgencyRecord(agency)
        try await record.create(on: database)
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

    /// Creates the built-in roles that are missing.
    public func ensureBuiltInRoles() async throws {
        let existing = Set(try await RoleRecord.query(on: database).all().map(\.name))
        for role in Role.builtIn where !existing.contains(role.name) {
            try await RoleRecord(role).create(on: database)
        }
    }

    public func addUser(_ user: User) async throws -> User {
        let record = UserRecord(user)
        try await record.create(on: database)
        return record.value()
    }

    /// Whether `username` may see 身份证号码 and 联系电话 of `agencyID`'s applicants.
    public func mayViewPersonalData(username: String, agencyID: Int) async throws -> Bool {
        guard let user = try await UserRecord.query(on: database).filter(\.$username == username).first(),
            user.agencyID == agencyID,
            let role = try await RoleRecord.query(on: database).filter(\.$name == user.role).first()
        else { return false }
        return role.mayViewPersonalData
    }
}
