import Foundation

/// Where the registers live: an SQLite file (the zero-set-up default) or a PostgreSQL server.
///
/// Read from `--database URL`, else `GONGKAI_DATABASE_URL`, else `sqlite://./gongkai.sqlite`.
///
/// ```swift
/// try StoreConfiguration(url: "sqlite://./gongkai.sqlite") // .sqlite(path: "./gongkai.sqlite")
/// try StoreConfiguration(url: "postgres://app@db.internal:5432/gongkai")
/// ```
public enum StoreConfiguration: Hashable, Sendable, CustomStringConvertible {
    /// An SQLite database file at `path`.
    case sqlite(path: String)
    /// A private in-memory SQLite database named `identifier` (tests).
    case sqliteMemory(identifier: String)
    /// A PostgreSQL database given by a `postgres://` URL.
    case postgres(url: String)

    /// The default database: `./gongkai.sqlite` in the working directory.
    public static let defaultURL = "sqlite://./gongkai.sqlite"

    /// Parses a database URL: `sqlite://PATH`, `sqlite::memory:`, `postgres://…` or `postgresql://…`.
    public init(url: String) throws {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            throw StoreError.badDatabaseURL("\"\(url)\"", reason: "地址为空；不指定时默认为 \(Self.defaultURL)")
        } else if trimmed == "sqlite::memory:" {
            self = .sqliteMemory(identifier: UUID().uuidString)
        } else if trimmed.hasPrefix("sqlite://") {
            let path = String(trimmed.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw StoreError.badDatabaseURL(url, reason: "sqlite:// 后缺少文件路径") }
            self = .sqlite(path: path)
        } else if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            guard let parsed = URL(string: trimmed), let host = parsed.host, !host.isEmpty else {
                throw StoreError.badDatabaseURL(url, reason: "无法解析 PostgreSQL 地址（应为 postgres://用户@主机:端口/数据库）")
            }
            if let port = parsed.port, !(1...65_535).contains(port) {
                throw StoreError.badDatabaseURL(url, reason: "端口 \(port) 无效（应为 1–65535）")
            }
            guard parsed.path.count > 1 else {
                throw StoreError.badDatabaseURL(url, reason: "PostgreSQL 地址缺少数据库名（…/数据库名）")
            }
            self = .postgres(url: trimmed)
        } else {
            throw StoreError.badDatabaseURL(
                url, reason: "只支持 sqlite://文件路径、sqlite::memory: 和 postgres://… 三种形式")
        }
    }

    /// Flags first, then the environment, then the default. A flag or variable given but empty (`--database ""`)
    /// is refused, never taken for the default.
    public static func resolve(flag: String?, environment: [String: String]) throws -> StoreConfiguration {
        if let flag { return try StoreConfiguration(url: flag) }
        if let env = environment["GONGKAI_DATABASE_URL"] {
            do {
                return try StoreConfiguration(url: env)
            } catch StoreError.badDatabaseURL(_, let reason) {
                throw StoreError.badDatabaseURL("GONGKAI_DATABASE_URL=\(env)", reason: reason)
            }
        }
        return try StoreConfiguration(url: defaultURL)
    }

    public var isPostgres: Bool {
        if case .postgres = self { return true }
        return false
    }

    /// The URL with any password hidden, for messages and logs.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite://\(path)"
        case .sqliteMemory: return "sqlite::memory:"
        case .postgres(let url):
            guard var parts = URLComponents(string: url) else { return "postgres://…" }
            if parts.password != nil { parts.password = "***" }
            return parts.string ?? "postgres://…"
        }
    }
}
