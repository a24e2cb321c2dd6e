import Foundation
import GongkaiCore
@testable import GongkaiDocuments

/// The report readers under fuzzing (the CSV reader has its own harness, gongkai-fuzz-csv). Each reads the input
/// as a server would read an upload and, when a report comes out, runs the checker on it (alone and against
/// itself as the previous year), as `gongkai check` does.
enum FuzzReader: String, CaseIterable {
    case text, html, docx, pdftext, json

    /// The reader named by the environment variable `GONGKAI_FUZZ_READER` (read once, before the first input).
    static let selected: FuzzReader = {
        let name = ProcessInfo.processInfo.environment["GONGKAI_FUZZ_READER"] ?? ""
        guard let reader = FuzzReader(rawValue: name) else {
            let names = allCases.map(\.rawValue).joined(separator: " ")
            FileHandle.standardError.write(Data("GONGKAI_FUZZ_READER must be one of: \(names)\n".utf8))
            exit(64)
        }
        return reader
    }()

    func run(_ data: Data) {
        switch self {
        case .text: check { try TextBridge.read(data: data, source: "fuzz.txt") }
        case .html: check { try HTMLReportReader.read(data: data, source: "fuzz.html") }
        case .docx: check { try DOCXReportReader.read(data: data, source: "fuzz.docx") }
        case .json: check { ReadResult(report: try ReportJSON.decode(data, source: "fuzz.json")) }
        case .pdftext: readLayoutText(data)
        }
    }

    /// The PDF path after `pdftotext -layout`: its UTF-8 output, normalised, then the text reader — both as a
    /// foreign PDF and as one from our own writer.
    private func readLayoutText(_ data: Data) {
        let layout = String(decoding: data, as: UTF8.self)
        for ours in [false, true] {
            check { try TextBridge.read(LayoutTextNormaliser.normalise(layout, fromOurWriter: ours), source: "fuzz.pdf") }
        }
    }

    private func check(_ read: () throws -> ReadResult) {
        guard let result = try? read() else { return }
        let checker = ReportChecker()
        _ = checker.check(result.report)
        _ = checker.check(previous: result.report, current: result.report)
    }
}
