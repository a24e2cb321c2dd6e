import GongkaiCore

/// One line of `pdftotext -layout` output: its page, indentation and the tokens separated by 2+ spaces.
struct LayoutLine: Sendable {
    var page: Int
    var text: String
    var indent: Int
    var tokens: [(column: Int, text: String)]

    init(_ raw: String, page: Int) {
        self.page = page
        text = raw
        let chars = Array(raw)
        indent = chars.prefix { $0 == " " }.count
        var tokens: [(Int, String)] = []
        var i = 0
        while i < chars.count {
            while i < chars.count, chars[i] == " " { i += 1 }
            guard i < chars.count else { break }
            let start = i
            var end = i
            while end < chars.count {
                if chars[end] == " ", end + 1 >= chars.count || chars[end + 1] == " " { break }
                end += 1
            }
            tokens.append((start, String(chars[start..<end])))
            i = end
        }
        self.tokens = tokens
    }

    var trimmed: String { LayoutTextNormaliser.trimmingSpaces(text) }
    var isBlank: Bool { tokens.isEmpty }
    var end: Int { tokens.last.map { $0.column + $0.text.count } ?? 0 }
}

/// Turns `pdftotext -layout` output into text the plain-text reader reads: page numbers (`-3-`, `— 3 —`,
/// `第3页`) dropped, wrapped paragraph lines joined, spaces the layout puts next to Chinese characters removed
/// (`情 形` → `情形`, `2020 年` → `2020年`), and the three tables rebuilt one row per line with tab-separated
/// cells — labels wrapped over several lines, vertical group labels and multi-line headers resolved by the
/// format's row order, values placed in their columns by position.
enum LayoutTextNormaliser {
    /// With `fromOurWriter` (the PDF carries our metadata), spaces between Chinese and Latin text are dropped
    /// too: LibreOffice spaces Chinese from digits and `pdftotext` turns that gap into a space.
    static func normalise(_ text: String, fromOurWriter: Bool = false) -> String {
        let lines = layoutLines(text)
        let tidy = { (s: String) in LayoutTextNormaliser.tidy(s, acrossScripts: fromOurWriter) }
        let headings = headingIndices(lines)
        let metrics = ParagraphMetrics(lines.filter { !$0.isBlank && $0.tokens.count == 1 })
        var out: [String] = []
        var narrative: [LayoutLine] = []
        func flushNarrative() {
            out += joinParagraphs(narrative, metrics, acrossScripts: fromOurWriter)
            narrative = []
        }
        var i = 0
        var rebuilder = LayoutTableRebuilder()
        while i < lines.count {
            if let n = headings.firstIndex(of: i) {
                flushNarrative()
                out.append(tidy(lines[i].trimmed))
                let end = headings[(n + 1)...].compactMap { $0 }.first ?? lines.count
                if (1...3).contains(n) {
                    let region = Array(lines[(i + 1)..<end])
                    let table = rebuilder.rebuild(section: n + 1, region)
                    out += joinParagraphs(table.before, metrics, acrossScripts: fromOurWriter) + table.lines
                    narrative = table.after
                    i = end
                    continue
                }
            } else {
                narrative.append(lines[i])
            }
            i += 1
        }
        flushNarrative()
        return out.joined(separator: "\n") + "\n"
    }

    /// Each page's text margin and right edge, from its single-column lines (display width: Chinese 2, others 1);
    /// `pdftotext` lays out every page on its own, so margins differ from page to page.
    struct ParagraphMetrics {
        var margins: [Int: Int] = [:]
        var rights: [Int: Int] = [:]

        /// The right edge is taken where most lines at the margin end (wrapped lines fill the line), so that a
        /// few long lines of digits or URLs do not move it.
        init(_ lines: [LayoutLine]) {
            for page in Set(lines.map(\.page)) {
                let onPage = lines.filter { $0.page == page }
                let m = onPage.map(\.indent).min() ?? 0
                let ends = onPage.filter { $0.indent <= m + 1 }.map { LayoutTextNormaliser.displayEnd($0) }.sorted()
                margins[page] = m
                rights[page] = ends.isEmpty ? 0 : ends[min(ends.count - 1, ends.count * 7 / 10)]
            }
        }

        func margin(_ line: LayoutLine) -> Int { margins[line.page] ?? 0 }
        func right(_ line: LayoutLine) -> Int { rights[line.page] ?? (rights.values.max() ?? 0) }
    }

    static func displayEnd(_ line: LayoutLine) -> Int {
        line.text.reduce(0) { $0 + (isCJK($1) ? 2 : 1) }
    }

