import Foundation
import GongkaiCore

/// The formats `gongkai render` writes.
public enum RenderFormat: String, CaseIterable, Sendable {
    case html, docx, pdf, svg, text, json

    /// The usual file extension.
    public var fileExtension: String { self == .text ? "txt" : rawValue }
}

/// The one entry point for report files: reads any supported file by its extension and renders a report
/// to any supported format. `gongkai check` and `gongkai render` call these.
///
/// ```swift
/// let result = try ReportFiles.read(url: URL(fileURLWithPath: "report.pdf"))
/// let html = try ReportFiles.render(result.report, to: .html)
/// ```
public enum ReportFiles {
    /// The extensions `read(url:)` accepts.
    public static let readableExtensions = ["txt", "text", "json", "html", "htm", "docx", "pdf"]

    /// Reads a report file, choosing the reader by extension (.txt/.text, .json, .html/.htm, .docx, .pdf).
    public static func read(url: URL) throws -> ReadResult {
        let source = url.lastPathComponent
        let type = url.pathExtension.lowercased()
        guard readableExtensions.contains(type) else { throw ReportReadError.unsupportedType(file: source, type: type) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ReportReadError.other(file: source, message: "无法读取文件：\(error.localizedDescription)")
        }
        return try read(data: data, type: type, source: source)
    }

    /// Reads a report from bytes of the given type (an extension without the dot).
    public static func read(data: Data, type: String, source: String) throws -> ReadResult {
        switch type.lowercased() {
        case "txt", "text": return try TextBridge.read(data: data, source: source)
        case "json": return ReadResult(report: try ReportJSON.decode(data, source: source))
        case "html", "htm": return try HTMLReportReader.read(data: data, source: source)
        case "docx": return try DOCXReportReader.read(data: data, source: source)
        case "pdf": return try PDFReportReader.read(data: data, source: source)
        default: throw ReportReadError.unsupportedType(file: source, type: type)
        }
    }

    /// The report as a file of `format`; `compare` (the previous year's report) is used by the SVG 图解.
    public static func render(_ report: AnnualReport, to format: RenderFormat, compare: AnnualReport? = nil) throws -> Data {
        switch format {
        case .html: return Data(HTMLReportWriter.render(report).utf8)
        case .docx: return try DOCXReportWriter.render(report)
        case .pdf: return try PDFReportWriter.render(report)
        case .svg: return Data(SVGSummaryWriter.render(report, compare: compare).utf8)
        case .text: return Data(TextReportWriter.render(report).utf8)
        case .json: return try ReportJSON.encode(report)
        }
    }
}
