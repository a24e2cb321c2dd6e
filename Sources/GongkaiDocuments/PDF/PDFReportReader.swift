import Foundation
import GongkaiCore

/// Reads a published PDF report: `pdftotext -layout` (Debian `poppler-utils`), a pre-normaliser for
/// layout text (page numbers, wrapped lines, labels split by stray spaces, multi-line table labels), then the
/// plain-text reader. A PDF we made from our own Word file also carries our metadata in its keywords.
///
/// ```swift
/// let result = try PDFReportReader.read(data: try Data(contentsOf: url), source: "report.pdf")
/// ```
public enum PDFReportReader {
    /// The Debian package that provides `pdftotext` and `pdfinfo`.
    public static let package = "poppler-utils"

    public static func read(data: Data, source: String) throws -> ReadResult {
        let layout = try layoutText(data, source: source)
        let metadata = try? keywords(data).flatMap(ReportMetadata.init(encoded:))
        let normalised = LayoutTextNormaliser.normalise(layout, fromOurWriter: metadata != nil)
        var result = try TextBridge.read(normalised, source: source)
        if let metadata {
            apply(metadata, to: &result, source: source)
        }
        return result
    }

    /// The PDF's text as `pdftotext -layout -enc UTF-8` gives it.
    public static func layoutText(_ data: Data, source: String) throws -> String {
        let tool = try ExternalTool.require(["pdftotext"], package: package)
        let directory = try ExternalTool.temporaryDirectory("gongkai-pdftotext")
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("report.pdf")
        try data.write(to: input)
        let output = try ExternalTool.run(tool, ["-layout", "-enc", "UTF-8", input.path, "-"])
        guard output.status == 0 else {
            throw ReportReadError.other(file: source, message: "pdftotext 无法读取此 PDF：\(output.stderr.prefix(300))")
        }
        let text = String(decoding: output.stdout, as: UTF8.self)
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ReportReadError.other(file: source, message: "PDF 中没有文字（可能是扫描件，需要先做文字识别）")
        }
        return text
    }

    /// The document keywords (`pdfinfo`), where our own PDFs keep agency, year, format and variant.
    static func keywords(_ data: Data) throws -> String? {
        guard let tool = ExternalTool.locate(["pdfinfo"]) else { return nil }
        let directory = try ExternalTool.temporaryDirectory("gongkai-pdfinfo")
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("report.pdf")
        try data.write(to: input)
        let output = try ExternalTool.run(tool, ["-enc", "UTF-8", input.path])
        let info = String(decoding: output.stdout, as: UTF8.self)
        return info.split(separator: "\n").first { $0.hasPrefix("Keywords:") }
            .map { String($0.dropFirst("Keywords:".count)).trimmingCharacters(in: .whitespaces) }
    }

    /// A centred title wraps over lines in a PDF; when the first lines read spell our title, take its own lines.
    static func restoreTitle(_ title: [String], in report: inout AnnualReport) {
        let want = ReportLabel.key(title.joined())
        let lines = report.title + report.preamble
        var got = ""
        for k in lines.indices {
            got += ReportLabel.key(lines[k])
            if got == want {
                report.title = title
                report.preamble = Array(lines[(k + 1)...])
                return
            }
            if !want.hasPrefix(got) { return }
        }
    }

    /// Our metadata overrides what the text reader guessed; a different format or variant is reported.
    static func apply(_ metadata: ReportMetadata, to result: inout ReadResult, source: String) {
        result.report.agency = metadata.agency
        result.report.year = metadata.year
        result.report.proactive.amountUnit = metadata.amountUnit
        if let title = metadata.title { restoreTitle(title, in: &result.report) }
        if metadata.format != result.report.format || metadata.variant != result.report.variant {
            result.findings.append(
                Finding(
                    rule: "read.pdfMetadata", severity: .warning, location: ReportLocation(section: 2),
                    message: "\(source)：文件属性记载为\(metadata.format.rawValue)版格式（\(metadata.variant.rawValue)），"
                        + "正文读出的是\(result.report.format.rawValue)版格式（\(result.report.variant.rawValue)）"))
        }
    }
}