    /// Lines with their page, page-number lines removed. Pages end at form feeds and lines at line feeds (a
    /// carriage return before one is dropped with the other carriage returns); tabs are four spaces.
    static func layoutLines(_ text: String) -> [LayoutLine] {
        var result: [LayoutLine] = []
        let bytes = Array(text.utf8)
        var (page, start) = (0, 0)
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A || bytes[i] == 0x0C {
            var line = String(decoding: bytes[start..<i], as: UTF8.self)
            if bytes[start..<i].contains(where: { $0 == 0x09 || $0 == 0x0D }) {
                line = line.replacingOccurrences(of: "\t", with: "    ").replacingOccurrences(of: "\r", with: "")
            }
            if !isPageNumber(line) { result.append(LayoutLine(line, page: page)) }
            if i < bytes.count, bytes[i] == 0x0C { page += 1 }
            start = i + 1
        }
        return result
    }

    static func isPageNumber(_ line: String) -> Bool {
        let t = trimmingSpaces(line)
        // A page number is made of dashes, digits, spaces, 第页共 and separators only: other lines skip the pattern.
        guard !t.isEmpty, t.unicodeScalars.allSatisfy(mayBeInPageNumber) else { return false }
        return t.range(of: #"^([-—–－─]+\s*\d{1,4}\s*[-—–－─]+|第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$"#,
                       options: .regularExpression) != nil
    }

    private static func mayBeInPageNumber(_ c: Unicode.Scalar) -> Bool {
        "-—–－─第页共,，/".unicodeScalars.contains(c) || c.properties.numericType == .decimal || c.properties.isWhitespace
    }

    /// Line indices of the six section headings (nil where not found), searched in order.
    static func headingIndices(_ lines: [LayoutLine]) -> [Int?] {
        ReportBlockAssembler.headingIndices(
            sections: lines.map { line in
                guard !line.isBlank, line.tokens.count <= 2, line.text.unicodeScalars.contains("、") else { return nil }
                return ReportBlockAssembler.headingSection(tidy(line.trimmed))
            })
    }

    static func isCJK(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x2E80...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFFEF).contains(v) || (0x2018...0x201F).contains(v) || (0x2014...0x2015).contains(v)
    }

    /// `s` without leading and trailing spaces and tabs (Unicode's horizontal whitespace, as
    /// `CharacterSet.whitespaces`: tab and the space separators, U+3000 included).
    static func trimmingSpaces(_ s: String) -> String {
        func isSpace(_ c: Character) -> Bool {
            c == "\t" || c.unicodeScalars.count == 1 && c.unicodeScalars.first!.properties.generalCategory == .spaceSeparator
        }
        guard let start = s.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = s.lastIndex(where: { !isSpace($0) })!
        return String(s[start...end])
    }

    /// Removes stray spaces between Chinese characters (`情 形` → `情形`); collapses other runs of spaces.
    static func tidy(_ s: String, acrossScripts: Bool = false) -> String {
        let chars = Array(trimmingSpaces(s))
        var out = ""
        var i = 0
        while i < chars.count {
            if chars[i] == " " {
                var j = i
                while j < chars.count, chars[j] == " " { j += 1 }
                let before = out.last
                let after = j < chars.count ? chars[j] : nil
                if let b = before, let a = after, acrossScripts ? !(isCJK(b) || isCJK(a)) : !(isCJK(b) && isCJK(a)) {
                    out.append(" ")
                }
                i = j
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    /// Joins wrapped lines: a line continues the previous one when it starts at the margin and the previous line
    /// reaches the right edge; an indented line, a line after a blank or short line, or a heading starts anew.
    static func joinParagraphs(_ lines: [LayoutLine], _ metrics: ParagraphMetrics, acrossScripts: Bool = false) -> [String] {
        var out: [String] = []
        var previous: LayoutLine?
        var blankSince = false
        for line in lines {
            if line.isBlank {
                blankSince = true
                continue
            }
            let text = tidy(line.trimmed, acrossScripts: acrossScripts)
            // Blank lines at the foot of a page do not end a paragraph that goes on over the page.
            let broken = blankSince && previous?.page == line.page
            blankSince = false
            let continues = previous.map { p in
                !broken && line.indent <= metrics.margin(line) + 1
                    && Double(displayEnd(p) - metrics.margin(p)) >= Double(metrics.right(p) - metrics.margin(p)) * 0.88
                    && ReportBlockAssembler.headingSection(text) == nil
            } ?? false
            if continues, let last = out.popLast() {
                let glue = last.last.map(isCJK) == false && text.first.map(isCJK) == false ? " " : ""
                out.append(last + glue + text)
            } else {
                out.append(text)
            }
            previous = line
        }
        return out
    }
}
