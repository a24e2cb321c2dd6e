import AsyncKit
import Foundation
import NIOCore
import NIOPosix
import PostgresNIO
import SQLiteNIO

extension StoreError {
    /// A driver's error (PostgreSQL, SQLite, the network, the connection pool) as a `StoreError` whose message
    /// names the real problem in Chinese: server unreachable, authentication failed, database missing, a
    /// constraint and its table and column …; any other error is returned as it is.
    ///
    /// ```swift
    /// StoreError.mapping(driverError, database: .postgres(url: "postgres://app@db/gk"))
    /// // 数据库 postgres://app@db/gk：数据库不存在（database "gk" does not exist）：请先建库（createdb）
    /// ```
    public static func mapping(_ error: any Error, database configuration: StoreConfiguration) -> any Error {
        let reason: String
        switch error {
        case let error as PSQLError: reason = Self.reason(error)
        case let error as SQLiteError: reason = Self.reason(error)
        case let error as NIOConnectionError: reason = connectionReason(error)
        case let error as IOError: reason = "无法连接数据库服务器（\(error.description)）"
        case is ChannelError: reason = "与数据库服务器的连接出错（\(error)）"
        case is ConnectionPoolTimeoutError: reason = "等待数据库连接超时：服务器无法连接或连接已满"
        case is ConnectionPoolError: reason = "数据库连接已关闭"
        default: return error
        }
        return StoreError.database(configuration.description, reason: reason)
    }

    static func reason(_ error: PSQLError) -> String {
        switch error.code {
        case .server: return serverReason(error.serverInfo)
        case .connectionError:
            if let underlying = error.underlying as? NIOConnectionError { return connectionReason(underlying) }
            let cause = error.underlying.map { "（\($0)）" } ?? ""
            return "无法连接 PostgreSQL 服务器\(cause)：请检查主机、端口和服务器是否在运行"
        case .serverClosedConnection: return "PostgreSQL 服务器断开了连接"
        case .authMechanismRequiresPassword: return "认证失败：服务器要求密码，但数据库地址中没有密码"
        case .unsupportedAuthMechanism, .saslError: return "认证失败：不支持服务器要求的认证方式（\(error.code)）"
        case .sslUnsupported: return "服务器不支持 SSL 连接"
        case .poolClosed, .clientClosedConnection: return "数据库连接已关闭"
        default: return "PostgreSQL 出错（\(error.code)）"
        }
    }

    /// Host, port and why, in words: refused, timed out, host unknown or unreachable.
    static func connectionReason(_ error: NIOConnectionError) -> String {
        let why: String
        if let io = error.connectionErrors.first?.error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: why = "连接被拒绝：该端口没有 PostgreSQL 服务器在监听"
            case ETIMEDOUT: why = "连接超时"
            case EHOSTUNREACH, ENETUNREACH: why = "主机不可达"
            default: why = io.description
            }
        } else if let first = error.connectionErrors.first {
            why = "\(first.error)"
        } else {
            why = "找不到主机（域名解析失败）"
        }
        return "无法连接 PostgreSQL 服务器 \(error.host):\(error.port)（\(why)）：请检查主机、端口和服务器是否在运行"
    }

    /// SQLSTATE classes as PostgreSQL documents them (Appendix A).
    static func serverReason(_ info: PSQLError.ServerInfo?) -> String {
        let message = info?[.message] ?? ""
        let detail = info?[.detail].map { "；\($0)" } ?? ""
        let constraint = info?[.constraintName].map { "「\($0)」" } ?? ""
        let table = info?[.tableName].map { "表 \($0)" } ?? ""
        let column = info?[.columnName].map { "列 \($0)" } ?? ""
        let place = [table, column].filter { !$0.isEmpty }.joined(separator: " ")
        switch info?[.sqlState] ?? "" {
        case "28P01": return "认证失败：用户名或密码不对（\(message)）"
        case "28000": return "认证失败：服务器不允许该用户连接（\(message)）"
        case "3D000": return "数据库不存在（\(message)）：请先建库（createdb）"
        case "42P01": return "数据表不存在（\(message)）：请先运行 gongkai migrate"
        case "42501": return "权限不足（\(message)）"
        case "23505": return "违反唯一约束\(constraint)\(place.isEmpty ? "" : "（\(place)）")：已有相同的值\(detail)"
        case "23503": return "违反外键约束\(constraint)\(place.isEmpty ? "" : "（\(place)）")：引用的记录不存在\(detail)"
        case "23502": return "\(place.isEmpty ? "必填列" : place) 不能为空（违反非空约束）\(detail)"
        case "23514": return "违反检查约束\(constraint)\(place.isEmpty ? "" : "（\(place)）")\(detail)"
        case "53300": return "服务器连接数已满（\(message)）"
        case "57P03": return "服务器正在启动或关闭，暂不接受连接"
        case let state: return "PostgreSQL 服务器报错 \(state)：\(message)\(detail)"
        }
    }

    static func reason(_ error: SQLiteError) -> String {
        switch error.reason {
        case .cantOpen, .cantOpenDirectory, .cantOpenInvalidPath:
            return "无法打开 SQLite 数据库文件（目录不存在或没有权限）"
        case .notADatabase: return "文件不是 SQLite 数据库"
        case .corrupt, .corruptIndex, .corruptVirtualTable, .corruptSequenceSchema: return "数据库文件已损坏（\(error.message)）"
        case .readOnly, .readonlyDirectory, .readonlyCantLock: return "数据库文件只读（\(error.message)）"
        case .busy, .busyTimeout, .locked: return "数据库正被其他进程使用（\(error.message)）"
        case .full: return "磁盘已满"
        case .constraint, .constraintUniqueFailed, .constraintPrimaryKeyFailed, .constraintNotNullFailed,
            .constraintForeignKeyFailed, .constraintCheckFailed:
            return "违反约束：\(error.message)"
        default: return "SQLite 出错：\(error.message)"
        }
    }
}

extension StoreError {
    /// Whether `error` is a driver's refusal of a duplicate value under a unique index (two writers drew the same
    /// number at once); the writer may then try again.
    public static func isUniqueViolation(_ error: any Error) -> Bool {
        switch error {
        case let error as PSQLError: return error.serverInfo?[.sqlState] == "23505"
        case let error as SQLiteError: return error.reason == .constraintUniqueFailed || error.reason == .constraint
        default: return false
        }
    }
}
