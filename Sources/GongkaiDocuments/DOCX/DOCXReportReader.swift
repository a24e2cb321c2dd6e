import Foundation
import GongkaiCore

/// Reads a report from a Word file: ours exactly, and files written by Word, WPS or LibreOffice —
/// tables with `w:gridSpan`/`w:vMerge`, text split across runs, fields, tracked insertions, content controls.
/// The package and its XML are read by `ZIPPackage` and `DOCXXMLParser` within `limits` (decompressed size,
/// archive entries, nesting depth, table columns); a damaged or hostile file is refused with a message naming
/// the file and part, never a trap.
///
/// ```swift
/// let result = try DOCXReportReader.read(data: try Data(contentsOf: url), source: "report.docx")
/// ```
public enum DOCXReportReader {
    static let documentPart = "word/document.xml"

    public static func read(data: Data, source: String, limits: InputLimits = .standard) throws -> ReadResult {
        do { return try readPackage(data, source: source, limits: limits) } catch let limit as LimitExceeded {
            throw ReportReadError.limitExceeded(limit)
        }
    }

    static func readPackage(_ data: Data, source: String, limits: InputLimits) throws -> ReadResult {
        var package = try ZIPPackage(data: data, source: source, limits: limits)
        func xml(_ part: String) throws -> DOCXElement? {
            try package.part(part).map { try DOCXXMLParser.parse($0, source: source, part: part, limits: limits) }
        }
        guard let document = try xml(documentPart) else {
            throw ReportReadError.other(file: source, message: "DOCX 文件中没有 \(documentPart)")
        }
        let keywords = try xml("docProps/core.xml")?.first(named: "keywords")
        let application = try xml("docProps/app.xml")?.first(named: "Application")
        let metadata = keywords.flatMap { ReportMetadata(encoded: $0.text) }
        let own = application?.text == DOCXReportWriter.application && metadata != nil
        guard let body = document.child("body") else {
            throw ReportReadError.other(file: source, message: "\(documentPart) 中没有 w:body")
        }
        var walker = DOCXBlockWalker(own: own, tables: DOCXTableReader(own: own, source: source, limits: limits))
        try walker.walk(body)
        var blocks = walker.blocks
        if own { blocks = numberHeadings(blocks) }
        var assembler = ReportBlockAssembler(source: source, metadata: own ? metadata : nil, limits: limits)
        return try assembler.assemble(blocks)
    }

    /// Our own files mark the six section headings with the Heading1 style; number them in order.
    static func numberHeadings(_ blocks: [ReportBlock]) -> [ReportBlock] {
        var n = 0
        return blocks.map { block in
            guard case .line(let text, .heading) = block else { return block }
            n += 1
            return .line(text, .heading(section: n))
        }
    }
}

/// Walks `w:body` into report blocks, in document order, with an explicit stack (no recursion over the input).
struct DOCXBlockWalker {
    let own: Bool
    var tables: DOCXTableReader
    var blocks: [ReportBlock] = []

    mutating func walk(_ container: DOCXElement) throws {
        var pending = Array(container.children.reversed())
        while let e = pending.popLast() {
            switch e.localName {
            case "p": paragraph(e)
            case "tbl" where e.contains(named: "tbl"):
                // A layout table holding tables: its cells' content is read in order as if it stood alone.
                let cells = e.children.filter { $0.localName == "tr" }.flatMap {
                    $0.children.filter { $0.localName == "tc" }
                }
                pending.append(contentsOf: cells.flatMap(\.children).reversed())
            case "tbl": blocks.append(.table(try tables.grid(e)))
            case "sdt", "sdtContent", "customXml", "ins", "moveTo": pending.append(contentsOf: e.children.reversed())
            default: continue
            }
        }
    }

    mutating func paragraph(_ p: DOCXElement) {
        var text = Self.text(of: p)
        if !own { text = text.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard own || !text.isEmpty else { return }
        let role: ReportBlock.Role
        switch p.child("pPr")?.property("pStyle") ?? "" {
        case "Title": role = .title
        case "Heading1" where own: role = .heading(section: nil)
        default: role = .text
        }
        blocks.append(.line(text, role))
    }

    static let invisible: Set<Substring> = [
        "softHyphen", "del", "delText", "instrText", "pPr", "rPr", "moveFrom", "fldData", "drawing", "pict", "object",
    ]

    /// The visible text of a paragraph: runs in order, tabs, breaks; deleted text and field codes left out.
    static func text(of e: DOCXElement) -> String {
        var out = ""
        var pending = Array(e.children.reversed())
        while let c = pending.popLast() {
            switch c.localName {
            case "t": out += c.text
            case "tab", "ptab": out += "\t"
            case "br", "cr": out += "\n"
            case "noBreakHyphen": out += "-"
            case let name where invisible.contains(name): continue
            default: pending.append(contentsOf: c.children.reversed())
            }
        }
        return out
    }
}
