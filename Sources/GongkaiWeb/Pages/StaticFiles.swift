import Foundation
import Vapor

/// `/static/{file}`: the stylesheet and scripts in `Resources/Public`, and nothing else, cached for a day.
enum StaticFiles {
    static let directory: URL? = Bundle.module.url(forResource: "Resources", withExtension: nil)?
        .appendingPathComponent("Public")

    /// The names served, read once: a request for anything else is a 404, whatever its path says.
    static let names: Set<String> = {
        guard let directory, let list = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return Set(list)
    }()

    @Sendable static func serve(_ req: Request) async throws -> Response {
        guard let name = req.parameters.get("file"), names.contains(name), let directory else { throw Abort(.notFound) }
        let response = try await req.fileio.asyncStreamFile(at: directory.appendingPathComponent(name).path)
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400")
        return response
    }
}
