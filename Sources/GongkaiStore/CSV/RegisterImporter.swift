import FluentKit
import Foundation
import GongkaiCore
import SQLKit

/// The outcome of an import: rows stored, rows already stored as they are, rows skipped, and every problem found
/// (line, column, reason).
public struct ImportSummary: Sendable {
    public var imported: Int
    /// Rows whose entry is already stored with the same values (a file imported again): not written.
    public var unchanged: Int = 0
    public var skipped: Int
    public var issues: [ImportIssue]
}

/// Imports a register's CSV into one agency, all in one transaction: a file with errors imports nothing unless
/// `skipInvalid`, and a crash half-way leaves the database as it was. Rows already stored (by `RowIdentity`) are
/// not written again, so importing the same file twice changes nothing. Each new application gets a tracking code
/// (查询码) drawn from the generator passed in, so that its applicant can follow it like one received online.
public struct RegisterImporter: Sendable {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    public init(store: Store) { database = store.database }

    /// On the database a web server or a transaction hands over.
    public init(database: any Database) { self.database = database }

    /// Checks every row, then inserts the new valid ones in batches of multi-row INSERTs inside one transaction.
    /// `scope` is the agency the rows belong to (nil only for a register of no agency, such as the holidays).
    /// `progress(done, total)` is called after each batch.
    public func importCSV<G: RandomNumberGenerator>(
        _ data: Data, fileName: String, register spec: RegisterSpec, scope: AgencyScope?, skipInvalid: Bool,
        random: inout G, limits: InputLimits = .standard,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> ImportSummary {
        let agencyID = scope?.agencyID
        let checked = try await checkFile(data, fileName: fileName, register: spec, scope: scope, limits: limits)
        var rows = checked.rows
        let invalidRows = checked.records - rows.count - checked.unchanged
        let issues = checked.issues
        if !issues.isEmpty && !skipInvalid {
            return ImportSummary(imported: 0, skipped: checked.records, issues: issues)
        }
        var generated: [String] = []
        if spec.table == "applications" {
            generated = ["tracking_code"]
            rows = rows.map { $0 + [TrackingCode.random(using: &random).value] }
        }
        try await insert(rows, generated: generated, spec: spec, agencyID: agencyID, progress: progress)
        return ImportSummary(imported: rows.count, unchanged: checked.unchanged, skipped: invalidRows, issues: issues)
    }

    /// Checks a file as `importCSV` would, storing nothing: what it would import (`imported`), every problem it has,
    /// and each of its records — its line and its values by the register's columns in order (`headers`), as typed.
    public func check(
        _ data: Data, fileName: String, register spec: RegisterSpec, scope: AgencyScope?, limits: InputLimits = .standard
    ) async throws -> (summary: ImportSummary, records: [(line: Int, values: [String])]) {
        let checked = try await checkFile(data, fileName: fileName, register: spec, scope: scope, limits: limits)
        return (
            ImportSummary(
                imported: checked.rows.count, unchanged: checked.unchanged,
                skipped: checked.records - checked.rows.count - checked.unchanged, issues: checked.issues),
            checked.values
        )
    }

    private struct CheckedFile {
        var records: Int
        var rows: [[Bound]]
        var unchanged: Int
        var issues: [ImportIssue]
        var values: [(line: Int, values: [String])]
    }

    private func checkFile(
        _ data: Data, fileName: String, register spec: RegisterSpec, scope: AgencyScope?, limits: InputLimits
    ) async throws -> CheckedFile {
        if spec.agencyScoped && scope == nil {
            throw StoreError.invalidValue(field: "--agency", value: "", reason: "导入\(spec.title)须指定机关")
        }
        let agencyID = scope?.agencyID
        let table = try CSVTable(text: CSVTable.decode(data, limits: limits))
        let positions = try columnPositions(header: table.header, spec: spec)
        let context = try await loadContext(spec: spec, agencyID: agencyID)
        var matcher = RowMatcher(
            spec: spec, present: positions.indices.filter { positions[$0] != nil },
            existing: try await storedRows(spec: spec, agencyID: agencyID), context: context)
        var checked = CheckedFile(records: table.records.count, rows: [], unchanged: 0, issues: [], values: [])
        for record in table.records {
            checked.values.append((record.line, positions.map { p in p.map { $0 < record.fields.count ? record.fields[$0] : "" } ?? "" }))
            switch check(
                record, positions: positions, header: table.header, spec: spec, context: context,
                matcher: &matcher, fileName: fileName)
            {
            case .success(nil): checked.unchanged += 1
            case .success(let values?): checked.rows.append((spec.agencyScoped ? [agencyID!] : []) + values)
            case .failure(let found): checked.issues += found.issues
            }
        }
        return checked
    }

    struct RowIssues: Error { var issues: [ImportIssue] }

    /// The values to store for one record (its columns, then derived columns), nil when the row is already
    /// stored as it is, or every problem it has.
    func check(
        _ record: CSVTable.Record, positions: [Int?], header: [String], spec: RegisterSpec, context: ImportContext,
        matcher: inout RowMatcher, fileName: String
    ) -> Result<[Bound]?, RowIssues> {
        let raw = Dictionary(
            uniqueKeysWithValues: spec.columns.enumerated().map { i, c in
                (c.header, positions[i].map { $0 < record.fields.count ? record.fields[$0] : "" } ?? "")
            })
        // A problem names its column as the file heads it (公开方式 or disclosure).
        let heading = Dictionary(
            uniqueKeysWithValues: spec.columns.enumerated().compactMap { i, c in
                positions[i].flatMap { $0 < header.count ? (c.header, header[$0]) : nil }
            })
        func issue(_ column: String, _ reason: String) -> ImportIssue {
            ImportIssue(file: fileName, line: record.line, column: heading[column] ?? column, reason: reason)
        }
        var found: [ImportIssue] = []
        if record.fields.count != header.count {
            let relation = record.fields.count > header.count ? "多于" : "少于"
            found.append(issue("-", "字段数 \(record.fields.count) \(relation)表头列数 \(header.count)"))
        }
        var values: [Bound] = []
        for column in spec.columns {
            switch column.parse(raw[column.header] ?? "", context: context) {
            case .success(let v): values.append(v)
            case .failure(let r): found.append(issue(column.header, r.text))
            }
        }
        for rule in spec.rules {
            if let (column, reason) = rule.violation(raw) { found.append(issue(column, reason)) }
        }
        guard found.isEmpty else { return .failure(RowIssues(issues: found)) }
        switch matcher.match(values.map(RowMatcher.storedForm), line: record.line) {
        case .success(.unchanged): return .success(nil)
        case .success(.new):
            return .success(values + spec.derived.keys.sorted().map { spec.derived[$0]!(raw, context) })
        case .failure(let reason): return .failure(RowIssues(issues: [issue(matcher.identityColumn, reason.text)]))
        }
    }

    /// For each spec column, its position in the file (nil when absent); accepts English or Chinese headers.
    func columnPositions(header: [String], spec: RegisterSpec) throws -> [Int?] {
        let known = Set(spec.columns.flatMap { [$0.header, $0.chinese] })
        let unknown = header.filter { !known.contains($0) && !$0.isEmpty }
        if !unknown.isEmpty { throw CSVError.unknownColumns(unknown) }
        let positions = spec.columns.map { c in header.firstIndex(where: { $0 == c.header || $0 == c.chinese }) }
        let missing = zip(spec.columns, positions).filter { $0.0.required && $0.1 == nil }.map(\.0.header)
        if !missing.isEmpty { throw CSVError.missingColumns(missing) }
        return positions
    }

    func loadContext(spec: RegisterSpec, agencyID: Int?) async throws -> ImportContext {
        var context = ImportContext()
        guard let agencyID else { return context }
        if spec.columns.contains(where: { if case .itemCode = $0.kind { return true } else { return false } }) {
            for row in try await sql.raw(
                "SELECT id, code, category FROM administrative_items WHERE agency_id = \(bind: agencyID)"
            ).all() {
                context.items[try row.decode(column: "code", as: String.self)] = (
                    try row.decode(column: "id", as: Int.self), try row.decode(column: "category", as: String.self)
                )
            }
        }
        if spec.columns.contains(where: {
            if case .applicationReference = $0.kind { return true } else { return false }
        }) {
            for row in try await sql.raw(
                "SELECT reference FROM applications WHERE agency_id = \(bind: agencyID)"
            ).all() {
                context.applications.insert(try row.decode(column: "reference", as: String.self))
            }
        }
        return context
    }

    /// Every stored row of the agency in the stored form of the spec's columns (see `RowMatcher`).
    private func storedRows(spec: RegisterSpec, agencyID: Int?) async throws -> [[String]] {
        let select = spec.columns.enumerated().map { "t.\($1.sqlColumn) AS c\($0)" }.joined(separator: ", ")
        var query: SQLQueryString = "SELECT \(unsafeRaw: select) FROM \(ident: spec.table) t"
        if spec.agencyScoped { query = query + " WHERE t.agency_id = \(bind: agencyID ?? 0)" }
        return try await sql.raw(query).all().map { row in
            try spec.columns.enumerated().map { i, c in try Self.storedText(row, column: "c\(i)", kind: c.kind) }
        }
    }

    static func storedText(_ row: any SQLRow, column: String, kind: ColumnKind) throws -> String {
        switch kind {
        case .integer, .itemCode: return try row.decode(column: column, as: Int?.self).map(String.init) ?? ""
        case .amountYuan: return try row.decode(column: column, as: Int64?.self).map(String.init) ?? ""
        case .bool: return try row.decode(column: column, as: Bool?.self).map { $0 ? "true" : "false" } ?? ""
        default: return try row.decode(column: column, as: String?.self) ?? ""
        }
    }

    private func insert(
        _ rows: [[Bound]], generated: [String], spec: RegisterSpec, agencyID: Int?,
        progress: @escaping @Sendable (Int, Int) -> Void
    ) async throws {
        let columns =
            (spec.agencyScoped ? ["agency_id"] : []) + spec.columns.map(\.sqlColumn) + spec.derived.keys.sorted()
            + generated
        let perBatch = max(1, 30_000 / columns.count)
        let total = rows.count
        let batches = stride(from: 0, to: rows.count, by: perBatch).map {
            Array(rows[$0..<min($0 + perBatch, rows.count)])
        }
        try await database.transaction { db in
            let sql = db as! any SQLDatabase
            var done = 0
            for batch in batches {
                let builder = sql.insert(into: spec.table).columns(columns)
                for row in batch { builder.values(row) }
                try await builder.run()
                done += batch.count
                progress(done, total)
            }
            if spec.table == "applications", let agencyID {
                try await ApplicationEventBackfill(sql: sql).run(agencyID: agencyID)
            }
        }
    }
}
