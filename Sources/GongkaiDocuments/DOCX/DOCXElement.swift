/// An element of a DOCX XML part as `DOCXXMLParser` reads it: its qualified name, attributes, child elements
/// in order and its own text (the text directly inside it, entities decoded). The tree is never deeper than
/// `InputLimits.maxNestingDepth`, so walking and releasing it cannot exhaust the stack.
///
/// ```swift
/// let body = try DOCXXMLParser.parse(bytes, source: "report.docx", part: "word/document.xml").child("body")
/// ```
final class DOCXElement {
    /// The qualified name as written: `w:p`.
    let name: String
    var attributes: [(name: String, value: String)] = []
    var children: [DOCXElement] = []
    var text = ""

    init(name: String) { self.name = name }

    /// The name without its namespace prefix: `p` for `w:p`.
    var localName: Substring {
        name.firstIndex(of: ":").map { name[name.index(after: $0)...] } ?? name[...]
    }

    /// The value of the attribute whose local name is `local` (`val` finds `w:val`).
    func attribute(_ local: String) -> String? {
        attributes.first { attribute in
            attribute.name == local || attribute.name.hasSuffix(":" + local)
        }?.value
    }

    /// The first child element with the local name `local`.
    func child(_ local: String) -> DOCXElement? { children.first { $0.localName == local } }

    /// The `w:val` of the first child named `local` (`property("gridSpan")` of a `w:tcPr`).
    func property(_ local: String) -> String? { child(local)?.attribute("val") }

    /// The first element at or below this one with the local name `local`, in document order.
    func first(named local: String) -> DOCXElement? {
        var pending: [DOCXElement] = [self]
        while let element = pending.popLast() {
            if element.localName == local { return element }
            pending.append(contentsOf: element.children.reversed())
        }
        return nil
    }

    /// Whether an element below this one (not this one itself) has the local name `local`.
    func contains(named local: String) -> Bool {
        children.contains { $0.first(named: local) != nil }
    }
}
