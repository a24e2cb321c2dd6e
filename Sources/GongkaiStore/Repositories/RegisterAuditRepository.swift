import FluentKit
import GongkaiCore
import SQLKit

/// 台账变更记录 — one change to a register: who, when, which register, what was done, the rows before and after.
public struct RegisterChange: Hashable, Sendable {
    public var username: String
    public var at: Moment?
    public var register: String
    public var action: String
    public var rowsBefore: Int
    public var rowsAfter: Int
}

/// Row of `register_audit`.
final class RegisterAuditRecord: Model, @unchecked Sendable {
    static let schema = "register_audit"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "agency_id") var agencyID: Int
    @Field(key: "username") var username: String
    @Field(key: "at") var at: String
    @Field(key: "register") var register: String
    @Field(key: "action") var action: String
    @Field(key: "rows_before") var rowsBefore: Int
    @Field(key: "rows_after") var rowsAfter: Int

    init() {}
}

/// The audit log of the scope's agency's registers (append-only), and their row counts.
public struct RegisterAuditRepository: Sendable {
    let database: any Database
    public let scope: AgencyScope

    public init(database: any Database, scope: AgencyScope) {
        self.database = database
        self.scope = scope
    }

    /// Appends a change made by the scope's user at `moment`.
    public func record(register: String, action: String, rowsBefore: Int, rowsAfter: Int, at moment: Moment) async throws {
        let r = RegisterAuditRecord()
        (r.agencyID, r.username, r.at, r.register, r.action) = (scope.agencyID, scope.actor, moment.description, register, action)
        (r.rowsBefore, r.rowsAfter) = (rowsBefore, rowsAfter)
        try await r.create(on: database)
    }

    /// The agency's changes, newest first (at most `limit`).
    public func changes(limit: Int = 200) async throws -> [RegisterChange] {
        try await RegisterAuditRecord.query(on: database).filter(\.$agencyID == scope.agencyID).sort(\.$id, .descending)
            .limit(limit).all().map {
                RegisterChange(username: $0.username, at: Moment(parsing: $0.at), register: $0.register, action: $0.action,
                               rowsBefore: $0.rowsBefore, rowsAfter: $0.rowsAfter)
            }
    }

    /// How many rows of `spec`'s table belong to the agency.
    public func rowCount(_ spec: RegisterSpec) async throws -> Int {
        let sql = database as! any SQLDatabase
        let row = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: spec.table) WHERE agency_id = \(bind: scope.agencyID)").first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }
}
