import ArgumentParser
import GongkaiStore

/// `gongkai restore FILE` — SQLite: checks the file and swaps it in; PostgreSQL: `pg_restore --clean`.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database with a backup made by `gongkai backup` (stop the app servers first).")

    @OptionGroup var store: StoreOptions

    @Argument(help: "Backup file.")
    var file: String

    func run() throws {
        let (configuration, file) = (try store.configuration(), file)
        try reportingStoreErrors { try runBlocking { try await StoreBackup.restore(configuration, from: file) } }
        print("已从 \(file) 恢复数据库 \(configuration)")
    }
}
