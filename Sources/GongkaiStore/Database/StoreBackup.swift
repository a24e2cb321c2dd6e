import Foundation
import SQLKit

/// `gongkai backup FILE` / `gongkai restore FILE`.
///
/// SQLite: `VACUUM INTO` writes a consistent, compacted copy while the database stays in use; restore checks the
/// file (integrity and migrations table) and then replaces the database file atomically (rename), removing the
/// old WAL. PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --if-exists --no-owner`, which must be
/// on the PATH (Debian: `postgresql-client`).
public enum StoreBackup {
    /// Writes a backup of the open database to `file` (which must not exist).
    public static func backup(_ store: Store, to file: String) async throws {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw StoreError.backupFailed("\(file) 已存在，不会覆盖")
        }
        switch store.configuration {
        case .sqlite, .sqliteMemory:
            try await store.sql.raw("VACUUM INTO \(bind: file)").run()
        case .postgres(let url):
            try run("pg_dump", ["--format=custom", "--no-owner", "--file=\(file)", "--dbname=\(url)"])
        }
    }

    /// Replaces the database named by `configuration` with the backup in `file`. For SQLite, no other process
    /// may have the database open.
    public static func restore(_ configuration: StoreConfiguration, from file: String) async throws {
        guard FileManager.default.fileExists(atPath: file) else { throw StoreError.backupFailed("找不到备份文件 \(file)") }
        switch configuration {
        case .sqliteMemory:
            throw StoreError.backupFailed("内存数据库无法恢复")
        case .sqlite(let path):
            try await verifySQLiteBackup(file)
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            let staged = directory.appendingPathComponent(".gongkai-restore-\(UUID().uuidString).sqlite")
            try FileManager.default.copyItem(atPath: file, toPath: staged.path)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            guard rename(staged.path, path) == 0 else {
                try? FileManager.default.removeItem(at: staged)
                throw StoreError.backupFailed("无法替换数据库文件 \(path)（错误码 \(errno)）")
            }
        case .postgres(let url):
            try run(
                "pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname=\(url)", file])
        }
    }

    static func verifySQLiteBackup(_ file: String) async throws {
        let check = try await Store.open(.sqlite(path: file))
        do {
            let ok = try await check.sql.raw("PRAGMA integrity_check").first()?.decode(
                column: "integrity_check", as: String.self)
            let migrations = try await check.appliedMigrations()
            await check.close()
            guard ok == "ok", !migrations.isEmpty else { throw StoreError.backupFailed("\(file) 不是完好的 Gongkai 数据库备份") }
        } catch let error as StoreError {
            throw error
        } catch {
            await check.close()
            throw StoreError.backupFailed("\(file) 不是 Gongkai 数据库备份（\(error)）")
        }
    }

    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch { throw StoreError.backupFailed("无法运行 \(tool)：\(error)") }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw StoreError.backupFailed("\(tool) 退出码 \(process.terminationStatus)：\(message.prefix(500))")
        }
    }
}
