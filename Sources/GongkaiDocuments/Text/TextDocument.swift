import Foundation
import GongkaiCore

/// A stretch of one source line: `bytes[start..<end]`, on line `line` (1-based, as in the file).
struct TextPiece: Sendable {
    var line: Int
    var start: Int
    var end: Int
    var isEmpty: Bool { end <= start }
}

/// What a piece of text is, once trimmed of whitespace and Word/Markdown/PDF artefacts.
struct CleanPiece: Sendable {
    var line: Int
    var start: Int
    var end: Int
    /// The piece was a Markdown heading (`## 表二：…`).
    var markdownHeading = false
    /// The piece is a page footer (`— 5 —`), a Markdown table rule (`|---|`) or a `=====` rule.
    var isNoise = false
    var isEmpty: Bool { end <= start }
}

/// The report text as UTF-8 bytes and its lines (the `# source:` line of fixtures is left out).
///
/// The source String is kept as well: Strings cut out of it (`string(_:)`) are copies of its UTF-8, which
/// Swift makes without validating again, where decoding the byte array would validate every narrative line.
struct TextDocument: Sendable {
    let bytes: [UInt8]
    let lines: [TextPiece]
    /// The source text; `bytes[i]` is its UTF-8 code unit `textOffset + i` (a leading BOM is skipped).
    private let text: String
    private let textOffset: Int
    /// `clean(lines[k])` for every line, computed once (cleaning is asked for many times per line).
    private var cleanLines: [CleanPiece] = []
    /// The bounds the reading holds to (the largest cell number, the longest line).
    let limits: InputLimits
    /// The fixtures' first line `# source: …`, left out of `lines`.
    private(set) var sourceLine: TextPiece?

    /// The document of a report text (a leading BOM is dropped).
    init(text: String, limits: InputLimits = .standard) {
        self.limits = limits
        var text = text
        text.makeContiguousUTF8()  // a no-op for native Strings; `string(_:_:)` copies from contiguous UTF-8
        var b = Array(text.utf8)
        let bom = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
        if bom > 0 { b.removeFirst(bom) }
        self.text = text
        self.textOffset = bom
        self.bytes = b
        var lines = Self.splitLines(bytes)
        if let first = lines.first, TextBytes.matches(bytes, first.start, Lit.sourceLine) {
            lines.removeFirst()
            sourceLine = first
        }
        self.lines = lines
        cleanLines = lines.map { clean($0) }
    }

    /// The lines of `b`, split at LF, CR LF or a lone CR (old Mac text), numbered from 1.
    private static func splitLines(_ b: [UInt8]) -> [TextPiece] {
        let hasCR = TextBytes.index(of: 0x0D, in: b, from: 0, to: b.count) != nil
        var lines: [TextPiece] = []
        b.withUnsafeBufferPointer { p in
            let n = p.count
            var start = 0
            var number = 1
            while true {
                // Without CR, the next LF is found by memchr; with CR, byte by byte (a lone CR ends a line too).
                var i = n
                if !hasCR {
                    if let base = p.baseAddress, start < n, let hit = memchr(base + start, 0x0A, n - start) {
                        i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    }
                } else {
                    i = start
                    while i < n, p[i] != 0x0A, p[i] != 0x0D { i += 1 }
                }
                lines.append(TextPiece(line: number, start: start, end: i))
                number += 1
                if i == n { break }
                start = i + (p[i] == 0x0D && i + 1 < n && p[i + 1] == 0x0A ? 2 : 1)
            }
        }
        return lines
    }

    /// The first line longer than `limits.maxLineBytes`, if any.
    var overlongLine: TextPiece? { lines.first { $0.end - $0.start > limits.maxLineBytes } }

    /// The whole line numbered `number` (lines are numbered consecutively).
    func line(numbered number: Int) -> TextPiece? {
        guard let first = lines.first, number >= first.line, number - first.line < lines.count else { return nil }
        return lines[number - first.line]
    }

    func string(_ p: TextPiece) -> String { string(p.start, p.end) }
    func string(_ p: CleanPiece) -> String { string(p.start, p.end) }

    /// `bytes[start..<end]` as a String, exactly as `TextBytes.string` makes it (ends are clamped), but cut
    /// out of the source text without validating it again.
    func string(_ start: Int, _ end: Int) -> String {
        TextBytes.string(in: text, offset: textOffset, bytes, start, end)
    }

