import GongkaiCore

/// A small, tolerant HTML tree: enough of the HTML parsing rules for government pages
/// (unclosed `<p>`, `<td>`, `<tr>`, `<li>`; raw-text `<script>`/`<style>`; stray end tags).
/// `HTMLTreeBuilder` never makes it deeper than `InputLimits.maxNestingDepth`, and its searches use an explicit
/// stack, so no page can exhaust the stack.
final class HTMLNode: @unchecked Sendable {
    enum Kind { case element(String), text(String) }

    let kind: Kind
    var attributes: [String: String]
    var children: [HTMLNode] = []
    weak var parent: HTMLNode?

    init(_ kind: Kind, attributes: [String: String] = [:]) {
        self.kind = kind
        self.attributes = attributes
    }

    var name: String? { if case .element(let n) = kind { return n } else { return nil } }

    /// The elements below this one named `target`, in document order.
    func descendants(named target: String) -> [HTMLNode] {
        var out: [HTMLNode] = []
        var pending = Array(children.reversed())
        while let node = pending.popLast() {
            if node.name == target { out.append(node) }
            pending.append(contentsOf: node.children.reversed())
        }
        return out
    }

    func contains(named target: String) -> Bool {
        var pending = children
        while let node = pending.popLast() {
            if node.name == target { return true }
            pending.append(contentsOf: node.children)
        }
        return false
    }
}

/// Builds an `HTMLNode` tree from page text.
enum HTMLTreeBuilder {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]
    static let rawText: Set<String> = ["script", "style", "textarea", "title", "xmp", "noscript", "template"]
    /// Start tags that close an open element of the listed names (up to the listed boundaries).
    static let implicitClose: [String: (closes: Set<String>, boundary: Set<String>)] = [
        "td": (["td", "th"], ["tr", "table"]), "th": (["td", "th"], ["tr", "table"]),
        "tr": (["tr", "td", "th"], ["table", "tbody", "thead", "tfoot"]),
        "tbody": (["tbody", "thead", "tfoot", "tr", "td", "th"], ["table"]),
        "thead": (["tbody", "thead", "tfoot", "tr", "td", "th"], ["table"]),
        "tfoot": (["tbody", "thead", "tfoot", "tr", "td", "th"], ["table"]),
        "li": (["li"], ["ul", "ol"]),
        "p": (["p"], ["div", "td", "th", "table", "section", "article", "body", "li"]),
        "div": (["p"], ["div", "td", "th", "table", "section", "article", "body", "li"]),
        "table": (["p"], ["div", "td", "th", "body"]),
    ]

    /// The page's tree; an element nested deeper than `limits.maxNestingDepth` is refused, naming the line.
    static func parse(_ html: String, source: String = "", limits: InputLimits = .standard) throws -> HTMLNode {
        let root = HTMLNode(.element("#document"))
        var stack: [HTMLNode] = [root]
        var scanner = HTMLScanner(html)
        while let token = scanner.next() {
            switch token {
            case .text(let t):
                let node = HTMLNode(.text(t))
                node.parent = stack.last
                stack.last!.children.append(node)
            case .start(let name, let attributes, let selfClosing):
                if let rule = implicitClose[name] { close(rule.closes, boundary: rule.boundary, stack: &stack) }
                let node = HTMLNode(.element(name), attributes: attributes)
                node.parent = stack.last
                stack.last!.children.append(node)
                if rawText.contains(name) {
                    let body = scanner.rawText(until: name)
                    node.children.append(HTMLNode(.text(body)))
                } else if !voidElements.contains(name) && !selfClosing {
                    stack.append(node)
                    if stack.count - 1 > limits.maxNestingDepth {
                        throw LimitExceeded(
                            limit: .maxNestingDepth, allowed: Int64(limits.maxNestingDepth),
                            found: Int64(stack.count - 1), place: "\(source) 第 \(scanner.line) 行")
                    }
                }
            case .end(let name):
                if name == "br" || name == "p" && !stack.contains(where: { $0.name == "p" }) {
                    let node = HTMLNode(.element(name == "br" ? "br" : "p"))
                    node.parent = stack.last
                    stack.last!.children.append(node)
                    continue
                }
                if let i = stack.lastIndex(where: { $0.name == name }), i > 0 { stack.removeSubrange(i...) }
            }
        }
        return root
    }

    private static func close(_ names: Set<String>, boundary: Set<String>, stack: inout [HTMLNode]) {
        for i in stack.indices.reversed() {
            guard let n = stack[i].name else { continue }
            if boundary.contains(n) { return }
            if names.contains(n) {
                stack.removeSubrange(i...)
                return
            }
        }
    }
}

