import Foundation
import Testing

@testable import GongkaiStore

/// The CSV inputs the fuzzer (fuzz/README.md) found to crash or hang the import path, kept once fixed in
/// `Tests/Fixtures/fuzz/csv/` (unfixed ones wait in `Tests/Fixtures/fuzz/pending/csv/`, not read here). Each is
/// decoded, parsed and checked against every register as the import does before the database: it is refused
/// with a message in Chinese, or every field gets a value or a Chinese reason.
@Suite struct FuzzRegressionCSVTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz/csv")

    static let inputs: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { !$0.hasPrefix(".") }
        .sorted()

    @Test func thereAreRegressionInputs() {
        #expect(!Self.inputs.isEmpty, "Tests/Fixtures/fuzz/csv/ is empty")
    }

    @Test(arguments: FuzzRegressionCSVTests.inputs)
    func importChecksOrRefusesInChinese(_ name: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(name))
        let table: CSVTable
        do {
            table = try CSVTable(text: CSVTable.decode(data))
        } catch {
            #expect(Self.isChinese("\(error)"), "\(name): \(error)")
            return
        }
        for spec in RegisterCatalog.all {
            let positions = spec.columns.map { c in table.header.firstIndex { $0 == c.header || $0 == c.chinese } }
            for record in table.records {
                for (column, position) in zip(spec.columns, positions) {
                    let field = position.flatMap { $0 < record.fields.count ? record.fields[$0] : nil } ?? ""
                    if case .failure(let reason) = column.parse(field, context: ImportContext()) {
                        #expect(Self.isChinese(reason.text), "\(name) line \(record.line): \(reason.text)")
                    }
                }
            }
        }
    }

    static func isChinese(_ message: String) -> Bool {
        message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }
}
