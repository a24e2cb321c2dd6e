import Foundation
import GongkaiCalendarData
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import SQLKit

/// The databases the office tests run on: an SQLite file always; a fresh PostgreSQL database of its own when
/// `GONGKAI_TEST_POSTGRES_URL` is set. The configuration is returned so a test can close and reopen the store.
enum OfficeBackend: String, CaseIterable, Sendable {
    case sqlite, postgres

    static let postgresURL = ProcessInfo.processInfo.environment["GONGKAI_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }
    static var available: [OfficeBackend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    static let calendar = try! WorkingDayCalendar.official()

    func freshConfiguration(_ name: String) async throws -> StoreConfiguration {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent(
                "gongkai-office-\(name)-\(UUID().uuidString).sqlite"
            ).path
            return .sqlite(path: path)
        case .postgres:
            var parts = URLComponents(string: Self.postgresURL!)!
            let database = "gk_office_" + name
            let admin = try await Store.open(.postgres(url: Self.postgresURL!))
            try await admin.sql.raw("DROP DATABASE IF EXISTS \(ident: database) WITH (FORCE)").run()
            try await admin.sql.raw("CREATE DATABASE \(ident: database)").run()
            await admin.close()
            parts.path = "/" + database
            return .postgres(url: parts.string!)
        }
    }

    /// Opens (and migrates) the store at `configuration`, runs `body` with an office on it, closes it.
    static func withOffice<T>(_ configuration: StoreConfiguration, _ body: (Office) async throws -> T) async throws -> T
    {
        let store = try await Store.open(configuration)
        do {
            try await store.migrate()
            let result = try await body(Office(database: store.database, calendar: calendar))
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}
