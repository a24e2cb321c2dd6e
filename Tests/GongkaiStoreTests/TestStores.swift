import Foundation
import GongkaiStore
import SQLKit
import Testing

/// The databases every store test runs on: SQLite always; PostgreSQL when `GONGKAI_TEST_POSTGRES_URL` is set
/// (each test gets its own freshly created PostgreSQL database, so tests may run in parallel).
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    static let postgresURL = ProcessInfo.processInfo.environment["GONGKAI_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// SQLite, plus PostgreSQL when configured.
    static var available: [Backend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }

    /// PostgreSQL stores handed to tests so far (in this process), each checked to be a PostgreSQL server.
    static let postgresRuns = RunCounter()

    /// A fresh, migrated store named after the test; closed after `body`.
    func withStore(_ name: String, _ body: (Store) async throws -> Void) async throws {
        let store = try await Store.open(try await freshConfiguration(name))
        do {
            if self == .postgres {
                let version = try await store.sql.raw("SELECT version() AS v").first()?.decode(
                    column: "v", as: String.self)
                try #require(
                    version?.hasPrefix("PostgreSQL") == true, "not a PostgreSQL server: \(String(describing: version))")
                Backend.postgresRuns.add()
            }
            try await store.migrate()
            try await body(store)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    func freshConfiguration(_ name: String) async throws -> StoreConfiguration {
        switch self {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
                "gongkai-store-tests", isDirectory: true)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let path = dir.appendingPathComponent("\(name)-\(UUID().uuidString).sqlite").path
            return .sqlite(path: path)
        case .postgres:
            guard let url = Backend.postgresURL, var parts = URLComponents(string: url) else {
                throw StoreError.badDatabaseURL("GONGKAI_TEST_POSTGRES_URL", reason: "未设置")
            }
            let database = "gk_test_" + name.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "_" }
            let admin = try await Store.open(.postgres(url: url))
            do {
                try await admin.sql.raw("DROP DATABASE IF EXISTS \(ident: database) WITH (FORCE)").run()
                try await admin.sql.raw("CREATE DATABASE \(ident: database)").run()
            } catch {
                await admin.close()
                throw error
            }
            await admin.close()
            parts.path = "/" + database
            return .postgres(url: parts.string!)
        }
    }
}

/// Shown as skipped (not passed) when `GONGKAI_TEST_POSTGRES_URL` is not set. When it is, the test runs a store
/// through the same harness the PostgreSQL variants use and fails unless it reached a PostgreSQL server, wrote and
/// read a row there, and was counted as a PostgreSQL run — a URL that reaches no server, or a harness that handed
/// out SQLite, fails here instead of passing unnoticed.
@Test(.enabled(if: Backend.postgresURL != nil, "PostgreSQL 变体未运行：未设置 GONGKAI_TEST_POSTGRES_URL"))
func postgresVariantsRan() async throws {
    #expect(Backend.available == [.sqlite, .postgres])
    let before = Backend.postgresRuns.count
    try await Backend.postgres.withStore("variantsran") { store in
        #expect(store.isPostgres)
        let agency = try await AgencyRepository(store: store).create(
            Agency(name: "变体局", code: "PG", level: .county, region: .national))
        #expect(try await AgencyRepository(store: store).all().map(\.code) == ["PG"])
        #expect(agency.id != nil)
    }
    #expect(Backend.postgresRuns.count > before)
}

/// A count shared by concurrently running tests.
final class RunCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}
