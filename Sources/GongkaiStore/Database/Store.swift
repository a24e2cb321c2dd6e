import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOConcurrencyHelpers
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
    private let closed = NIOLockedValueBox(false)
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

    /// Opens the database named by `configuration` (creating an SQLite file if missing) and makes sure it answers:
    /// an SQLite file in a directory that does not exist, a file that is not a database or a PostgreSQL server that
    /// cannot be reached is refused here with a `StoreError` naming the problem, and everything opened so far is
    /// shut down (never left to trap in a pool's deinit).
    public static func open(_ configuration: StoreConfiguration, logger: Logger = Store.quietLogger)
        async throws -> Store
    {
        if case .sqlite(let path) = configuration { try checkDirectory(of: path, configuration) }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let databases = Databases(threadPool: pool, on: group)
        do {
            try register(configuration, in: databases)
        } catch {
            await databases.shutdownAsync()
            try? await pool.shutdownGracefully()
            try? await group.shutdownGracefully()
            throw error
        }
        let store = Store(configuration: configuration, group: group, pool: pool, databases: databases, logger: logger)
        do {
            if configuration.isPostgres {
                try await store.sql.raw("SELECT 1").run()
            } else {
                try await store.sql.raw("PRAGMA journal_mode=WAL").run()
                try await store.sql.raw("PRAGMA synchronous=NORMAL").run()
            }
            return store
        } catch {
            await store.close()
            let mapped = StoreError.mapping(error, database: configuration)
            throw mapped is StoreError ? mapped : StoreError.database(configuration.description, reason: "\(error)")
        }
    }

    private static func register(_ configuration: StoreConfiguration, in databases: Databases) throws {
        switch configuration {
        case .sqlite(let path):
            databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        case .sqliteMemory(let identifier):
            databases.use(.sqlite(.init(storage: .memory(identifier: identifier)), sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url):
            do {
                databases.use(try .postgres(url: url, sqlLogLevel: .trace), as: .psql)
            } catch {
                throw StoreError.badDatabaseURL(configuration.description, reason: "\(error)")
            }
        }
    }

    /// The directory an SQLite file is to be created in must exist (SQLite's own message only says "unable to open").
    private static func checkDirectory(of path: String, _ configuration: StoreConfiguration) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError.database(configuration.description, reason: "目录 \(directory) 不存在，无法创建或打开数据库文件")
        }
    }

    /// The default logger: critical messages only. Every failure reaches the caller as a `StoreError` in Chinese, so
    /// the drivers' own error logs (English, with type names, on standard error) are left out; pass a logger to
    /// `open` to see them.
    public static var quietLogger: Logger {
        var logger = Logger(label: "gongkai.store")
        logger.logLevel = .critical
        return logger
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

    /// Closes connections and stops the threads (once; later calls do nothing).
    public func close() async {
        guard
            closed.withLockedValue({ was in
                defer { was = true }
                return !was
            })
        else { return }
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
        try? await eventLoopGroup.shutdownGracefully()
    }

    /// The last resort for a store dropped without `close()` on some error path: shut down here, synchronously,
    /// rather than trap in the connection pool's deinit (not possible on an event loop thread, where blocking
    /// would deadlock).
    deinit {
        guard !closed.withLockedValue({ $0 }), MultiThreadedEventLoopGroup.currentEventLoop == nil else { return }
        databases.shutdown()
        try? threadPool.syncShutdownGracefully()
        try? eventLoopGroup.syncShutdownGracefully()
    }

    /// Runs `body` in one transaction: all of it happens or none of it does.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T
    {
        try await database.transaction(body)
    }
}
