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
/// let result = try ReportFiles.read(url: URL(fileURLWithPath: "report.pdf"), limits: .standard)
/// let html = try ReportFiles.render(result.report, to: .html)
/// ```
public enum ReportFiles {
    /// The extensions `read(url:)` accepts.
    public static let readableExtensions = ["txt", "text", "json", "html", "htm", "docx", "pdf"]

    /// Reads a report file, choosing the reader by extension (.txt/.text, .json, .html/.htm, .docx, .pdf);
    /// a file larger than `limits.maxFileBytes` is refused before it is read.
    public static func read(url: URL, limits: InputLimits = .standard) throws(ReportReadError) -> ReadResult {
        let source = url.lastPathComponent
        let type = url.pathExtension.lowercased()
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .other(file: source, message: "文件不存在")
        }
        guard !isDirectory.boolValue else { throw .other(file: source, message: "这是一个目录，不是文件") }
        guard readableExtensions.contains(type) else { throw .unsupportedType(file: source, type: type) }
        return try read(data: contents(of: url, limits: limits), type: type, source: source, limits: limits)
    }

    /// The bytes of the readable file at `url`, at most `limits.maxFileBytes` of them.
    private static func contents(of url: URL, limits: InputLimits) throws(ReportReadError) -> Data {
        let source = url.lastPathComponent
        let fm = FileManager.default
        guard fm.isReadableFile(atPath: url.path) else {
            throw .other(file: source, message: "没有读取这个文件的权限")
        }
        let size = (try? fm.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
        guard size <= Int64(limits.maxFileBytes) else { throw fileTooLarge(size, source, limits) }
        do { return try Data(contentsOf: url) } catch {
            throw .other(file: source, message: "无法读取文件（\(error.localizedDescription)）")
        }
    }

    private static func fileTooLarge(_ size: Int64, _ source: String, _ limits: InputLimits) -> ReportReadError {
        .limitExceeded(
            LimitExceeded(limit: .maxFileBytes, allowed: Int64(limits.maxFileBytes), found: size, place: source))
    }

    /// Reads a report from bytes of the given type (an extension without the dot), within `limits`.
    public static func read(
        data: Data, type: String, source: String, limits: InputLimits = .standard
    ) throws(ReportReadError) -> ReadResult {
        guard data.count <= limits.maxFileBytes else { throw fileTooLarge(Int64(data.count), source, limits) }
        do {
            switch type.lowercased() {
            case "txt", "text": return try TextBridge.read(data: data, source: source, limits: limits)
            case "json": return ReadResult(report: try ReportJSON.decode(data, source: source, limits: limits))
            case "html", "htm": return try HTMLReportReader.read(data: data, source: source, limits: limits)
            case "docx": return try DOCXReportReader.read(data: data, source: source, limits: limits)
            case "pdf": return try PDFReportReader.read(data: data, source: source)
            default: throw ReportReadError.unsupportedType(file: source, type: type)
            }
        } catch let e as ReportReadError {
            throw e
        } catch {
            throw .other(file: source, message: "无法读取（\(error.localizedDescription)）")
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
