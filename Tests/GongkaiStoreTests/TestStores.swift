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

    /// A fresh, migrated store named after the test; closed after `body`.
    func withStore(_ name: String, _ body: (Store) async throws -> Void) async throws {
        let store = try await Store.open(try await freshConfiguration(name))
        do {
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

/// Shown as skipped (not passed) when the PostgreSQL variants did not run.
@Test(.enabled(if: Backend.postgresURL != nil, "PostgreSQL 变体未运行：未设置 GONGKAI_TEST_POSTGRES_URL"))
func postgresVariantsRan() {
    #expect(Backend.available.contains(.postgres))
}