/// Splits HTML text into start tags, end tags and text; comments and doctype are dropped.
///
/// Scans the page's UTF-8 bytes (every delimiter is ASCII, so a multi-byte character is never split): a page at
/// the file-size limit costs its own size in memory, not sixteen bytes a character.
struct HTMLScanner {
    enum Token { case start(String, [String: String], Bool), end(String), text(String) }

    private let s: [UInt8]
    private var i = 0

    init(_ text: String) { s = Array(text.utf8) }

    /// Where nothing after is a `>`: a later tag search can stop there (so a page of unclosed `<a` stays linear).
    private var noCloseFrom = Int.max

    private static let (lt, gt, slash) = (UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "/"))

    mutating func next() -> Token? {
        while i < s.count {
            if s[i] == Self.lt {
                if starts("<!--") {
                    i = find("-->").map { $0 + 3 } ?? s.count
                    continue
                }
                if starts("<!") || starts("<?") {
                    i = findClose().map { $0 + 1 } ?? s.count
                    continue
                }
                if i + 1 < s.count, s[i + 1] == Self.slash || Self.isASCIILetter(s[i + 1]), let close = findClose() {
                    let inner = text(i + 1, close)
                    i = close + 1
                    return tag(inner)
                }
            }
            let start = i
            i += 1
            while i < s.count, s[i] != Self.lt { i += 1 }
            return .text(text(start, i))
        }
        return nil
    }

    /// The line the scanner has reached, for messages.
    var line: Int { s[..<min(i, s.count)].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } }

    /// The raw text of a `<script>`-like element up to its end tag, which is consumed.
    mutating func rawText(until name: String) -> String {
        let start = i
        let end = Array(name.utf8)
        while i < s.count {
            if s[i] == Self.lt, i + 1 < s.count, s[i + 1] == Self.slash, i + 2 + end.count <= s.count,
                s[(i + 2)..<(i + 2 + end.count)].map(Self.lowercased) == end
            {
                let body = text(start, i)
                i = findClose().map { $0 + 1 } ?? s.count
                return body
            }
            i += 1
        }
        return text(start, s.count)
    }

    private func text(_ from: Int, _ to: Int) -> String { String(decoding: s[from..<to], as: UTF8.self) }

    private static func isASCIILetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
    private static func lowercased(_ b: UInt8) -> UInt8 { (0x41...0x5A).contains(b) ? b + 0x20 : b }

    private func starts(_ p: String) -> Bool {
        let bytes = Array(p.utf8)
        return i + bytes.count <= s.count && s[i..<(i + bytes.count)].elementsEqual(bytes)
    }

    /// The next `>`, remembering when there is none.
    private mutating func findClose() -> Int? {
        guard i < noCloseFrom, let close = find(">") else {
            noCloseFrom = min(noCloseFrom, i)
            return nil
        }
        return close
    }

    private func find(_ p: String) -> Int? {
        let bytes = Array(p.utf8)
        var j = i
        while j + bytes.count <= s.count {
            if s[j] == bytes[0], s[j..<(j + bytes.count)].elementsEqual(bytes) { return j }
            j += 1
        }
        return nil
    }

    private func tag(_ inner: String) -> Token {
        if inner.hasPrefix("/") {
            return .end(String(inner.dropFirst().prefix { !$0.isWhitespace && $0 != "/" }).lowercased())
        }
        let selfClosing = inner.hasSuffix("/")
        let body = selfClosing ? String(inner.dropLast()) : inner
        let name = String(body.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
        return .start(name, Self.attributes(String(body.dropFirst(name.count))), selfClosing)
    }

    static func attributes(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        let c = Array(text)
        var k = 0
        while k < c.count {
            while k < c.count, c[k].isWhitespace || c[k] == "/" { k += 1 }
            let nameStart = k
            while k < c.count, !c[k].isWhitespace, c[k] != "=", c[k] != "/" { k += 1 }
            let name = String(c[nameStart..<k]).lowercased()
            while k < c.count, c[k].isWhitespace { k += 1 }
            var value = ""
            if k < c.count, c[k] == "=" {
                k += 1
                while k < c.count, c[k].isWhitespace { k += 1 }
                if k < c.count, c[k] == "\"" || c[k] == "'" {
                    let quote = c[k]
                    k += 1
                    let vs = k
                    while k < c.count, c[k] != quote { k += 1 }
                    value = String(c[vs..<min(k, c.count)])
                    k += 1
                } else {
                    let vs = k
                    while k < c.count, !c[k].isWhitespace { k += 1 }
                    value = String(c[vs..<k])
                }
            }
            if !name.isEmpty { result[name] = HTMLEntities.decode(value) }
        }
        return result
    }
}
