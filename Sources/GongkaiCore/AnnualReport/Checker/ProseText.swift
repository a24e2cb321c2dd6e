/// The UTF-8 level of the prose rules: prose split into clauses and phrases matched, all on the bytes of the
/// lines as they are stored, without decoding characters or copying text (a string is made only for the quote
/// of a finding).
///
/// Matching bytes is matching characters: in UTF-8 no character's encoding occurs inside another's, so the first
/// byte match of a phrase is its first character match.
extension ProseRules {
    /// One clause of prose: its UTF-8 bytes, valid only while the closure it is passed to runs.
    struct Clause {
        var bytes: UnsafeBufferPointer<UInt8>
        /// Whether a digit stands before some 件 or 起 (spaces between allowed): without one, no phrase of the
        /// clause is followed by a figure, and only the claims without a figure need looking for.
        var quotesFigure: Bool
    }

    /// A phrase claims are recognised by, e.g. "行政复议": a literal, so its bytes need no allocation.
    typealias Key = StaticString

    /// Calls `body` with each clause of `lines` that can hold a claim, in order. Clauses end at 。；，(and ; ,)
    /// and at line ends; kept are those that mention 件, 起 or 复(议), the rest cost one pass over their bytes.
    static func forEachClause(of lines: [String], _ body: (Clause) -> Void) {
        for var line in lines {
            line.makeContiguousUTF8()
            line.utf8.withContiguousStorageIfAvailable { forEachClause(in: $0, body) }
        }
    }

    /// The third bytes of the six three-byte characters the clause scan looks for (。；，件起复), one bit each
    /// at their low six bits: one test passes over nine in ten other characters without comparing them.
    private static let markerThirdBytes: UInt64 = [0x82, 0x9B, 0x8C, 0xB6, 0xB7, 0x8D].reduce(0) { $0 | 1 << ($1 & 63) }

    /// The scan behind `forEachClause(of:_:)`, for one line. Offsets only grow by character lengths within the
    /// line, so they use wrapping arithmetic (no overflow checks in the loop that every byte of prose passes).
    private static func forEachClause(in b: UnsafeBufferPointer<UInt8>, _ body: (Clause) -> Void) {
        let marker = markerThirdBytes
        var start = 0
        var relevant = false
        var figure = false
        var i = 0
        while i < b.count {
            let lead = b[i]
            var separator = 0
            if lead >= 0xE0 && lead < 0xF0 && i &+ 2 < b.count {
                let third = b[i &+ 2]
                if marker &>> UInt64(third) & 1 != 0 {
                    switch UInt32(lead) << 16 | UInt32(b[i &+ 1]) << 8 | UInt32(third) {
                    case 0xE38082, 0xEFBC9B, 0xEFBC8C: separator = 3  // 。；，
                    case 0xE4BBB6, 0xE8B5B7:  // 件 起
                        relevant = true
                        figure = figure || endsWithDigit(b[start..<i])
                    case 0xE5A48D: relevant = true  // 复
                    default: break
                    }
                }
                if separator == 0 {
                    i &+= 3
                    continue
                }
            } else if lead < 0x80 {
                guard lead == UInt8(ascii: ";") || lead == UInt8(ascii: ",") else {
                    i &+= 1
                    continue
                }
                separator = 1
            } else {
                i &+= scalarLength(lead)
                continue
            }
            if relevant { body(Clause(bytes: UnsafeBufferPointer(rebasing: b[start..<i]), quotesFigure: figure)) }
            relevant = false
            figure = false
            i &+= separator
            start = i
        }
        if relevant { body(Clause(bytes: UnsafeBufferPointer(rebasing: b[start..<b.count]), quotesFigure: figure)) }
    }

    /// Whether `b` ends with a digit, ASCII or full-width, before any trailing spaces.
    private static func endsWithDigit(_ b: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var j = b.endIndex
        while j > b.startIndex && b[j - 1] == UInt8(ascii: " ") { j -= 1 }
        guard j > b.startIndex else { return false }
        if b[j - 1] >= 0x30 && b[j - 1] <= 0x39 { return true }
        return j - 3 >= b.startIndex && b[j - 3] == 0xEF && b[j - 2] == 0xBC && b[j - 1] >= 0x90 && b[j - 1] <= 0x99
    }

    /// The number of bytes of the character whose first byte is `lead`.
    static func scalarLength(_ lead: UInt8) -> Int { lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4 }

    /// The first "N件" (or "N起") after `key`, within 16 characters, not passing one of the `skipping` phrases.
    /// Digits are ASCII or full-width (not 二, which `wholeNumberValue` also reads as 2).
    static func count(after key: Key, in c: UnsafeBufferPointer<UInt8>, skipping: [Key] = []) -> Int? {
        guard let start = index(of: key, in: c) else { return nil }
        var i = start + key.utf8CodeUnitCount
        var characters = 0
        while i < c.count && characters < 16 {
            if skipping.contains(where: { startsWith(c, at: i, $0) }) { return nil }
            if let (d, width) = digit(c, at: i) {
                var n = d
                var j = i + width
                while j < c.count, let (e, width) = digit(c, at: j), n < 100_000_000 {
                    n = n * 10 + e
                    j += width
                }
                while j < c.count, c[j] == UInt8(ascii: " ") { j += 1 }
                return startsWith(c, at: j, "件") || startsWith(c, at: j, "起") ? n : nil
            }
            i += scalarLength(c[i])
            characters += 1
        }
        return nil
    }

    /// The digit at byte `i` and its length in bytes: ASCII 0–9, or full-width ０–９ (EF BC 90–99).
    private static func digit(_ c: UnsafeBufferPointer<UInt8>, at i: Int) -> (Int, Int)? {
        let b = c[i]
        if b >= 0x30 && b <= 0x39 { return (Int(b - 0x30), 1) }
        guard b == 0xEF, i + 2 < c.count, c[i + 1] == 0xBC, c[i + 2] >= 0x90 && c[i + 2] <= 0x99 else { return nil }
        return (Int(c[i + 2] - 0x90), 3)
    }

    /// The byte offset of the first occurrence of `key` in `c`.
    static func index(of key: Key, in c: UnsafeBufferPointer<UInt8>) -> Int? {
        let k = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        guard let first = k.first, c.count >= k.count else { return nil }
        for i in 0...(c.count - k.count) where c[i] == first && startsWith(c, at: i, k) { return i }
        return nil
    }

    static func contains(_ c: UnsafeBufferPointer<UInt8>, _ key: Key) -> Bool { index(of: key, in: c) != nil }

    static func startsWith(_ c: UnsafeBufferPointer<UInt8>, at i: Int, _ key: Key) -> Bool {
        startsWith(c, at: i, UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
    }

    private static func startsWith(_ c: UnsafeBufferPointer<UInt8>, at i: Int, _ k: UnsafeBufferPointer<UInt8>) -> Bool {
        guard i >= 0, i + k.count <= c.count else { return false }
        for j in k.indices where c[i + j] != k[j] { return false }
        return true
    }
}
