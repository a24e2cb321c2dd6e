import Foundation
import GongkaiCore
import GongkaiStore

/// 台账 — one of the agency's proactive registers as the back office lists it: its name and title, and its rows.
public struct RegisterOverview: Sendable, Hashable {
    public var name: String
    public var title: String
    public var rows: Int
}

extension Office {
    /// The registers kept in the browser: the agency's proactive registers and appeals (applications are kept as
    /// cases, through their own workflows; the holidays belong to no agency).
    static var browserRegisters: [RegisterSpec] {
        RegisterCatalog.all.filter { $0.isAgencyScoped && $0.name != "applications" }
    }

    /// The agency's registers with their row counts (any member of staff of the agency).
    public func registers(scope: AgencyScope) async throws -> [RegisterOverview] {
        let audit = RegisterAuditRepository(database: database, scope: scope)
        var out: [RegisterOverview] = []
        for spec in Self.browserRegisters {
            out.append(RegisterOverview(name: spec.name, title: spec.title, rows: try await audit.rowCount(spec)))
        }
        return out
    }

    /// The register `name` of the agency as CSV, in the import format (no personal data).
    public func registerCSV(_ name: String, scope: AgencyScope) async throws -> String {
        let spec = try Self.browserRegister(name)
        var text = ""
        try await RegisterExporter(database: database).export(spec, scope: scope, format: .csv) { text += $0 }
        return text
    }

    /// The register `name`'s template CSV: its header and one example row.
    public func registerTemplate(_ name: String) throws -> String { try Self.browserRegister(name).templateCSV }

    /// 导入台账 from a CSV file, as `gongkai import` does: every row checked, every problem named by file, line and
    /// column, and nothing stored when any row is wrong; rows already stored as they are left alone. Each import
    /// that stores rows is written to the audit log with who, when, the file and the row counts before and after.
    /// Those who handle cases (管理员, 承办人, 负责人) import.
    public func importRegister(
        _ name: String, csv: Data, fileName: String, scope: AgencyScope, at moment: Moment, limits: InputLimits = .standard
    ) async throws -> ImportSummary {
        guard CasePermissions.mayHandle(role: scope.role) else {
            throw CaseError.notPermitted(user: scope.actor, action: "导入台账")
        }
        let spec = try Self.browserRegister(name)
        let audit = RegisterAuditRepository(database: database, scope: scope)
        let before = try await audit.rowCount(spec)
        var random = SystemRandomNumberGenerator()
        let summary = try await RegisterImporter(database: database).importCSV(
            csv, fileName: fileName, register: spec, scope: scope, skipInvalid: false, random: &random, limits: limits)
        if summary.issues.isEmpty, summary.imported > 0 {
            try await audit.record(
                register: spec.name, action: "导入 \(fileName)：新增 \(summary.imported) 行", rowsBefore: before,
                rowsAfter: try await audit.rowCount(spec), at: moment)
        }
        return summary
    }

    /// 台账变更记录 of the agency, newest first.
    public func registerChanges(scope: AgencyScope) async throws -> [RegisterChange] {
        try await RegisterAuditRepository(database: database, scope: scope).changes()
    }

    static func browserRegister(_ name: String) throws -> RegisterSpec {
        guard let spec = browserRegisters.first(where: { $0.name == name }) else { throw StoreError.unknownRegister(name) }
        return spec
    }
}
