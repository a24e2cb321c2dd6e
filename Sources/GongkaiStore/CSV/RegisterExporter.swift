import FluentKit
import Foundation
import SQLKit

/// Export file formats.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, json
}

/// Exports a register of one agency as CSV (the import format, so it round-trips) or JSON, page by page
/// (keyset pagination on id), writing through `write` so a large register never sits in memory.
/// Personal data (身份证号码, 联系电话…) is written only when the scope's role may see it
/// (`AgencyScope.mayViewPersonalData`).
public struct RegisterExporter: Sendable {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }
    static let pageSize = 5_000

    public init(store: Store) { database = store.database }

    /// On the database a web server or a transaction hands over.
    public init(database: any Database) { self.database = database }

    public func export(
        _ spec: RegisterSpec, scope: AgencyScope?, format: ExportFormat, write: (String) throws -> Void
    ) async throws {
        if spec.agencyScoped && scope == nil {
            throw StoreError.invalidValue(field: "--agency", value: "", reason: "导出\(spec.title)须指定机关")
        }
        let agencyID = scope?.agencyID
        let columns = spec.columns.filter { scope?.mayViewPersonalData == true || !$0.personal }
        if format == .csv { try write(CSVTable.line(columns.map(\.header)) + "\n") } else { try write("[") }
        var lastID = 0
        var first = true
        while true {
            let page = try await fetchPage(spec, columns: columns, agencyID: agencyID, after: lastID)
            for (id, values) in page {
                lastID = id
                if format == .csv {
                    try write(CSVTable.line(values.map { $0 ?? "" }) + "\n")
                } else {
                    try write((first ? "\n" : ",\n") + Self.jsonObject(columns: columns, values: values))
                    first = false
                }
            }
            if page.count < Self.pageSize { break }
        }
        if format == .json { try write(first ? "]\n" : "\n]\n") }
    }

    private func fetchPage(_ spec: RegisterSpec, columns: [RegisterColumn], agencyID: Int?, after lastID: Int)
        async throws -> [(Int, [String?])]
    {
        let select = columns.enumerated().map { "\($1.exportExpression) AS c\($0)" }.joined(separator: ", ")
        let scope: SQLQueryString = spec.agencyScoped ? "t.agency_id = \(bind: agencyID ?? 0) AND " : ""
        var query: SQLQueryString = "SELECT t.id AS id, \(unsafeRaw: select) FROM \(ident: spec.table) t WHERE "
        query = query + scope + "t.id > \(bind: lastID) ORDER BY t.id LIMIT \(literal: Self.pageSize)"
        return try await sql.raw(query).all().map { row in
            let values = try columns.enumerated().map { i, c in try Self.text(row, column: "c\(i)", kind: c.kind) }
            return (try row.decode(column: "id", as: Int.self), values)
        }
    }

    static func text(_ row: any SQLRow, column: String, kind: ColumnKind) throws -> String? {
        switch kind {
        case .integer: return try row.decode(column: column, as: Int?.self).map(String.init)
        case .amountYuan: return try row.decode(column: column, as: Int64?.self).map { Money.yuan($0).description }
        case .bool: return try row.decode(column: column, as: Bool?.self).map { $0 ? "true" : "false" }
        default: return try row.decode(column: column, as: String?.self)
        }
    }

    static func jsonObject(columns: [RegisterColumn], values: [String?]) -> String {
        let fields = zip(columns, values).map { c, v -> String in
            let value: String
            switch (c.kind, v) {
            case (_, nil): value = "null"
            case (.integer, let v?), (.bool, let v?): value = v
            case (_, let v?): value = jsonString(v)
            }
            return jsonString(c.header) + ":" + value
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
