import Foundation
import GongkaiCalendarData
import GongkaiCore
import GongkaiOffice
import GongkaiStore
import Vapor
import VaporTesting

@testable import GongkaiWeb

/// An in-process server on a fresh SQLite file holding the demo agency, with the clock fixed at `now`.
enum WebTestApp {
    static let calendar = try! WorkingDayCalendar.official()

    /// Bcrypt at its lowest cost: the same algorithm as a server's, quick enough for many sign-ins.
    static let secrets = BcryptSecrets(cost: 4)
    /// The demo officer's password in these tests.
    static let staffPassword = "demo-pass-2024"

    /// `demo`: whether the database holds the demo agency (with `staffPassword` for its officer) or nothing at all.
    static func with(
        now: Moment = Moment(parsing: "2024-03-11 10:00")!, limits: InputLimits = .standard,
        rateLimits: RateLimits = .standard, site: SiteConfig = SiteConfig(), demo: Bool = true,
        _ body: (Application, Office) async throws -> Void
    ) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-web-\(UUID().uuidString).sqlite")
        let store = try await Store.open(.sqlite(path: path.path))
        let app = try await Application.make(.testing)
        do {
            try await store.migrate()
            let office = Office(database: store.database, calendar: calendar)
            if demo {
                _ = try await office.createDemo()
                try await office.staff(secrets).setPassword(staffPassword, username: DemoAgency.demoOfficer)
            }
            try GongkaiWeb.configure(
                app, office: office, clock: .fixed(now), site: site, limits: limits, rateLimits: rateLimits, secrets: secrets)
            try await body(app, office)
        } catch {
            try? await app.asyncShutdown()
            await store.close()
            throw error
        }
        try await app.asyncShutdown()
        await store.close()
        try? FileManager.default.removeItem(at: path)
    }

    /// A `multipart/form-data` body with `files` (name, bytes) in parts named `field`.
    static func multipart(_ files: [(String, Data)], field: String = "file", boundary: String = "gk-boundary")
        -> (HTTPHeaders, ByteBuffer)
    {
        var body = Data()
        for (name, data) in files {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(name)\"\r\n".utf8))
            body.append(Data("Content-Type: application/octet-stream\r\n\r\n".utf8))
            body.append(data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return (headers, ByteBuffer(data: body))
    }

    static func fixture(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/reports/\(name)")
        return try Data(contentsOf: url)
    }
}