    /// Whether the line starts with a tab (the seed layout's table cells do).
    func startsWithTab(_ p: TextPiece) -> Bool { p.start < p.end && bytes[p.start] == 0x09 }

    // MARK: Cleaning

    private static let bookmark = TextBytes.u("[bookmark:")

    /// Trims whitespace and strips `[bookmark: …]`, Markdown heading marks and `**`; flags footers and rules.
    func clean(_ p: TextPiece) -> CleanPiece {
        // Whole lines were cleaned at init (`cleanLines` is empty only while that runs).
        if !cleanLines.isEmpty, let line = line(numbered: p.line), line.start == p.start, line.end == p.end {
            return cleanLines[p.line - lines[0].line]
        }
        var (s, e) = TextBytes.trim(bytes, p.start, p.end)
        var out = CleanPiece(line: p.line, start: s, end: e)
        while s < bytes.count, bytes[s] == 0x5B, TextBytes.matches(bytes, s, Self.bookmark),
            let close = TextBytes.index(of: 0x5D, in: bytes, from: s, to: e)
        {
            (s, e) = TextBytes.trim(bytes, close + 1, e)
        }
        if s < e, bytes[s] == 0x23 {
            while s < e, bytes[s] == 0x23 { s += 1 }
            (s, e) = TextBytes.trim(bytes, s, e)
            out.markdownHeading = true
        }
        while e - s >= 4, bytes[s] == 0x2A, bytes[s + 1] == 0x2A { (s, e) = TextBytes.trim(bytes, s + 2, e) }
        while e - s >= 2, bytes[e - 1] == 0x2A, bytes[e - 2] == 0x2A { (s, e) = TextBytes.trim(bytes, s, e - 2) }
        out.start = s
        out.end = e
        out.isNoise = isRule(s, e) || isFooter(s, e)
        return out
    }

    /// `|---|---|`, `=====`, `-----` (also `==== 正文 ====`).
    private func isRule(_ s: Int, _ e: Int) -> Bool {
        guard e - s >= 3 else { return false }
        if bytes[s] == 0x3D && e - s >= 6 && bytes[e - 1] == 0x3D { return true }
        var sawDash = false
        var i = s
        while i < e {
            switch bytes[i] {
            case 0x7C, 0x3A, 0x20, 0x09: break
            case 0x2D, 0x3D: sawDash = true
            default: return false
            }
            i += 1
        }
        return sawDash
    }

    /// `— 5 —`, `- 5 -`, `第5页`, `第 5 页 共 7 页`.
    ///
    /// `s` is trimmed, so a footer starts with a digit, a dash or 第: other lines are turned away at once.
    private func isFooter(_ s: Int, _ e: Int) -> Bool {
        guard e > s, e - s <= 40,
            TextBytes.digit(bytes, s) != nil || dashLength(s) > 0
                || bytes[s] == 0xE7 && TextBytes.matches(bytes, s, Lit.di)  // 第 (E7 AC AC)
        else { return false }
        var i = s
        var digits = 0
        var dashes = 0
        var other = 0
        while i < e {
            if let d = TextBytes.digit(bytes, i) {
                digits += 1
                i += d.length
            } else if case let d = dashLength(i), d > 0 {
                dashes += 1
                i += d
            } else if TextBytes.whitespaceLength(bytes, i) > 0 {
                i += TextBytes.whitespaceLength(bytes, i)
            } else {
                other += 1
                guard other <= 4 else { return false }  // too much text for either kind of footer
                i += TextBytes.scalarLength(bytes[i])
            }
        }
        if digits > 0 && dashes >= 2 && other == 0 { return true }
        return digits > 0 && TextBytes.matches(bytes, s, Lit.di) && TextBytes.matches(bytes, e - 3, Lit.page)
            && other <= 4
    }

    /// The length of the dash at `i` (`—` `–` `－` `-`), or 0.
    @inline(__always)
    private func dashLength(_ i: Int) -> Int {
        guard i < bytes.count else { return 0 }
        if bytes[i] == 0x2D { return 1 }
        guard i + 2 < bytes.count else { return 0 }
        switch UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) {
        case 0xE28094, 0xE28093, 0xEFBC8D: return 3  // — – －
        default: return 0
        }
    }
}
