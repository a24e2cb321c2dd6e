import FluentKit
import GongkaiCore
import SQLKit

/// One row of a register as the browser shows and edits it: its id and its fields in the CSV's form, by the
/// register's columns (`RegisterSpec.headers`, labelled by `RegisterSpec.labels`).
public struct RegisterRow: Sendable, Hashable {
    public var id: Int
    public var values: [String]
}

/// Why a change to a register row is refused: each field with its reason, or no change at all. (A row that is not
/// the agency's is `StoreError.notFound`.)
public enum RegisterEditError: Error, Hashable, Sendable, CustomStringConvertible {
    /// (column header, its Chinese name, the reason), as an import names them.
    case invalid([RegisterFieldProblem])
    case noChange

    public var description: String {
        switch self {
        case .invalid(let problems): return problems.map { "「\($0.label)」\($0.reason)" }.joined(separator: "；")
        case .noChange: return "没有修改任何字段"
        }
    }
}

public struct RegisterFieldProblem: Hashable, Sendable {
    public var header: String
    public var label: String
    public var reason: String
}

/// 台账逐行修改 — reads the agency's rows of a register page by page and changes one row: every field checked as an
/// import checks it (its kind, the register's rules across fields, an item code of the agency, a key not taken by
/// another row), refused if the row changed since it was read, and written with the values before and after in the
/// registers' change log, in one transaction.
public struct RegisterRowEditor: Sendable {
    let database: any Database
    public let scope: AgencyScope
    var sql: any SQLDatabase { database as! any SQLDatabase }

    public init(database: any Database, scope: AgencyScope) {
        self.database = database
        self.scope = scope
    }

    /// Up to `limit` rows after id `after`, in id order; with `words`, only rows where a text, date or 事项编码
    /// field contains them (a 文号, a name, a code, "2020-06").
    public func rows(_ spec: RegisterSpec, after: Int = 0, limit: Int = 50, containing words: String = "") async throws -> [RegisterRow] {
        let needle = words.trimmingCharacters(in: .whitespaces).lowercased()
        let searched = spec.columns.filter { c in
            guard !c.personal else { return false }
            switch c.kind {
            case .text, .date, .itemCode: return true
            default: return false
            }
        }
        // LIKE with its wildcards taken literally; LOWER on both sides, as PostgreSQL's LIKE minds case.
        let pattern = "%" + needle.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
        let any = searched.map { "LOWER(\(unsafeRaw: $0.exportExpression)) LIKE \(bind: pattern) ESCAPE '\\'" as SQLQueryString }
        let matching: SQLQueryString = needle.isEmpty || any.isEmpty ? "" : "(\(any.joined(separator: " OR "))) AND "
        return try await select(spec, "\(matching)t.id > \(bind: after) ORDER BY t.id LIMIT \(literal: limit)", on: sql)
    }

    /// Row `id` of the agency, or nil.
    public func row(_ spec: RegisterSpec, id: Int) async throws -> RegisterRow? {
        try await select(spec, "t.id = \(bind: id)", on: sql).first
    }

    /// Sets row `id` to `typed` (by column header; a column left out keeps its value), provided it still holds
    /// `expected` (the values it was read with). Returns the row before and after.
    @discardableResult
    public func update(
        _ spec: RegisterSpec, id: Int, typed: [String: String], expected: [String], at moment: Moment
    ) async throws -> (before: RegisterRow, after: RegisterRow) {
        try await database.transaction { db in
            let sql = db as! any SQLDatabase
            guard let before = try await select(spec, "t.id = \(bind: id)", on: sql).first else {
                throw StoreError.notFound("\(spec.title)第 \(id) 行")
            }
            guard before.values == expected else { throw StoreError.changedMeanwhile("\(spec.title)第 \(id) 行") }
            var raw: [String: String] = [:]
            for (i, column) in spec.columns.enumerated() {
                raw[column.header] = (typed[column.header] ?? before.values[i]).trimmingCharacters(in: .whitespaces)
            }
            guard spec.columns.indices.contains(where: { raw[spec.columns[$0].header] != before.values[$0] }) else {
                throw RegisterEditError.noChange
            }
            let context = try await RegisterImporter(database: db).loadContext(spec: spec, agencyID: scope.agencyID)
            var problems: [RegisterFieldProblem] = []
            var assignments: [SQLQueryString] = []
            for column in spec.columns {
                switch column.parse(raw[column.header] ?? "", context: context) {
                case .success(let value): assignments.append("\(ident: column.sqlColumn) = \(bind: value)")
                case .failure(let reason): problems.append(.init(header: column.header, label: column.chinese, reason: reason.text))
                }
            }
            for rule in spec.rules {
                if let (header, reason) = rule.violation(raw) {
                    problems.append(.init(header: header, label: spec.columns.first { $0.header == header }?.chinese ?? header, reason: reason))
                }
            }
            if let key = spec.identity.key, let column = spec.columns.first(where: { $0.header == key }), let value = raw[key], !value.isEmpty,
                try await sql.raw("""
                    SELECT id FROM \(ident: spec.table) WHERE agency_id = \(bind: scope.agencyID) AND \(ident: column.sqlColumn) = \(bind: value) AND id <> \(bind: id)
                    """).first() != nil
            {
                problems.append(.init(header: key, label: column.chinese, reason: "「\(value)」已是另一行的\(column.chinese)"))
            }
            guard problems.isEmpty else { throw RegisterEditError.invalid(problems) }
            for (name, derive) in spec.derived.sorted(by: { $0.key < $1.key }) {
                assignments.append("\(ident: name) = \(bind: derive(raw, context))")
            }
            try await sql.raw(
                "UPDATE \(ident: spec.table) SET \(assignments.joined(separator: ", ")) WHERE id = \(bind: id) AND agency_id = \(bind: scope.agencyID)"
            ).run()
            guard let after = try await select(spec, "t.id = \(bind: id)", on: sql).first else { throw StoreError.notFound("\(spec.title)第 \(id) 行") }
            let changes = spec.columns.indices.filter { before.values[$0] != after.values[$0] }.map { i in
                "\(spec.columns[i].chinese) \(before.values[i].isEmpty ? "空" : before.values[i]) → \(after.values[i].isEmpty ? "空" : after.values[i])"
            }
            let audit = RegisterAuditRepository(database: db, scope: scope)
            let count = try await audit.rowCount(spec)
            try await audit.record(register: spec.name, action: "修改第 \(id) 行：" + changes.joined(separator: "；"), rowsBefore: count, rowsAfter: count, at: moment)
            return (before, after)
        }
    }

    private func select(_ spec: RegisterSpec, _ condition: SQLQueryString, on sql: any SQLDatabase) async throws -> [RegisterRow] {
        let columns = spec.columns
        let select = columns.enumerated().map { "\($1.exportExpression) AS c\($0)" }.joined(separator: ", ")
        let query: SQLQueryString = "SELECT t.id AS id, \(unsafeRaw: select) FROM \(ident: spec.table) t WHERE t.agency_id = \(bind: scope.agencyID) AND \(condition)"
        return try await sql.raw(query).all().map { row in
            RegisterRow(
                id: try row.decode(column: "id", as: Int.self),
                values: try columns.enumerated().map { i, c in try RegisterExporter.text(row, column: "c\(i)", kind: c.kind) ?? "" })
        }
    }
}

extension RegisterSpec {
    /// The columns' Chinese names, in the order of `headers`.
    public var labels: [String] { columns.map(\.chinese) }
}
