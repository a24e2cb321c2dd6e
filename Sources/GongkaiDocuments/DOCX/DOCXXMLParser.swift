import Foundation
import GongkaiCore

/// Parses one XML part of a DOCX package into `DOCXElement`s without Foundation's `XMLParser` (which traps on
/// invalid UTF-8 in an element name): the bytes must be UTF-8, names well-formed, tags balanced, entities known;
/// nesting is held to `InputLimits.maxNestingDepth` with an explicit stack; a `DOCTYPE` (never present in
/// WordprocessingML, and the door to entity expansion) is refused. Each error names the file, part and line.
///
/// ```swift
/// let root = try DOCXXMLParser.parse(Data("<w:document/>".utf8), source: "a.docx", part: "word/document.xml")
/// root.name   // "w:document"
/// ```
struct DOCXXMLParser {
    private let b: [UInt8]
    private var i = 0
    private let source: String
    private let part: String

    static func parse(_ data: Data, source: String, part: String, limits: InputLimits = .standard) throws -> DOCXElement
    {
        var parser = DOCXXMLParser(b: [UInt8](data), source: source, part: part)
        return try parser.document(maxDepth: limits.maxNestingDepth)
    }

    private init(b: [UInt8], source: String, part: String) {
        self.b = b
        self.source = source
        self.part = part
    }

