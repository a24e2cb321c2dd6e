import Foundation
import GongkaiCore
import GongkaiStore
import Logging
import NIOCore
import SQLKit

/// Benchmark support (not in the production targets). An `SQLDatabase` that passes every query on and keeps its
/// text with the bound values written in as literals,
/// so the exact statements of a report can be run by `sqlite3` or `psql` (the benchmark's bare aggregate).
final class QueryRecorder: SQLDatabase, @unchecked Sendable {
    let base: any SQLDatabase
    private let lock = NSLock()
    private var recorded: [String] = []

    init(_ base: any SQLDatabase) { self.base = base }

    var statements: [String] { lock.withLock { recorded } }
    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<
        Void
    > {
        record(query)
        return base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        record(query)
        try await base.execute(sql: query, onRow)
    }

    private func record(_ query: any SQLExpression) {
        var serializer = SQLSerializer(database: base)
        query.serialize(to: &serializer)
        let text = Self.inline(serializer.sql, binds: serializer.binds, postgres: base.dialect.name == "postgresql")
        lock.withLock { recorded.append(text) }
    }

    /// Replaces `?n` (SQLite) or `$n` (PostgreSQL) placeholders with SQL literals of the bound values.
    static func inline(_ sql: String, binds: [any Encodable & Sendable], postgres: Bool) -> String {
        let literals = binds.map { b -> String in
            if let s = b as? String { return "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
            return "\(b)"
        }
        var out = sql
        // Highest first, so that ?1 does not eat the start of ?12.
        for i in stride(from: literals.count, through: 1, by: -1) {
            out = out.replacingOccurrences(of: (postgres ? "$" : "?") + "\(i)", with: literals[i - 1])
        }
        return out
    }
}

extension Store {
    /// The SQL statements that build the scope's report for `year`, with values inlined (for `sqlite3`/`psql`).
    func reportStatements(_ scope: AgencyScope, year: Int) async throws -> [String] {
        let recorder = QueryRecorder(sql)
        _ = try await StoreReportBuilder.report(scope, year: year, sql: recorder)
        return recorder.statements
    }
}

extension Store {
    /// Runs one raw SQL statement (tools and the benchmark's data generator; never with user input).
    func execute(rawSQL: String) async throws {
        try await sql.raw(SQLQueryString(rawSQL)).run()
    }

    /// The first column of the first row of a raw query, as an integer.
    func integer(rawSQL: String) async throws -> Int? {
        guard let row = try await sql.raw(SQLQueryString(rawSQL)).first() else { return nil }
        guard let column = row.allColumns.first else { return nil }
        return try row.decode(column: column, as: Int?.self)
    }
}
