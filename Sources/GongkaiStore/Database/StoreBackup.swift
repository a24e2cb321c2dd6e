import Foundation
import SQLKit

/// `gongkai backup FILE` / `gongkai restore FILE`.
///
/// SQLite: `VACUUM INTO` writes a consistent, compacted copy while the database stays in use; restore copies the
/// backup beside the database, checks the copy (whole pages, integrity, migrations) and renames it over the
/// database (the backup itself is only read). PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --if-exists --no-owner`, which must be
/// on the PATH (Debian: `postgresql-client`).
public enum StoreBackup {
    /// Writes a backup of the open database to `file` (which must not exist).
    public static func backup(_ store: Store, to file: String) async throws {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw StoreError.backupFailed("\(file) 已存在，不会覆盖")
        }
        let directory = URL(fileURLWithPath: file).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError.backupFailed("备份文件所在目录 \(directory) 不存在")
        }
        switch store.configuration {
        case .sqlite, .sqliteMemory:
            try await store.sql.raw("VACUUM INTO \(bind: file)").run()
        case .postgres(let url):
            try run("pg_dump", ["--format=custom", "--no-owner", "--file=\(file)", "--dbname=\(url)"])
        }
    }

    /// Replaces the database named by `configuration` with the backup in `file`, which is only read (never opened
    /// as a database, never changed). The backup is checked first — an SQLite file complete to its last page,
    /// intact, with Gongkai's migrations; a `pg_dump` archive with them — and the database is replaced at once or
    /// not at all. For SQLite, no other process may have the database open.
    public static func restore(_ configuration: StoreConfiguration, from file: String) async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw StoreError.backupFailed("找不到备份文件 \(file)")
        }
        switch configuration {
        case .sqliteMemory:
            throw StoreError.backupFailed("内存数据库无法恢复")
        case .sqlite(let path):
            try await restoreSQLite(path: path, from: file)
        case .postgres(let url):
            try verifyPostgresBackup(file)
            try run(
                "pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname=\(url)", file])
        }
    }

    /// Copies the backup beside the database, checks the copy, then renames it over the database.
    static func restoreSQLite(path: String, from file: String) async throws {
        try BackupFileCheck.sqliteHeader(file)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw StoreError.backupFailed("数据库所在目录 \(directory.path) 不存在") }
        let staged = directory.appendingPathComponent(".gongkai-restore-\(UUID().uuidString).sqlite").path
        do {
            try FileManager.default.copyItem(atPath: file, toPath: staged)
        } catch {
            throw StoreError.backupFailed("无法把备份复制到 \(directory.path)（\(error.localizedDescription)）")
        }
        do {
            try await verifySQLiteCopy(staged, of: file)
            try BackupFileCheck.swap(staged, into: path)
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: staged + suffix) }
            throw error
        }
    }

    /// Opens the staged copy (never the backup itself): integrity, and migrations this version knows.
    static func verifySQLiteCopy(_ copy: String, of file: String) async throws {
        let check: Store
        do {
            check = try await Store.open(.sqlite(path: copy))
        } catch {
            throw StoreError.backupFailed("\(file) 不是可用的 SQLite 数据库（\(error)）")
        }
        let result: (String?, [String])
        do {
            let ok = try await check.sql.raw("PRAGMA integrity_check").first()?.decode(
                column: "integrity_check", as: String.self)
            let migrations = try await check.appliedMigrations()
            result = (ok, migrations)
            await check.close()
        } catch {
            await check.close()
            throw StoreError.backupFailed("\(file) 不是 Gongkai 数据库备份（读不到迁移记录：\(error)）")
        }
        guard result.0 == "ok" else {
            throw StoreError.backupFailed("\(file) 已损坏（完整性检查：\(result.0 ?? "无结果")）")
        }
        let known = Set(StoreMigrations.all.map(\.name))
        guard !result.1.isEmpty else { throw StoreError.backupFailed("\(file) 不是 Gongkai 数据库备份（没有迁移记录）") }
        if let unknown = result.1.first(where: { !known.contains($0) }) {
            throw StoreError.backupFailed("\(file) 来自更新版本的 Gongkai（本版本不认识迁移 \(unknown)）")
        }
    }

    /// A `pg_dump --format=custom` archive whose table of contents holds Gongkai's migrations table.
    static func verifyPostgresBackup(_ file: String) throws {
        try BackupFileCheck.magic(file, "PGDMP", kind: "pg_dump --format=custom 备份")
        let listing = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-\(UUID().uuidString).list")
        defer { try? FileManager.default.removeItem(at: listing) }
        try run("pg_restore", ["--list", "--file=\(listing.path)", file])
        let toc = (try? String(contentsOf: listing, encoding: .utf8)) ?? ""
        guard toc.contains("_fluent_migrations") else {
            throw StoreError.backupFailed("\(file) 不是 Gongkai 数据库备份（其中没有 _fluent_migrations 表）")
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
