import Foundation
import GongkaiCore
import SWXMLHash
import ZIPFoundation

/// Reads a report from a Word file: ours exactly, and files written by Word, WPS or LibreOffice —
/// tables with `w:gridSpan`/`w:vMerge`, text split across runs, fields, tracked insertions, content controls.
///
/// ```swift
/// let result = try DOCXReportReader.read(data: try Data(contentsOf: url), source: "report.docx")
/// ```
public enum DOCXReportReader {
    public static func read(data: Data, source: String) throws -> ReadResult {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw ReportReadError.other(file: source, message: "不是有效的 DOCX 文件（无法作为 ZIP 打开）")
        }
        guard let document = try part("word/document.xml", in: archive) else {
            throw ReportReadError.other(file: source, message: "DOCX 文件中没有 word/document.xml")
        }
        let keywords = try part("docProps/core.xml", in: archive).flatMap { element(named: "keywords", in: XMLHash.parse($0)) }
        let application = try part("docProps/app.xml", in: archive).flatMap { element(named: "Application", in: XMLHash.parse($0)) }
        let metadata = keywords.flatMap { ReportMetadata(encoded: $0.text) }
        let own = application?.text == DOCXReportWriter.application && metadata != nil
        guard let body = XMLHash.parse(document).children.first?.element.flatMap({ child(named: "body", of: $0) }) else {
            throw ReportReadError.other(file: source, message: "word/document.xml 中没有 w:body")
        }
        var walker = DOCXBlockWalker(own: own)
        walker.walk(body)
        var blocks = walker.blocks
        if own { blocks = numberHeadings(blocks) }
        var assembler = ReportBlockAssembler(source: source, metadata: own ? metadata : nil)
        return try assembler.assemble(blocks)
    }

    static func part(_ path: String, in archive: Archive) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
        return data
    }

    static func localName(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    static func child(named name: String, of element: XMLElement) -> XMLElement? {
        element.children.lazy.compactMap { $0 as? XMLElement }.first { localName($0.name) == name }
    }

    static func element(named name: String, in indexer: XMLIndexer) -> XMLElement? {
        func search(_ e: XMLElement) -> XMLElement? {
            if localName(e.name) == name { return e }
            for c in e.children { if let x = c as? XMLElement, let hit = search(x) { return hit } }
            return nil
        }
        return indexer.children.first?.element.flatMap(search)
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

/// Walks `w:body` into report blocks.
struct DOCXBlockWalker {
    let own: Bool
    var blocks: [ReportBlock] = []

    static func name(_ e: XMLElement) -> String { DOCXReportReader.localName(e.name) }
    static func elements(_ e: XMLElement) -> [XMLElement] { e.children.compactMap { $0 as? XMLElement } }

    mutating func walk(_ container: XMLElement) {
        for e in Self.elements(container) {
            switch Self.name(e) {
            case "p": paragraph(e)
            case "tbl": table(e)
            case "sdt", "sdtContent", "customXml", "ins", "moveTo": walk(e)
            default: continue
            }
        }
    }

    mutating func paragraph(_ p: XMLElement) {
        var text = Self.text(of: p)
        if !own { text = text.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard own || !text.isEmpty else { return }
        let style = Self.elements(p).first { Self.name($0) == "pPr" }
            .flatMap { Self.elements($0).first { Self.name($0) == "pStyle" } }
            .flatMap { $0.attribute(by: "w:val")?.text } ?? ""
        let role: ReportBlock.Role
        switch style {
        case "Title": role = .title
        case "Heading1" where own: role = .heading(section: nil)
        default: role = .text
        }
        blocks.append(.line(text, role))
    }

    mutating func table(_ tbl: XMLElement) {
        if Self.containsTable(tbl, depth: 0) {
            for tr in Self.elements(tbl) where Self.name(tr) == "tr" {
                for tc in Self.elements(tr) where Self.name(tc) == "tc" { walk(tc) }
            }
            return
        }
        blocks.append(.table(DOCXTableReader.grid(tbl, own: own)))
    }

    static func containsTable(_ e: XMLElement, depth: Int) -> Bool {
        elements(e).contains { name($0) == "tbl" && depth > 0 || containsTable($0, depth: depth + 1) }
    }

    /// The visible text of a paragraph: runs in order, tabs, breaks; deleted text and field codes left out.
    static func text(of e: XMLElement) -> String {
        var out = ""
        for c in elements(e) {
            switch name(c) {
            case "t": out += c.text
            case "tab", "ptab": out += "\t"
            case "br", "cr": out += "\n"
            case "noBreakHyphen": out += "-"
            case "softHyphen", "del", "delText", "instrText", "pPr", "rPr", "moveFrom", "fldData", "drawing", "pict", "object":
                continue
            default: out += text(of: c)
            }
        }
        return out
    }
}

/// Reads `w:tbl` rows into a grid: `w:gridSpan` is a column span, `w:vMerge` continuations extend the
/// row span of the cell above, `w:gridBefore` skips columns.
enum DOCXTableReader {
    static func grid(_ tbl: XMLElement, own: Bool) -> TableGrid {
        var rows: [[TableGrid.Cell]] = []
        var starts: [Int: (row: Int, cell: Int)] = [:]  // grid column → the cell a vertical merge started in
        for tr in DOCXBlockWalker.elements(tbl) where DOCXBlockWalker.name(tr) == "tr" {
            var cells: [TableGrid.Cell] = []
            let trPr = DOCXBlockWalker.elements(tr).first { DOCXBlockWalker.name($0) == "trPr" }
            var column = trPr.flatMap { property($0, "gridBefore") }.flatMap { Int($0) } ?? 0
            for tc in DOCXBlockWalker.elements(tr) where DOCXBlockWalker.name(tc) == "tc" {
                let tcPr = DOCXBlockWalker.elements(tc).first { DOCXBlockWalker.name($0) == "tcPr" }
                let span = tcPr.flatMap { property($0, "gridSpan") }.flatMap { Int($0) } ?? 1
                let merge = tcPr.flatMap { p in DOCXBlockWalker.elements(p).first { DOCXBlockWalker.name($0) == "vMerge" } }
                let mergeValue = merge?.attribute(by: "w:val")?.text
                if merge != nil, mergeValue != "restart", let start = starts[column] {
                    rows[start.row][start.cell].rowSpan += 1
                } else {
                    let paragraphs = DOCXBlockWalker.elements(tc).filter { DOCXBlockWalker.name($0) == "p" }
                    var text = paragraphs.map { DOCXBlockWalker.text(of: $0) }.joined(separator: "\n")
                    if !own { text = text.trimmingCharacters(in: .whitespacesAndNewlines) }
                    cells.append(TableGrid.Cell(text: text, rowSpan: 1, colSpan: max(1, span)))
                    if merge != nil { starts[column] = (rows.count, cells.count - 1) } else { starts[column] = nil }
                }
                column += max(1, span)
            }
            rows.append(cells)
        }
        return TableGrid(rows: rows)
    }

    static func property(_ container: XMLElement, _ name: String) -> String? {
        DOCXBlockWalker.elements(container).first { DOCXBlockWalker.name($0) == name }?.attribute(by: "w:val")?.text
    }
}
