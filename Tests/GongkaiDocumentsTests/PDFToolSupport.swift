import Foundation
import Testing
@testable import GongkaiDocuments

/// External tools in tests: a test that needs a missing tool fails with a message naming the Debian package,
/// unless `GONGKAI_SKIP_EXTERNAL_TOOLS=1`, when it is skipped with that message shown.
enum PDFToolSupport {
    static let skipWhenMissing = ProcessInfo.processInfo.environment["GONGKAI_SKIP_EXTERNAL_TOOLS"] == "1"

    static let tools: [(names: [String], package: String)] = [
        (["pdftotext"], "poppler-utils"), (["pdfinfo"], "poppler-utils"), (["pdftoppm"], "poppler-utils"),
        (["soffice", "libreoffice"], "libreoffice-writer-nogui"),
    ]

    static func missing(_ names: [String]) -> [String] {
        tools.filter { tool in names.contains(tool.names[0]) && ExternalTool.locate(tool.names) == nil }
            .map { "\($0.names[0])（Debian 软件包 \($0.package)）" }
    }

    /// Enabled unless a tool is missing and skipping was asked for; the skip names the tools.
    static func needs(_ names: String...) -> ConditionTrait {
        let absent = missing(names)
        return .enabled(
            if: absent.isEmpty || !skipWhenMissing,
            Comment(rawValue: "GONGKAI_SKIP_EXTERNAL_TOOLS=1：缺少 \(absent.joined(separator: "、"))，跳过此测试"))
    }

    /// Records a failure naming the missing tools; true when all are present.
    static func require(_ names: String..., sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let absent = missing(names)
        if absent.isEmpty { return true }
        Issue.record(
            "缺少 \(absent.joined(separator: "、"))：请安装，或设置 GONGKAI_SKIP_EXTERNAL_TOOLS=1 明确跳过",
            sourceLocation: sourceLocation)
        return false
    }

    /// Runs a tool and returns its standard output as text.
    static func run(_ name: String, _ arguments: [String]) throws -> String {
        let tool = try ExternalTool.require([name], package: "poppler-utils")
        let output = try ExternalTool.run(tool, arguments)
        return String(decoding: output.stdout, as: UTF8.self)
    }

    /// Where previews go when `GONGKAI_PREVIEW_DIR` is set (for a look at the PNG by eye), else a temp dir.
    static func outputDirectory() throws -> URL {
        if let dir = ProcessInfo.processInfo.environment["GONGKAI_PREVIEW_DIR"] {
            let url = URL(fileURLWithPath: dir)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        }
        return try ExternalTool.temporaryDirectory("gongkai-pdf-test")
    }
}
