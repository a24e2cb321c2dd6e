import Foundation
import GongkaiCore
import ZIPFoundation

@testable import GongkaiDocuments

/// Hostile DOCX files built in the tests: packages of chosen parts (deflated or stored), documents around a body,
/// tables of chosen spans, and byte patches of the ZIP structure.
enum HostileDOCX {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    /// A ZIP of the given parts, in order; `[Content_Types].xml` first.
    static func zip(_ parts: [(String, Data)], method: CompressionMethod = .deflate) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in [("[Content_Types].xml", Data(DOCXParts.contentTypes.utf8))] + parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: method
            ) { p, n in data.subdata(in: Int(p)..<(Int(p) + n)) }
        }
        guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return bytes
    }

    /// A package whose `word/document.xml` is `xml`.
    static func docx(_ xml: String, method: CompressionMethod = .deflate) throws -> Data {
        try zip([("word/document.xml", Data(xml.utf8))], method: method)
    }

    static func document(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(w)><w:body>\(body)</w:body></w:document>"
    }

    static func cell(_ text: String, span: String? = nil, merge: String? = nil) -> String {
        let spanXML = span.map { "<w:gridSpan w:val=\"\($0)\"/>" } ?? ""
        let mergeXML = merge.map { $0.isEmpty ? "<w:vMerge/>" : "<w:vMerge w:val=\"\($0)\"/>" } ?? ""
        return "<w:tc><w:tcPr>\(spanXML)\(mergeXML)</w:tcPr><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>"
    }

    static func row(_ cells: [String], gridBefore: String? = nil) -> String {
        let before = gridBefore.map { "<w:trPr><w:gridBefore w:val=\"\($0)\"/></w:trPr>" } ?? ""
        return "<w:tr>\(before)\(cells.joined())</w:tr>"
    }

    static func table(_ rows: [String]) -> String { "<w:tbl>\(rows.joined())</w:tbl>" }

    /// Where the central directory starts (from the end-of-central-directory record, no comment).
    static func directoryOffset(_ data: Data) -> Int { Int(u32(data, data.count - 22 + 16)) }

    /// The offset of the central directory entry for `name`.
    static func directoryEntry(_ data: Data, _ name: String) -> Int? {
        var at = directoryOffset(data)
        while at + 46 <= data.count - 22 {
            let length = Int(u16(data, at + 28))
            let entryName = String(
                decoding: data[(data.startIndex + at + 46)..<(data.startIndex + at + 46 + length)], as: UTF8.self)
            if entryName == name { return at }
            at += 46 + length + Int(u16(data, at + 30)) + Int(u16(data, at + 32))
        }
        return nil
    }

    static func u16(_ d: Data, _ at: Int) -> UInt16 {
        UInt16(d[d.startIndex + at]) | UInt16(d[d.startIndex + at + 1]) << 8
    }
    static func u32(_ d: Data, _ at: Int) -> UInt32 { UInt32(u16(d, at)) | UInt32(u16(d, at + 2)) << 16 }

    static func patch(_ d: inout Data, _ at: Int, u32 value: UInt32) {
        for k in 0..<4 { d[d.startIndex + at + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
    }

    /// The limit a reader refused the input for (`ReportReadError.limitExceeded`), or nil when it threw nothing
    /// or something else.
    static func limit(_ body: () throws -> Any) -> LimitExceeded? {
        do {
            _ = try body()
        } catch ReportReadError.limitExceeded(let limit) {
            return limit
        } catch {}
        return nil
    }

    /// The error `body` throws, described as the CLI shows it.
    static func message(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return String(describing: error)
        }
    }
}
