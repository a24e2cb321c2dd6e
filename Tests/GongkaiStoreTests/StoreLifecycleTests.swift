import Foundation
import GongkaiCore
import GongkaiStore
import Testing

/// Configuration, migrations (forward and back), backup and restore.
@Suite struct StoreLifecycleTests {
    @Test func databaseURLs() throws {
        #expect(try StoreConfiguration(url: "sqlite://./gongkai.sqlite") == .sqlite(path: "./gongkai.sqlite"))
        #expect(
            try StoreConfiguration(url: "sqlite:///var/lib/gongkai.sqlite") == .sqlite(path: "/var/lib/gongkai.sqlite"))
        #expect(try StoreConfiguration(url: "postgres://u:secret@db:5432/gk").isPostgres)
        #expect(
            try StoreConfiguration(url: "postgres://u:secret@db:5432/gk").description == "postgres://u:***@db:5432/gk")
        #expect(try StoreConfiguration.resolve(flag: nil, environment: [:]) == .sqlite(path: "./gongkai.sqlite"))
        #expect(
            try StoreConfiguration.resolve(flag: nil, environment: ["GONGKAI_DATABASE_URL": "sqlite://x.db"])
                == .sqlite(path: "x.db"))
        #expect(
            try StoreConfiguration.resolve(
                flag: "sqlite://y.db", environment: ["GONGKAI_DATABASE_URL": "sqlite://x.db"]) == .sqlite(path: "y.db"))
        for bad in [
            "mysql://db/x", "sqlite://", "postgres://", "postgres://host", "gongkai.sqlite", "", "  ",
            "postgres://u@h:99999/db",
        ] {
            #expect(throws: StoreError.self, "\(bad)") { try StoreConfiguration(url: bad) }
        }
        // The messages the parser itself throws name the URL and what is wrong with it.
        let mysql = #expect(throws: StoreError.self) { try StoreConfiguration(url: "mysql://db/x") }
        #expect(mysql?.description.hasPrefix("数据库地址无效：mysql://db/x（") == true, "\(String(describing: mysql))")
        // `--database ""` (and an empty GONGKAI_DATABASE_URL) is refused, never taken for ./gongkai.sqlite.
        let emptyFlag = #expect(throws: StoreError.self) {
            try StoreConfiguration.resolve(flag: "", environment: ["GONGKAI_DATABASE_URL": "sqlite://x.db"])
        }
        #expect(emptyFlag?.description.contains("地址为空") == true)
        let emptyEnv = #expect(throws: StoreError.self) {
            try StoreConfiguration.resolve(flag: nil, environment: ["GONGKAI_DATABASE_URL": ""])
        }
        #expect(emptyEnv?.description.contains("GONGKAI_DATABASE_URL") == true)
    }

    @Test(arguments: Backend.available)
    func migrationsRunInOrderAndRevert(_ backend: Backend) async throws {
        try await backend.withStore("migrations") { store in
            let names = try await store.appliedMigrations()
            #expect(names == StoreMigrations.all.map(\.name))
            #expect(names == names.sorted())
            try await store.revertAll()
            #expect(try await store.appliedMigrations().isEmpty)
            await #expect(throws: (any Error).self) { try await AgencyRepository(store: store).all() }
            try await store.migrate()
            try await store.migrate()
            #expect(try await AgencyRepository(store: store).all().isEmpty)
        }
    }

    @Test(arguments: Backend.available)
    func backupAndRestore(_ backend: Backend) async throws {
        if backend == .postgres {
            try #require(Self.hasTool("pg_dump"), "PostgreSQL 备份测试需要 pg_dump（postgresql-client）")
        }
        let configuration = try await backend.freshConfiguration("backup")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-backup-\(UUID().uuidString)")
            .path
        var store = try await Store.open(configuration)
        try await store.migrate()
        let demo = DemoAgency(database: store.database, calendar: CaseFixtures.calendar)
        let agencyID = try await demo.create().agency.id!
        try await StoreBackup.backup(store, to: file)
        await #expect(throws: StoreError.self) { try await StoreBackup.backup(store, to: file) }
        _ = try await AgencyRepository(store: store).create(
            Agency(name: "备份后新增", code: "AFTER", level: .county, region: .national))
        await store.close()
        let backupBytes = try Data(contentsOf: URL(fileURLWithPath: file))

        try await StoreBackup.restore(configuration, from: file)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == backupBytes, "restore must not change the backup")
        store = try await Store.open(configuration)
        let agencies = try await AgencyRepository(store: store).all()
        #expect(agencies.map(\.code) == [DemoAgency.agency.code])
        let report = try await StoreReportBuilder(store: store).report(try await store.scope(agencyID), year: 2020)
        #expect(report.applications.table[.new, .total] == 21)
        await store.close()
        await #expect(throws: StoreError.self) { try await StoreBackup.restore(configuration, from: file + ".missing") }
    }

    static func hasTool(_ name: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }
}
