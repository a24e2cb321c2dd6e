import ArgumentParser
import GongkaiStore

/// `gongkai backup FILE` — SQLite: `VACUUM INTO`; PostgreSQL: `pg_dump --format=custom`.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent backup of the database to FILE (the database stays in use).")

    @OptionGroup var store: StoreOptions

    @Argument(help: "Backup file to create (must not exist).")
    var file: String

    func run() throws {
        let file = file
        try reportingStoreErrors {
            try store.withStore(migrating: .no) { try await StoreBackup.backup($0, to: file) }
        }
        print("已备份到 \(file)")
    }
}
