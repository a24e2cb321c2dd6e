import ArgumentParser
import GongkaiStore

/// `gongkai migrate` — runs the pending migrations (once per deploy on PostgreSQL).
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Create or update the database tables (run once per deploy on PostgreSQL).")

    @OptionGroup var store: StoreOptions

    @Flag(name: .long, help: "Revert every migration (drops all registers: for tests and fresh starts only).")
    var revertAll = false

    func run() throws {
        let revert = revertAll
        let names = try reportingStoreErrors {
            try store.withStore(migrating: .no) { store in
                if revert { try await store.revertAll() } else { try await store.migrate() }
                return try await store.appliedMigrations()
            }
        }
        print(revert ? "已撤销全部迁移" : "数据库已是最新：\(names.count) 个迁移（最后一个：\(names.last ?? "无")）")
    }
}
