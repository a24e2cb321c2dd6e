import Foundation
import GongkaiStore
import Testing

/// The template CSVs in `templates/csv/` are the registers' own templates, and they import as they are.
@Suite struct TemplateTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func template(_ name: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent("templates/csv/\(name).csv"))
    }

    @Test func repositoryTemplatesMatchRegisters() throws {
        for spec in RegisterCatalog.all {
            #expect(String(decoding: try Self.template(spec.name), as: UTF8.self) == spec.templateCSV, "\(spec.name)")
        }
    }

    @Test(arguments: Backend.available)
    func templatesImport(_ backend: Backend) async throws {
        try await backend.withStore("templates") { store in
            let agency = try await AgencyRepository(store: store).create(
                Agency(name: "模板局", code: "TPL", level: .county, region: .beijing)
            ).id!
            let order = ["administrative-items", "applications"] + RegisterCatalog.all.map(\.name)
            var done: Set<String> = []
            for name in order where done.insert(name).inserted {
                let summary = try await RegisterImporter(store: store).importCSV(
                    try Self.template(name), fileName: "\(name).csv", register: try RegisterCatalog.named(name),
                    agencyID: agency, skipInvalid: false, into: store)
                #expect(summary.issues.isEmpty && summary.imported == 1, "\(name): \(summary.issues)")
            }
        }
    }
}