    private mutating func document(maxDepth: Int) throws -> DOCXElement {
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        if b.starts(with: [0xFE, 0xFF]) || b.starts(with: [0xFF, 0xFE]) { throw fail("使用 UTF-16 编码，只能读取 UTF-8") }
        try validateUTF8()
        var stack: [DOCXElement] = []
        var root: DOCXElement?
        var textStart = i
        while let open = b[i...].firstIndex(of: UInt8(ascii: "<")) {
            i = open
            try addText(from: textStart, to: i, to: stack.last)
            if starts("<!--") {
                i = try index(of: "-->", from: i + 4, what: "注释") + 3
            } else if starts("<![CDATA[") {
                let end = try index(of: "]]>", from: i + 9, what: "CDATA 段")
                stack.last?.text += String(decoding: b[(i + 9)..<end], as: UTF8.self)
                i = end + 3
            } else if starts("<!") {
                throw fail("含有 DOCTYPE 或其他声明，DOCX 部件中不应出现")
            } else if starts("<?") {
                i = try index(of: "?>", from: i + 2, what: "处理指令") + 2
            } else if starts("</") {
                i += 2
                let name = try self.name()
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: ">") else { throw fail("结束标记 </\(name)> 没有以 > 结束") }
                i += 1
                guard let open = stack.popLast() else { throw fail("结束标记 </\(name)> 没有对应的开始标记") }
                guard open.name == name else { throw fail("结束标记 </\(name)> 与开始标记 <\(open.name)> 不匹配") }
            } else {
                guard root == nil || !stack.isEmpty else { throw fail("根元素之后还有元素") }
                i += 1
                let (element, empty) = try startTag()
                if let parent = stack.last { parent.children.append(element) } else { root = element }
                if !empty { stack.append(element) }
                if stack.count > maxDepth {
                    throw LimitExceeded(
                        limit: .maxNestingDepth, allowed: Int64(maxDepth), found: Int64(stack.count), place: place)
                }
            }
            textStart = i
        }
        i = b.count
        try addText(from: textStart, to: i, to: stack.last)
        if let open = stack.last { throw fail("元素 <\(open.name)> 没有结束（文件不完整）") }
        guard let root else { throw fail("没有根元素") }
        return root
    }

    /// A start tag after its `<`: the element with its attributes, and whether it closed itself (`/>`).
    private mutating func startTag() throws -> (DOCXElement, Bool) {
        let element = DOCXElement(name: try name())
        while true {
            let spaced = skipSpace()
            guard i < b.count else { throw fail("开始标记 <\(element.name)> 没有结束") }
            if b[i] == UInt8(ascii: ">") {
                i += 1
                return (element, false)
            }
            if starts("/>") {
                i += 2
                return (element, true)
            }
            guard spaced else { throw fail("标记 <\(element.name)> 的属性之间缺少空格") }
            let attribute = try name()
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: "=") else { throw fail("属性 \(attribute) 缺少 =") }
            i += 1
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else {
                throw fail("属性 \(attribute) 的值缺少引号")
            }
            let end = try index(of: b[i] == UInt8(ascii: "\"") ? "\"" : "'", from: i + 1, what: "属性值")
            if b[(i + 1)..<end].contains(UInt8(ascii: "<")) { throw fail("属性 \(attribute) 的值中有 <") }
            element.attributes.append((attribute, try decode(i + 1, end)))
            i = end + 1
        }
    }

    /// An XML name: a letter, `_`, `:` or any non-ASCII character, then also digits, `-` and `.`.
    private mutating func name() throws -> String {
        let start = i
        while i < b.count {
            let c = b[i]
            let letter =
                c >= 0x80 || c == UInt8(ascii: "_") || c == UInt8(ascii: ":")
                || (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z")
            let other =
                c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
            guard letter || other && i > start else { break }
            i += 1
        }
        guard i > start else { throw fail("此处应为元素或属性名") }
        return String(decoding: b[start..<i], as: UTF8.self)
    }

    private mutating func addText(from start: Int, to end: Int, to element: DOCXElement?) throws {
        guard start < end else { return }
        guard let element else {
            if b[start..<end].allSatisfy(Self.isSpace) { return }
            throw fail("根元素之外有文本")
        }
        element.text += try decode(start, end)
    }

    /// Text with its five predefined entities and character references decoded.
    private func decode(_ start: Int, _ end: Int) throws -> String {
        guard b[start..<end].contains(UInt8(ascii: "&")) else { return String(decoding: b[start..<end], as: UTF8.self) }
        var out = ""
        var k = start
        while k < end {
            guard b[k] == UInt8(ascii: "&") else {
                let next = b[k..<end].firstIndex(of: UInt8(ascii: "&")) ?? end
                out += String(decoding: b[k..<next], as: UTF8.self)
                k = next
                continue
            }
            guard let semicolon = b[k..<min(end, k + 12)].firstIndex(of: UInt8(ascii: ";")) else {
                throw fail("& 之后没有以 ; 结束的实体")
            }
            let entity = String(decoding: b[(k + 1)..<semicolon], as: UTF8.self)
            guard let character = Self.character(entity) else { throw fail("无法识别的实体 &\(entity);") }
            out.append(character)
            k = semicolon + 1
        }
        return out
    }

    private static func character(_ entity: String) -> Character? {
        switch entity {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard entity.hasPrefix("#") else { return nil }
            let hex = entity.hasPrefix("#x")
            return UInt32(entity.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10).flatMap(Unicode.Scalar.init).map(
                Character.init)
        }
    }

    private mutating func validateUTF8() throws {
        var iterator = b[i...].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = i
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return
            case .error(let length):
                i = offset
                throw fail("第 \(offset + 1) 字节起不是有效的 UTF-8 文本（\(length) 字节）")
            }
        }
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = i
        while i < b.count, Self.isSpace(b[i]) { i += 1 }
        return i > start
    }

    private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
    }

    private func starts(_ prefix: String) -> Bool { b[i...].starts(with: prefix.utf8) }

    private func index(of pattern: String, from start: Int, what: String) throws -> Int {
        let p = Array(pattern.utf8)
        var k = start
        while k + p.count <= b.count {
            if b[k] == p[0], b[k..<(k + p.count)].elementsEqual(p) { return k }
            k += 1
        }
        throw fail("\(what)没有结束（文件不完整）")
    }

    private var line: Int { b[..<min(i, b.count)].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } }
    private var place: String { "\(source) \(part) 第 \(line) 行" }

    private func fail(_ message: String) -> ReportReadError {
        .other(file: source, message: "\(part) 第 \(line) 行：\(message)")
    }
}
