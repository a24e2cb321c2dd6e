/// One of the six sections as found in the text: its heading (nil when it had to be inferred) and its body.
struct SectionSpan: Sendable {
    var number: Int
    var heading: CleanPiece?
    var body: [TextPiece]
}

/// The text cut into the part before 一、总体情况 and the six sections (format reference §2.2, §3.2).
///
/// Headings are found by numeral + keyword ("三、收到和处理…", also in the middle of a whole page on one line)
/// and, failing that, by keyword alone at the start of a short line with any numbering ("（三）收到和处理…").
struct SectionSplit: Sendable {
    var front: [TextPiece]
    var sections: [Int: SectionSpan]
    /// Sections whose heading was missing and whose start was inferred from their table.
    var inferred: Set<Int> = []
}

enum SectionSplitter {
    private struct Candidate {
        var section: Int
        var position: Int
        var line: Int
        var strong: Bool
        var synthetic = false
    }

    /// The keywords of a section and how many scalars may stand between the numbering and a keyword.
    private struct SectionKeywords {
        var section: Int
        var words: [[UInt8]]
        var window: Int
        /// Bit `n` is set when a word starts with the byte 0xE0 + n (every keyword starts with a CJK ideograph).
        var leads: UInt16 = 0

        init(_ section: Int, _ words: [String], window: Int) {
            self.section = section
            self.words = words.map(TextBytes.u)
            self.window = window
            for w in self.words where w[0] & 0xF0 == 0xE0 { leads |= 1 << (w[0] & 0x0F) }
        }

        /// Whether one of the words may start with `byte` (a test before comparing whole words).
        @inline(__always)
        func mayStart(_ byte: UInt8) -> Bool { byte & 0xF0 == 0xE0 && leads & (1 << (byte & 0x0F)) != 0 }

        /// Whether one of the words starts at `i`.
        @inline(__always)
        func starts(_ b: [UInt8], _ i: Int) -> Bool {
            i < b.count && mayStart(b[i]) && words.contains { TextBytes.matches(b, i, $0) }
        }
    }

    /// Keywords per section, in section order.
    private static let keywords = [
        SectionKeywords(1, ["总体情况", "概述"], window: 4),
        SectionKeywords(2, ["主动公开"], window: 4),
        SectionKeywords(3, ["收到和处理", "收到及处理", "依申请公开"], window: 4),
        SectionKeywords(4, ["行政复议"], window: 14),
        SectionKeywords(5, ["主要问题"], window: 14),
        SectionKeywords(6, ["其他需要报告", "其他需报告"], window: 4),
    ]

    static func split(_ doc: TextDocument) -> SectionSplit {
        // Strong and weak candidates are only ever looked up separately, so they may be gathered apart.
        var candidates = findStrong(doc)
        for line in doc.lines {
            if let weak = findWeak(doc, line) { candidates.append(weak) }
        }
        var chosen = choose(candidates)
        var inferred: Set<Int> = []
        for n in [3, 4] where chosen[n] == nil {
            if let c = infer(doc, section: n, chosen: chosen) {
                chosen[n] = c
                inferred.insert(n)
            }
        }
        var split = cut(doc, chosen)
        split.inferred = inferred
        return split
    }

    /// Where a table whose heading is missing starts: 本列数据/申请人情况/本年新收 for 三; the 行政复议 before
    /// 未经复议直接起诉 for 四.
    private static func infer(_ doc: TextDocument, section: Int, chosen: Chosen) -> Candidate? {
        let b = doc.bytes
        let lower = maxPosition(chosen, 1..<section) ?? 0
        let upper = min(minPosition(chosen, (section + 1)..<7) ?? b.count, b.count)
        var at: Int?
        if section == 3 {
            at = ["（本列数据", "本列数据", "申请人情况", "本年新收"].compactMap {
                TextBytes.find(TextBytes.u($0), in: b, from: lower + 1, to: upper)
            }.min()
        } else if let anchor = ["未经复议直接起诉", "复议后起诉"].compactMap({
            TextBytes.find(TextBytes.u($0), in: b, from: lower + 1, to: upper)
        }).min() {
            let forward = TextBytes.find(Lit.carriedForward, in: b, from: lower + 1, to: anchor) ?? lower + 1
            var last: Int?
            var from = forward
            while let p = TextBytes.find(Lit.reconsideration, in: b, from: from, to: anchor) {
                last = p
                from = p + 1
            }
            at = last ?? anchor
        }
        guard let position = at, let line = doc.lines.first(where: { $0.start <= position && position <= $0.end })
        else { return nil }
        let trimmed = TextBytes.trim(b, line.start, line.end).0
        let start = position - trimmed <= 3 ? line.start : position
        return Candidate(section: section, position: start, line: line.line, strong: false, synthetic: true)
    }

