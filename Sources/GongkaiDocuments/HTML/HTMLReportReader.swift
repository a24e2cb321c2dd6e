import Foundation
import GongkaiCore

/// Reads a report from an HTML page: our own pages exactly, and real government pages with the report
/// inside navigation, scripts, nested layout tables, `<br>` inside labels, merged cells, `&nbsp;` cells,
/// in UTF-8 or GB18030/GBK. Nesting deeper than `InputLimits.maxNestingDepth` and table rows wider than
/// `maxTableColumns` are refused with a message naming the limit and where.
///
/// ```swift
/// let result = try HTMLReportReader.read(data: try Data(contentsOf: url), source: url.lastPathComponent)
/// result.report.applications.table[.new, .total]
/// ```
public enum HTMLReportReader {
    /// Reads a page already decoded to text.
    public static func read(_ html: String, source: String, limits: InputLimits = .standard) throws -> ReadResult {
        do { return try readPage(html, source: source, limits: limits) } catch let limit as LimitExceeded {
            throw ReportReadError.limitExceeded(limit)
        }
    }

    static func readPage(_ html: String, source: String, limits: InputLimits) throws -> ReadResult {
        let root = try HTMLTreeBuilder.parse(html, source: source, limits: limits)
        let metas = root.descendants(named: "meta")
        let generator = metas.first { $0.attributes["name"]?.lowercased() == "generator" }?.attributes["content"]
        let metadata = metas.first { $0.attributes["name"] == "gongkai-report" }
            .flatMap { $0.attributes["content"] }.flatMap(ReportMetadata.init(encoded:))
        let own = generator == HTMLReportWriter.generator && metadata != nil
        var walker = HTMLBlockWalker(own: own, source: source, limits: limits)
        try walker.walk(root)
        walker.flush()
        var blocks = walker.blocks
        if !own { blocks = HTMLContentFinder.reportBlocks(walker, root: root) }
        var assembler = ReportBlockAssembler(source: source, metadata: own ? metadata : nil, limits: limits)
        return try assembler.assemble(blocks)
    }

    /// Reads a page from its bytes: UTF-8, or GB18030 when the page declares gb2312/gbk/gb18030 or is not UTF-8.
    public static func read(data: Data, source: String, limits: InputLimits = .standard) throws -> ReadResult {
        try read(decode(data, source: source), source: source, limits: limits)
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
    let source: String
    let limits: InputLimits
    var blocks: [ReportBlock] = []
    /// For each block, the innermost block element it came from (to find the page's content container).
    var origins: [HTMLNode?] = []
    private var current = ""
    private var role = ReportBlock.Role.text
    private var elementStack: [HTMLNode] = []
    /// Data tables met so far, to name a table in messages.
    private var tables = 0

    init(own: Bool, source: String = "", limits: InputLimits = .standard) {
        self.own = own
        self.source = source
        self.limits = limits
    }

    /// Recursive over the tree, whose depth `HTMLTreeBuilder` holds to `maxNestingDepth`.
    mutating func walk(_ node: HTMLNode) throws {
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
                tables += 1
                blocks.append(.table(try HTMLTableReader.grid(node, number: tables, in: self)))
                origins.append(node)
                return
            }
            guard Self.blockElements.contains(name) else {
                for child in node.children { try walk(child) }
                return
            }
            flush()
            elementStack.append(node)
            defer { elementStack.removeLast() }
            let saved = role
            if name == "h1" { role = .title }
            if name == "h2", let n = node.attributes["data-section"].flatMap({ Int($0) }) { role = .heading(section: n) }
            for child in node.children { try walk(child) }
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
