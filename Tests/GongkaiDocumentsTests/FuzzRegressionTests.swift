import Foundation
import GongkaiCore
import Testing

@testable import GongkaiDocuments

/// The inputs the fuzzer (fuzz/README.md) found to crash or hang a reader, kept once fixed in
/// `Tests/Fixtures/fuzz/<reader>/` (inputs whose fix is not merged yet wait in `Tests/Fixtures/fuzz/pending/`,
/// which this suite does not read). Each is read and checked as the fuzz harness and `gongkai check` do it: a
/// report comes out and the checker runs on it, or the reader refuses it with a message in Chinese.
@Suite struct FuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz")
    static let readers = ["text", "html", "docx", "pdftext", "json"]

    /// Every regression input of the report readers, as "reader/file".
    static let inputs: [String] = readers.flatMap { reader in
        let files = try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(reader).path)
        return (files ?? []).filter { !$0.hasPrefix(".") }.sorted().map { "\(reader)/\($0)" }
    }

    @Test func everyReaderHasRegressionInputs() {
        for reader in Self.readers {
            #expect(Self.inputs.contains { $0.hasPrefix(reader + "/") }, "Tests/Fixtures/fuzz/\(reader)/ is empty")
        }
    }

    @Test(arguments: FuzzRegressionTests.inputs)
    func readsAndChecksOrRefusesInChinese(_ input: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(input))
        let reader = String(input.prefix { $0 != "/" })
        do {
            for result in try Self.read(data, with: reader) {
                let checker = ReportChecker()
                let findings = checker.check(result.report) + checker.check(previous: result.report, current: result.report)
                #expect(findings.allSatisfy { !$0.message.isEmpty })
            }
        } catch {
            #expect(FuzzMessage.isChinese("\(error)"), "\(input): \(error)")
        }
    }

    /// The reader's results for one input; the PDF layout text is read as a foreign PDF and as one of ours.
    static func read(_ data: Data, with reader: String) throws -> [ReadResult] {
        switch reader {
        case "text": return [try TextBridge.read(data: data, source: "fuzz.txt")]
        case "html": return [try HTMLReportReader.read(data: data, source: "fuzz.html")]
        case "docx": return [try DOCXReportReader.read(data: data, source: "fuzz.docx")]
        case "json": return [ReadResult(report: try ReportJSON.decode(data, source: "fuzz.json"))]
        default:
            let layout = String(decoding: data, as: UTF8.self)
            return try [false, true].map {
                try TextBridge.read(LayoutTextNormaliser.normalise(layout, fromOurWriter: $0), source: "fuzz.pdf")
            }
        }
    }
}

/// What makes a refusal readable here: it says something in Chinese (not only an English library error).
enum FuzzMessage {
    static func isChinese(_ message: String) -> Bool {
        message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }
}