    /// `三、收到和处理…` anywhere in a line, in text order.
    ///
    /// One scan of the whole text for a numeral followed by a separator's first byte; each hit
    /// is then checked fully within its line (numeral and separator both inside it, keyword before its end).
    private static func findStrong(_ doc: TextDocument) -> [Candidate] {
        let b = doc.bytes
        let lines = doc.lines
        var out: [Candidate] = []
        var k = 0  // the first line that does not end before the current hit
        var q = 3
        let last = b.count - 3
        while q <= last {
            let hit = b.withUnsafeBufferPointer { separatorAfterNumeral($0, from: q, last: last) }
            guard hit <= last else { break }
            q = hit + 1
            while k < lines.count && lines[k].end - 3 < hit { k += 1 }
            guard k < lines.count else { break }
            let line = lines[k]
            let i = hit - 3
            guard i >= line.start else { continue }  // the numeral would stand before the line
            if let n = numeral(b, i), let sep = separatorLength(b, hit), !TextBytes.matches(b, i - 3, Lit.di),
                keywordFollows(b, section: n, from: hit + sep, end: line.end)
            {
                out.append(Candidate(section: n, position: i, line: line.line, strong: true))
            }
        }
        return out
    }

    /// The first `j` in `from...last` where a separator's first byte (、．，: 0xE3, 0xEF; `.`) directly follows
    /// a numeral 一…六 (`j - 3..<j`); `last + 1` when there is none. `from` must be at least 3.
    ///
    /// Eight bytes at a time: a word-wide test flags the bytes that may start such a pair (a separator's first
    /// byte three bytes after a numeral's, 0xE4 or 0xE5; it may flag too many, never too few), and only the
    /// flagged ones are checked, lowest first.
    private static func separatorAfterNumeral(_ p: UnsafeBufferPointer<UInt8>, from: Int, last: Int) -> Int {
        func exact(_ j: Int) -> Bool {
            let c = p[j]
            guard c == 0xE3 || c == 0xEF || c == 0x2E, p[j - 3] | 1 == 0xE5 else { return false }
            switch UInt32(p[j - 3]) << 16 | UInt32(p[j - 2]) << 8 | UInt32(p[j - 1]) {
            case 0xE4B880, 0xE4BA8C, 0xE4B889, 0xE59B9B, 0xE4BA94, 0xE585AD: return true  // 一 二 三 四 五 六
            default: return false
            }
        }
        var j = from
        if let base = p.baseAddress.map(UnsafeRawPointer.init), from >= 3 {
            // Wrapping arithmetic: `j + 7 <= last` keeps every offset inside the buffer.
            while j &+ 7 <= last {
                let v = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: j, as: UInt64.self))
                let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: j &- 3, as: UInt64.self))
                let lead = zeroBytes((w | ones) ^ (ones &* 0xE5))  // 0xE4 or 0xE5
                let separator = zeroBytes(v ^ (ones &* 0xE3)) | zeroBytes(v ^ (ones &* 0xEF))
                    | zeroBytes(v ^ (ones &* 0x2E))
                var may = lead & separator
                while may != 0 {
                    let k = j &+ may.trailingZeroBitCount &>> 3
                    if exact(k) { return k }
                    may &= may &- 1
                }
                j &+= 8
            }
        }
        while j <= last {
            if exact(j) { return j }
            j += 1
        }
        return j
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The high bit of every zero byte of `x` (and possibly of bytes above one that is zero).
    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & 0x8080_8080_8080_8080 }

    /// 一…六 at `i` as 1…6.
    @inline(__always)
    private static func numeral(_ b: [UInt8], _ i: Int) -> Int? {
        guard i + 2 < b.count else { return nil }
        switch UInt32(b[i]) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) {
        case 0xE4B880: return 1
        case 0xE4BA8C: return 2
        case 0xE4B889: return 3
        case 0xE59B9B: return 4
        case 0xE4BA94: return 5
        case 0xE585AD: return 6
        default: return nil
        }
    }

    /// 、 . ． ， after a numeral.
    @inline(__always)
    private static func separatorLength(_ b: [UInt8], _ i: Int) -> Int? {
        guard i < b.count else { return nil }
        if b[i] == 0x2E { return 1 }
        guard i + 2 < b.count else { return nil }
        switch UInt32(b[i]) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) {
        case 0xE38081, 0xEFBC8E, 0xEFBC8C: return 3
        default: return nil
        }
    }

    /// Whether a keyword of `section` starts within its window after `from`, with no digit in between.
    private static func keywordFollows(_ b: [UInt8], section: Int, from: Int, end: Int) -> Bool {
        guard (1...keywords.count).contains(section) else { return false }
        let entry = keywords[section - 1]  // `keywords` is in section order
        var i = from
        var scalars = 0
        while i < end && scalars <= entry.window {
            if entry.starts(b, i) { return true }
            if TextBytes.digit(b, i) != nil { return false }
            i += TextBytes.scalarLength(b[i])
            scalars += 1
        }
        return false
    }

    /// A short line with no tab and no "。" that starts (after any numbering) with a section keyword.
    private static func findWeak(_ doc: TextDocument, _ line: TextPiece) -> Candidate? {
        let c = doc.clean(line)
        let b = doc.bytes
        guard !c.isEmpty, c.end - c.start <= 40 * 3,
            TextBytes.index(of: 0x09, in: b, from: line.start, to: line.end) == nil,
            TextBytes.find(Lit.period, in: b, from: c.start, to: c.end) == nil
        else { return nil }
        var i = c.start
        var skipped = 0
        while i < c.end && skipped < 6 && isNumbering(b, i) {
            i += TextBytes.scalarLength(b[i])
            skipped += 1
        }
        guard let section = weakKeywordSection(b, from: i, end: c.end) else { return nil }
        return Candidate(section: section, position: c.start, line: line.line, strong: false)
    }

    /// The section whose keyword starts the text at `from` (四 and 五 may come a little later).
    private static func weakKeywordSection(_ b: [UInt8], from i: Int, end: Int) -> Int? {
        let next = i < b.count ? i + TextBytes.scalarLength(b[i]) : nil  // one scalar of slack
        for entry in keywords {
            switch entry.section {
            case 4, 5:
                // The keyword must occur in the line at all (one fast search) before its place is checked.
                guard entry.words.contains(where: { TextBytes.find($0, in: b, from: i, to: end) != nil }),
                    entry.section == 5 || TextBytes.find(Lit.litigation, in: b, from: i, to: end) != nil,
                    keywordFollows(b, section: entry.section, from: i, end: end)
                else { continue }
            default:
                guard entry.starts(b, i) || next.map({ entry.starts(b, $0) }) == true else { continue }
            }
            return entry.section
        }
        return nil
    }

    /// （()）、.．第部分一…十, ASCII and full-width digits, colons and spaces.
    private static func isNumbering(_ b: [UInt8], _ i: Int) -> Bool {
        let len = TextBytes.scalarLength(b[i])
        guard i + len <= b.count else { return false }
        if len == 1 {
            let c = b[i]
            return c == 0x28 || c == 0x29 || c == 0x2E || c == 0x3A || c == 0x20 || (c >= 0x30 && c <= 0x39)
        }
        for k in 1..<len where b[i + k] & 0xC0 != 0x80 { return false }
        switch FieldText.scalarValue(b, i, len) {
        case 0x3001, 0x4E00, 0x4E03, 0x4E09, 0x4E5D, 0x4E8C, 0x4E94, 0x516B, 0x516D, 0x5206, 0x5341, 0x56DB, 0x7B2C,
            0x90E8, 0xFF08, 0xFF09, 0xFF0E, 0xFF10...0xFF1A:
            return true
        default:
            return false
        }
    }

    /// The heading chosen for each section, by number; slots 0 and 7 stay empty (they bound the searches).
    private typealias Chosen = [Candidate?]

    /// The largest position of a heading chosen for one of `sections`.
    private static func maxPosition(_ chosen: Chosen, _ sections: Range<Int>) -> Int? {
        var best: Int?
        for n in sections { if let p = chosen[n]?.position, p > best ?? Int.min { best = p } }
        return best
    }

    /// The smallest position of a heading chosen for one of `sections`.
    private static func minPosition(_ chosen: Chosen, _ sections: Range<Int>) -> Int? {
        var best: Int?
        for n in sections { if let p = chosen[n]?.position, p < best ?? Int.max { best = p } }
        return best
    }

    /// Strong headings first, in order; weak ones fill the gaps.
    private static func choose(_ all: [Candidate]) -> Chosen {
        var chosen = Chosen(repeating: nil, count: 8)
        var last = -1
        for n in 1...6 {
            if let c = all.first(where: { $0.strong && $0.section == n && $0.position > last }) {
                chosen[n] = c
                last = c.position
            }
        }
        for n in 1...6 where chosen[n] == nil {
            let lower = maxPosition(chosen, 1..<n) ?? -1
            let upper = minPosition(chosen, (n + 1)..<8) ?? Int.max
            if let c = all.first(where: { !$0.strong && $0.section == n && $0.position > lower && $0.position < upper }) {
                chosen[n] = c
            }
        }
        return chosen
    }

    private static func cut(_ doc: TextDocument, _ chosen: Chosen) -> SectionSplit {
        let ordered = chosen.compactMap { $0 }.sorted { $0.position < $1.position }
        var split = SectionSplit(front: [], sections: Dictionary(minimumCapacity: ordered.count))
        let firstPos = ordered.first?.position ?? Int.max
        split.front = pieces(doc, from: 0, to: firstPos)
        for (k, c) in ordered.enumerated() {
            let next = k + 1 < ordered.count ? ordered[k + 1].position : Int.max
            let headingEnd = c.synthetic ? c.position : headingEnd(doc, c, limit: next)
            let heading = c.synthetic ? nil : doc.clean(TextPiece(line: c.line, start: c.position, end: headingEnd))
            split.sections[c.section] = SectionSpan(
                number: c.section, heading: heading, body: pieces(doc, from: headingEnd, to: next))
        }
        return split
    }

    /// The whole line when the heading starts it and it is short; else up to the first 情况/事项/措施.
    private static func headingEnd(_ doc: TextDocument, _ c: Candidate, limit: Int) -> Int {
        let b = doc.bytes
        guard let line = doc.line(numbered: c.line) else { return c.position }
        let end = min(line.end, limit)
        let cleaned = doc.clean(TextPiece(line: line.line, start: line.start, end: end))
        if cleaned.start == c.position, cleaned.end - cleaned.start <= 42 * 3,
            TextBytes.find(Lit.period, in: b, from: c.position, to: end) == nil
        {
            return end
        }
        let stops = Lit.headingStops
        var i = c.position
        var scalars = 0
        while i < end && scalars < 40 {
            if let s = stops.first(where: { TextBytes.matches(b, i, $0) }) { return i + s.count }
            i += TextBytes.scalarLength(b[i])
            scalars += 1
        }
        return min(end, c.position + 6 * 3)
    }

    /// The text between two byte offsets, as pieces of lines (empty lines inside the range included).
    ///
    /// Lines are in order and do not overlap, so the lines concerned are found by binary search.
    static func pieces(_ doc: TextDocument, from: Int, to: Int) -> [TextPiece] {
        let lines = doc.lines
        let first = firstLine(lines) { $0.start >= from || $0.end > from }
        let past = max(first, firstLine(lines) { $0.start >= to })
        var out: [TextPiece] = []
        out.reserveCapacity(past - first)
        for k in first..<past {
            let line = lines[k]
            out.append(TextPiece(line: line.line, start: max(line.start, from), end: min(line.end, to)))
        }
        return out
    }

    /// The index of the first line for which `isPast` holds, which must hold for every line after it too.
    private static func firstLine(_ lines: [TextPiece], _ isPast: (TextPiece) -> Bool) -> Int {
        var low = 0
        var high = lines.count
        while low < high {
            let mid = (low + high) / 2
            if isPast(lines[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
