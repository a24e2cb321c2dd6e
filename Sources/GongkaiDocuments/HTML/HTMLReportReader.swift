import Foundation
import GongkaiCore

/// Reads a report from an HTML page: our own pages exactly, and real government pages with the report
/// inside navigation, scripts, nested layout tables, `<br>` inside labels, merged cells, `&nbsp;` cells,
/// in UTF-8 or GB18030/GBK.
///
/// ```swift
/// let result = try HTMLReportReader.read(data: try Data(contentsOf: url), source: url.lastPathComponent)
/// result.report.applications.table[.new, .total]
/// ```
public enum HTMLReportReader {
    /// Reads a page already decoded to text.
    public static func read(_ html: String, source: String) throws -> ReadResult {
        let root = HTMLTreeBuilder.parse(html)
        let metas = root.descendants(named: "meta")
        let generator = metas.first { $0.attributes["name"]?.lowercased() == "generator" }?.attributes["content"]
        let metadata = metas.first { $0.attributes["name"] == "gongkai-report" }
            .flatMap { $0.attributes["content"] }.flatMap(ReportMetadata.init(encoded:))
        let own = generator == HTMLReportWriter.generator && metadata != nil
        var walker = HTMLBlockWalker(own: own)
        walker.walk(root)
        walker.flush()
        var blocks = walker.blocks
        if !own { blocks = HTMLContentFinder.reportBlocks(walker, root: root) }
        var assembler = ReportBlockAssembler(source: source, metadata: own ? metadata : nil)
        return try assembler.assemble(blocks)
    }

    /// Reads a page from its bytes: UTF-8, or GB18030 when the page declares gb2312/gbk/gb18030 or is not UTF-8.
    public static func read(data: Data, source: String) throws -> ReadResult {
        try read(decode(data, source: source), source: source)
    }

    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    static func decode(_ data: Data, source: String) throws -> String {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        let declaresGB =
            head.range(of: #"charset\s*=\s*["']?\s*(gb2312|gbk|gb18030|x-gbk|cp936)"#, options: .regularExpression) != nil
        var text: String?
        if !declaresGB { text = String(data: data, encoding: .utf8) }
        if text == nil { text = String(data: data, encoding: gb18030) }
        if text == nil { text = String(data: data, encoding: .utf8) }
        guard var decoded = text else { throw ReportReadError.undecodable(file: source) }
        if decoded.hasPrefix("\u{FEFF}") { decoded.removeFirst() }
        return decoded
    }
}

/// Walks an HTML tree into report blocks: lines of text and data tables in reading order.
struct HTMLBlockWalker {
    static let skipped: Set<String> = [
        "head", "script", "style", "noscript", "template", "nav", "footer", "aside", "select", "button", "iframe", "svg",
        "object", "textarea", "title", "map", "audio", "video", "canvas", "caption",
    ]
    static let blockElements: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header", "main", "body",
        "html", "center", "blockquote", "pre", "dl", "dt", "dd", "form", "table", "tr", "td", "th", "tbody", "thead",
        "tfoot", "figure", "figcaption", "address", "hr", "fieldset",
    ]

    let own: Bool
    var blocks: [ReportBlock] = []
    /// For each block, the innermost block element it came from (to find the page's content container).
    var origins: [HTMLNode?] = []
    private var current = ""
    private var role = ReportBlock.Role.text
    private var elementStack: [HTMLNode] = []

    init(own: Bool) { self.own = own }

    mutating func walk(_ node: HTMLNode) {
        switch node.kind {
        case .text(let t):
            current += HTMLEntities.decode(Self.collapse(t), protectWhitespace: true)
        case .element(let name):
            if Self.skipped.contains(name) || own && node.attributes["data-generated"] == "true" { return }
            if name == "br" {
                flush()
                return
            }
            if name == "table", own || !node.contains(named: "table") {
                flush()
                blocks.append(.table(HTMLTableReader.grid(node, own: own)))
                origins.append(node)
                return
            }
            guard Self.blockElements.contains(name) else {
                node.children.forEach { walk($0) }
                return
            }
            flush()
            elementStack.append(node)
            defer { elementStack.removeLast() }
            let saved = role
            if name == "h1" { role = .title }
            if name == "h2", let n = node.attributes["data-section"].flatMap({ Int($0) }) { role = .heading(section: n) }
            node.children.forEach { walk($0) }
            flush(force: own && name == "p" && node.attributes["class"] == "gk-line")
            role = saved
        }
    }

    /// Ends the current line; a line is kept when it has text, or when `force` (our own empty lines).
    mutating func flush(force: Bool = false) {
        let line = Self.finish(current, own: own)
        current = ""
        guard !line.isEmpty || force else { return }
        var lineRole = role
        if !own, lineRole == .title, !ReportBlockAssembler.looksLikeTitle(line) { lineRole = .text }
        blocks.append(.line(line, lineRole))
        origins.append(elementStack.last)
    }

    /// Collapses the page's own whitespace (spaces, tabs, line breaks) to single spaces.
    static func collapse(_ raw: String) -> String {
        var out = ""
        var lastSpace = false
        for ch in raw {
            if ch == " " || ch == "\t" || ch == "\n" || ch == "\r" || ch == "\u{0C}" || ch == "\r\n" {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.append(ch)
                lastSpace = false
            }
        }
        return out
    }

    /// The text of a line: collapsed, trimmed, with referenced whitespace restored; other pages also lose
    /// no-break and ideographic spaces at either end.
    static func finish(_ text: String, own: Bool) -> String {
        var line = collapse(text)
        if !own { line = line.replacingOccurrences(of: "\u{A0}", with: " ") }
        line = line.trimmingCharacters(in: CharacterSet(charactersIn: " "))
        line = HTMLEntities.restore(line)
        if !own { line = collapse(line).trimmingCharacters(in: .whitespacesAndNewlines) }
        return line
    }
}

/// Reads a data table's rows and cells with their spans; `<br>` and block elements in a cell become line breaks.
enum HTMLTableReader {
    static func grid(_ table: HTMLNode, own: Bool) -> TableGrid {
        var rows: [[TableGrid.Cell]] = []
        for tr in rowsOf(table) {
            let cells = tr.children.filter { $0.name == "td" || $0.name == "th" }
            rows.append(cells.map { cell in
                TableGrid.Cell(
                    text: text(of: cell, own: own),
                    rowSpan: max(1, min(100, Int(cell.attributes["rowspan"] ?? "") ?? 1)),
                    colSpan: max(1, min(100, Int(cell.attributes["colspan"] ?? "") ?? 1)))
            })
        }
        return TableGrid(rows: rows)
    }

    /// `tr` elements of this table, not of tables nested in it.
    static func rowsOf(_ node: HTMLNode) -> [HTMLNode] {
        node.children.flatMap { child -> [HTMLNode] in
            switch child.name {
            case "tr": return [child]
            case "table": return []
            case .some: return rowsOf(child)
            case nil: return []
            }
        }
    }

    static func text(of cell: HTMLNode, own: Bool) -> String {
        var walker = HTMLBlockWalker(own: own)
        cell.children.forEach { walker.walk($0) }
        walker.flush()
        return walker.blocks.compactMap { block -> String? in
            switch block {
            case .line(let t, _): return t
            case .table(let g): return g.rows.flatMap { $0.map(\.text) }.joined(separator: " ")
            }
        }.joined(separator: "\n")
    }
}
