import Foundation
import GongkaiCore
import GongkaiDocuments
import MultipartKit
import Vapor

/// The files of a `multipart/form-data` body: every part named `field` (or `field[]`) with a file name, in order;
/// and its short text fields (a form's token), by name.
struct UploadedFiles {
    var files: [(name: String, data: Data)]
    var fields: [String: String]

    /// The files, or problem details: not multipart (415), larger than `maxBytes` in all (413), no file or more
    /// than `maxFiles` (422), a broken body (400).
    static func parse(_ req: Request, field: String, maxFiles: Int, maxBytes: Int) throws -> UploadedFiles {
        guard let type = req.headers.contentType, type.type == "multipart", type.subType == "form-data",
            let boundary = type.parameters["boundary"], !boundary.isEmpty
        else {
            throw ProblemDetails(.unsupportedMediaType, detail: "请以 multipart/form-data 上传，每个文件放在名为 \(field) 的字段中")
        }
        // The route collects at most `maxBytes` from the network; this holds for a body handed over whole, too.
        if let size = req.body.data?.readableBytes, size > maxBytes {
            throw ProblemDetails(.payloadTooLarge, detail: "上传的内容过大（上限 \(maxBytes) 字节，实为 \(size) 字节）")
        }
        guard let body = req.body.data else {
            throw ProblemDetails(
                .unprocessableEntity, detail: "没有上传文件", errors: [.init(field: field, message: "请至少选择一个报告文件")])
        }
        final class Collector {
            var parts: [(headers: [String: String], data: Data)] = []
            var headers: [String: String] = [:]
            var data = Data()
        }
        let c = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in c.headers[name.lowercased()] = value }
        parser.onBody = { buffer in c.data.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            c.parts.append((c.headers, c.data))
            (c.headers, c.data) = ([:], Data())
        }
        do { try parser.execute(body) } catch {
            throw ProblemDetails(.badRequest, detail: "上传的表单无法读取（multipart 格式错误）")
        }
        var fields: [String: String] = [:]
        for part in c.parts {
            let disposition = Disposition(part.headers["content-disposition"] ?? "")
            if disposition.fileName == nil, let name = disposition.name, part.data.count <= 1024 {
                fields[name] = String(decoding: part.data, as: UTF8.self)
            }
        }
        let files = c.parts.compactMap { part -> (name: String, data: Data)? in
            let disposition = Disposition(part.headers["content-disposition"] ?? "")
            guard disposition.name == field || disposition.name == field + "[]", let file = disposition.fileName,
                !file.isEmpty
            else { return nil }
            return (file, part.data)
        }
        guard !files.isEmpty else {
            throw ProblemDetails(
                .unprocessableEntity, detail: "没有上传文件", errors: [.init(field: field, message: "请至少选择一个报告文件")])
        }
        guard files.count <= maxFiles else {
            throw ProblemDetails(
                .unprocessableEntity, detail: "一次最多上传 \(maxFiles) 个文件，实为 \(files.count) 个",
                errors: [.init(field: field, message: "文件过多")])
        }
        return UploadedFiles(files: files, fields: fields)
    }

    /// Report files in parts named `file` (at most `PublicAPI.maxCheckFiles`, `limits.maxFileBytes` in all).
    static func reports(_ req: Request, limits: InputLimits) throws -> UploadedFiles {
        try parse(req, field: "file", maxFiles: PublicAPI.maxCheckFiles, maxBytes: limits.maxFileBytes)
    }

    /// The files read and checked as `gongkai check` does, off the event loop.
    func checked(on req: Request, limits: InputLimits) async throws -> [ReportCheck] {
        let files = files
        return try await req.application.threadPool.runIfActive { ReportBatch.check(uploads: files, limits: limits) }
    }

    /// `form-data; name="file"; filename="报告.txt"` (also `filename*=UTF-8''…`), read leniently.
    struct Disposition {
        var name: String?
        var fileName: String?

        init(_ header: String) {
            for item in header.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let eq = item.firstIndex(of: "=") else { continue }
                let key = item[..<eq].lowercased()
                var value = String(item[item.index(after: eq)...])
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                switch key {
                case "name": name = value
                case "filename": fileName = fileName ?? value
                case "filename*":
                    let encoded = value.components(separatedBy: "''").last ?? value
                    fileName = encoded.removingPercentEncoding ?? encoded
                default: break
                }
            }
            // A browser may send the path of the file on the user's machine: keep the last component only.
            fileName = fileName.map { String($0.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "") }
        }
    }
}
