import GongkaiCore
import GongkaiStore

/// 台账逐行 — a register's rows as a page of the browser shows them, and whether they may be changed there.
public struct RegisterRowsPage: Sendable, Hashable {
    public var name: String
    public var title: String
    /// The columns' CSV headers (the form's field names) and Chinese names, in the order of each row's values.
    public var headers: [String]
    public var labels: [String]
    public var rows: [RegisterRow]
    /// The id to continue after, when there are more rows.
    public var next: Int?
    /// Whether the member may change a row of this register here.
    public var mayEdit: Bool
}

extension Office {
    /// The registers whose rows are changed one by one in the browser: the proactive registers that have no workflow
    /// of their own (a 规范性文件's validity is changed on its page with its basis; 目录 items go through 保密审查;
    /// appeals through their case).
    static let rowEditableRegisters: Set<String> = ["administrative-items", "administrative-decisions", "procurement-projects", "fee-collections"]

    /// Up to 50 rows of register `name` after id `after`, only those containing `words` when given (any member of
    /// the agency).
    public func registerRows(_ name: String, after: Int = 0, containing words: String = "", scope: AgencyScope) async throws -> RegisterRowsPage {
        let spec = try Self.browserRegister(name)
        let limit = 50
        let rows = try await RegisterRowEditor(database: database, scope: scope).rows(spec, after: after, limit: limit + 1, containing: words)
        return RegisterRowsPage(
            name: spec.name, title: spec.title, headers: spec.headers, labels: spec.labels, rows: Array(rows.prefix(limit)),
            next: rows.count > limit ? rows[limit - 1].id : nil, mayEdit: mayEditRows(spec, scope))
    }

    /// Row `id` of register `name`, with its register's page (its one row).
    public func registerRow(_ name: String, id: Int, scope: AgencyScope) async throws -> RegisterRowsPage {
        let spec = try Self.browserRegister(name)
        guard let row = try await RegisterRowEditor(database: database, scope: scope).row(spec, id: id) else {
            throw StoreError.notFound("\(spec.title)第 \(id) 行")
        }
        return RegisterRowsPage(
            name: spec.name, title: spec.title, headers: spec.headers, labels: spec.labels, rows: [row], next: nil, mayEdit: mayEditRows(spec, scope))
    }

    /// 修改台账的一行 — by those who import (管理员, 承办人, 负责人): `typed` by column header, checked as an import
    /// checks it, refused if the row changed since it was read (`expected`), logged with the values before and after.
    /// Every bad field comes back named (`IntakeProblems`, keyed by the column's header).
    @discardableResult
    public func editRegisterRow(
        _ name: String, id: Int, typed: [String: String], expected: [String], scope: AgencyScope, at moment: Moment
    ) async throws -> RegisterRow {
        let spec = try Self.browserRegister(name)
        guard mayEditRows(spec, scope) else { throw CaseError.notPermitted(user: scope.actor, action: "修改\(spec.title)") }
        do {
            return try await RegisterRowEditor(database: database, scope: scope).update(spec, id: id, typed: typed, expected: expected, at: moment).after
        } catch let e as RegisterEditError {
            switch e {
            case .invalid(let problems):
                throw IntakeProblems(problems: problems.map { IntakeError(field: $0.label, reason: $0.reason, key: $0.header, form: spec.title) })
            case .noChange:
                throw IntakeProblems(problems: [IntakeError(field: spec.title, reason: e.description, key: nil, form: spec.title)])
            }
        }
    }

    private func mayEditRows(_ spec: RegisterSpec, _ scope: AgencyScope) -> Bool {
        Self.rowEditableRegisters.contains(spec.name) && CasePermissions.mayHandle(role: scope.role)
    }
}
