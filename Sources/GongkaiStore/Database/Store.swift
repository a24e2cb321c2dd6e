import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// An open connection to the registers: the Fluent `Databases` built by hand (no Vapor), its event loops
/// and thread pool, and the one `Database` every repository is handed.
///
/// ```swift
/// let store = try await Store.open(.sqliteMemory(identifier: "t"))
/// try await store.migrate()
/// await store.close()
/// ```
public final class Store: Sendable {
    public let configuration: StoreConfiguration
    private let eventLoopGroup: MultiThreadedEventLoopGroup
    private let threadPool: NIOThreadPool
    private let databases: Databases
    /// The Fluent database handle; repositories take it (or a transaction's) as a parameter.
    public let database: any Database

    private init(
        configuration: StoreConfiguration, group: MultiThreadedEventLoopGroup, pool: NIOThreadPool,
        databases: Databases, logger: Logger
    ) {
        self.configuration = configuration
        eventLoopGroup = group
        threadPool = pool
        self.databases = databases
        // One event loop, hence one SQLite connection: PRAGMAs and transactions see the same connection.
        database = databases.database(logger: logger, on: group.any())!
    }

    /// Opens the database named by `configuration` (creating an SQLite file if missing).
    public static func open(_ configuration: StoreConfiguration, logger: Logger = Logger(label: "gongkai.store"))
        async throws -> Store
    {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let databases = Databases(threadPool: pool, on: group)
        switch configuration {
        case .sqlite(let path):
            databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        case .sqliteMemory(let identifier):
            databases.use(.sqlite(.init(storage: .memory(identifier: identifier)), sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url):
            do {
                databases.use(try .postgres(url: url, sqlLogLevel: .trace), as: .psql)
            } catch {
                try? await pool.shutdownGracefully()
                try? await group.shutdownGracefully()
                throw StoreError.badDatabaseURL(configuration.description, reason: "\(error)")
            }
        }
        let store = Store(configuration: configuration, group: group, pool: pool, databases: databases, logger: logger)
        if !configuration.isPostgres {
            try await store.sql.raw("PRAGMA journal_mode=WAL").run()
            try await store.sql.raw("PRAGMA synchronous=NORMAL").run()
        }
        return store
    }

    /// The SQLKit view of the database, for aggregate queries and bulk inserts.
    public var sql: any SQLDatabase { database as! any SQLDatabase }

    /// True on PostgreSQL, where a few statements differ.
    public var isPostgres: Bool { configuration.isPostgres }

    /// Runs every migration not yet run (`gongkai migrate`).
    public func migrate() async throws {
        let migrator = migrator()
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Reverts every migration, newest first (tests and `gongkai migrate --revert-all`).
    public func revertAll() async throws {
        let migrator = migrator()
        try await migrator.setupIfNeeded().get()
        try await migrator.revertAllBatches().get()
    }

    /// Names of migrations already run, in order.
    public func appliedMigrations() async throws -> [String] {
        try await sql.raw("SELECT name FROM _fluent_migrations ORDER BY batch, name").all()
            .map { try $0.decode(column: "name", as: String.self) }
    }

    private func migrator() -> Migrator {
        let migrations = Migrations()
        migrations.add(StoreMigrations.all)
        return Migrator(
            databaseFactory: { [database] _ in database }, migrations: migrations, on: database.eventLoop,
            migrationLogLevel: .debug)
    }

    /// Closes connections and stops the threads.
    public func close() async {
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
        try? await eventLoopGroup.shutdownGracefully()
    }

    /// Runs `body` in one transaction: all of it happens or none of it does.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T
    {
        try await database.transaction(body)
    }
}
