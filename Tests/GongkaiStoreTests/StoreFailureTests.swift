import Foundation
import GongkaiCore
import GongkaiStore
import SQLKit
import Testing

/// Opens that fail and restores from bad backups end in a Chinese message naming the problem — never a trap in
/// the connection pool — and leave the backup and the database as they were.
@Suite struct StoreFailureTests {
    static func temporary(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-store-failures-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name)
    }

    func openError(_ configuration: StoreConfiguration) async -> String {
        do {
            let store = try await Store.open(configuration)
            await store.close()
            return "opened"
        } catch {
            #expect(error is StoreError, "\(type(of: error)): \(error)")
            return "\(error)"
        }
    }

    @Test func sqliteOpenFailuresNameTheProblem() async throws {
        let missingDirectory = await openError(.sqlite(path: "/nonexistent-gongkai-dir/x/gongkai.sqlite"))
        #expect(missingDirectory.contains("目录 /nonexistent-gongkai-dir/x 不存在"), "\(missingDirectory)")
        let garbage = try Self.temporary("garbage.sqlite")
        try Data(repeating: 0x41, count: 5_000).write(to: garbage)
        let notADatabase = await openError(.sqlite(path: garbage.path))
        #expect(notADatabase.contains("不是 SQLite 数据库"), "\(notADatabase)")
    }

    @Test func unreachablePostgresServerIsNamed() async throws {
        let message = await openError(.postgres(url: "postgres://postgres@127.0.0.1:1/gongkai"))
        #expect(message.contains("postgres://postgres@127.0.0.1:1/gongkai") && message.contains("无法连接"), "\(message)")
    }

    @Test(.enabled(if: Backend.postgresURL != nil, "需要 GONGKAI_TEST_POSTGRES_URL"))
    func missingPostgresDatabaseIsNamed() async throws {
        var parts = try #require(URLComponents(string: Backend.postgresURL!))
        parts.path = "/gk_no_such_database"
        let message = await openError(.postgres(url: parts.string!))
        #expect(message.contains("数据库不存在") && message.contains("gk_no_such_database"), "\(message)")
    }

    @Test(arguments: Backend.available)
    func constraintViolationNamesTheConstraint(_ backend: Backend) async throws {
        try await backend.withStore("constraint") { store in
            try await store.sql.raw("CREATE TABLE t (code TEXT NOT NULL, CONSTRAINT t_code_unique UNIQUE (code))").run()
            try await store.sql.raw("INSERT INTO t (code) VALUES ('A')").run()
            do {
                try await store.sql.raw("INSERT INTO t (code) VALUES ('A')").run()
                Issue.record("duplicate inserted")
            } catch {
                let message = "\(StoreError.mapping(error, database: store.configuration))"
                #expect(!message.contains("PSQLError") && !message.contains("Generic description"), "\(message)")
                let expected = backend == .postgres ? "违反唯一约束「t_code_unique」" : "违反约束：UNIQUE constraint failed: t.code"
                #expect(message.contains(expected), "\(message)")
            }
        }
    }

    /// A copy of a real backup made by `StoreBackup.backup`, and the database it was made from.
    func backupFile() async throws -> (backup: URL, database: String) {
        let database = try Self.temporary("live.sqlite").path
        let store = try await Store.open(.sqlite(path: database))
        try await store.migrate()
        _ = try await DemoAgency(database: store.database).create()
        let backup = try Self.temporary("good.backup")
        try await StoreBackup.backup(store, to: backup.path)
        await store.close()
        return (backup, database)
    }

    func agencyCount(_ path: String) async throws -> Int {
        let store = try await Store.open(.sqlite(path: path))
        let n = try await AgencyRepository(store: store).all().count
        await store.close()
        return n
    }

    @Test func badBackupsAreRefusedAndLeftAsTheyAre() async throws {
        let (good, database) = try await backupFile()
        let goodBytes = try Data(contentsOf: good)
        let empty = try Self.temporary("empty.backup")
        try Data().write(to: empty)
        let garbage = try Self.temporary("garbage.backup")
        try Data(repeating: 0x7A, count: 8_192).write(to: garbage)
        let truncated = try Self.temporary("truncated.backup")
        try goodBytes.prefix(goodBytes.count / 2 + 100).write(to: truncated)
        let halfPages = try Self.temporary("half-pages.backup")
        try goodBytes.prefix(goodBytes.count / 2).write(to: halfPages)
        let foreign = try Self.temporary("foreign.sqlite")
        let other = try await Store.open(.sqlite(path: foreign.path))
        try await other.sql.raw("CREATE TABLE notes (x TEXT)").run()
        await other.close()
        let foreignBytes = try Data(contentsOf: foreign)

        let cases: [(URL, String)] = [
            (empty, "文件为空"), (garbage, "不是 SQLite 数据库备份"), (truncated, "不完整"), (halfPages, "不完整"),
            (foreign, "不是 Gongkai 数据库备份"),
        ]
        for (file, expected) in cases {
            let before = try Data(contentsOf: file)
            let error = await #expect(throws: StoreError.self) {
                try await StoreBackup.restore(.sqlite(path: database), from: file.path)
            }
            #expect(
                error?.description.contains(expected) == true, "\(file.lastPathComponent): \(String(describing: error))"
            )
            #expect(try Data(contentsOf: file) == before, "\(file.lastPathComponent) was changed")
            #expect(try await agencyCount(database) == 1, "the database was changed by \(file.lastPathComponent)")
        }
        #expect(try Data(contentsOf: foreign) == foreignBytes)
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: URL(fileURLWithPath: database).deletingLastPathComponent().path)
        #expect(!leftovers.contains { $0.hasPrefix(".gongkai-restore-") }, "\(leftovers)")

        try await StoreBackup.restore(.sqlite(path: database), from: good.path)
        #expect(try Data(contentsOf: good) == goodBytes, "a good backup is read, not rewritten")
        #expect(try await agencyCount(database) == 1)
        let live = try await Store.open(.sqlite(path: database))
        let backupTarget = await #expect(throws: StoreError.self) {
            try await StoreBackup.backup(live, to: "/nonexistent-gongkai-dir/new.backup")
        }
        await live.close()
        #expect(backupTarget?.description.contains("备份文件所在目录 /nonexistent-gongkai-dir 不存在") == true)
        let noDirectory = await #expect(throws: StoreError.self) {
            try await StoreBackup.restore(.sqlite(path: "/nonexistent-gongkai-dir/db.sqlite"), from: good.path)
        }
        #expect(noDirectory?.description.contains("/nonexistent-gongkai-dir 不存在") == true)
    }

    @Test(.enabled(if: Backend.postgresURL != nil && StoreLifecycleTests.hasTool("pg_restore")))
    func postgresRestoreRefusesWhatIsNotAGongkaiDump() async throws {
        let configuration = try await Backend.postgres.freshConfiguration("restorebad")
        let garbage = try Self.temporary("garbage.dump")
        try Data("PGDMX not a dump".utf8).write(to: garbage)
        let error = await #expect(throws: StoreError.self) {
            try await StoreBackup.restore(configuration, from: garbage.path)
        }
        #expect(error?.description.contains("不是 pg_dump --format=custom 备份") == true, "\(String(describing: error))")
        #expect(try Data(contentsOf: garbage) == Data("PGDMX not a dump".utf8))
    }
}
