/// Prose split into the clauses that can hold a claim, on the UTF-8 bytes of each line.
///
/// Clauses end at 。；，(and ; ,) and at line ends; a clause can hold a claim when it mentions 件, 起 or 复(议).
/// Few do (about one character in ten is in one), so the scan looks for those three characters eight bytes at a
/// time, and only around each one it finds looks for the separators that bound its clause.
extension ProseRules {
    /// One clause of prose: its UTF-8 bytes, valid only while the closure it is passed to runs.
    struct Clause {
        var bytes: UnsafeBufferPointer<UInt8>
        /// Whether a digit stands before some 件 or 起 (spaces between allowed): without one, no phrase of the
        /// clause is followed by a figure, and only the claims without a figure need looking for.
        var quotesFigure: Bool
    }

    /// Calls `body` with each clause of `lines` that can hold a claim, in order.
    static func forEachClause(of lines: [String], _ body: (Clause) -> Void) {
        for var line in lines {
            line.makeContiguousUTF8()
            line.utf8.withContiguousStorageIfAvailable { forEachClause(in: $0, body) }
        }
    }

    /// The clauses of one line. `from` is always where a clause begins: the line's start or just after a
    /// separator; no 件, 起 or 复 stands between it and the next one found.
    private static func forEachClause(in b: UnsafeBufferPointer<UInt8>, _ body: (Clause) -> Void) {
        var from = 0
        while let m = firstMarker(in: b, from: from) {
            let start = clauseStart(in: b, before: m, notBefore: from)
            let (end, separator, figure) = clauseEnd(in: b, start: start, marker: m)
            body(Clause(bytes: UnsafeBufferPointer(rebasing: b[start..<end]), quotesFigure: figure))
            from = end + separator
        }
    }

    /// The byte offset of the first 件 (E4 BB B6), 起 (E8 B5 B7) or 复 (E5 A4 8D) at or after `from`.
    ///
    /// Eight bytes are tested at once for the three characters' last bytes (B6, B7, 8D; one byte in thirty
    /// of Chinese text), and only those are compared with the whole character. A byte match is a character
    /// match: each pattern begins with a lead byte.
    static func firstMarker(in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = UnsafeRawPointer(b.baseAddress) else { return nil }
        let ones: UInt64 = 0x0101_0101_0101_0101
        var i = from
        // offsets stay within the line: wrapping arithmetic, no overflow checks in the loop
        while i &+ 8 <= b.count {
            let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            // B6 and B7 are the bytes whose value with its low bit set is B7
            var candidates = zeroBytes((w | ones) ^ (0xB7 &* ones)) | zeroBytes(w ^ (0x8D &* ones))
            while candidates != 0 {
                if let m = marker(in: b, endingAt: i &+ candidates.trailingZeroBitCount &>> 3, from: from) { return m }
                candidates &= candidates &- 1
            }
            i &+= 8
        }
        while i < b.count {
            if let m = marker(in: b, endingAt: i, from: from) { return m }
            i += 1
        }
        return nil
    }

    /// The high bit of every zero byte of `x` (and possibly of a byte above one, which the caller re-tests).
    private static func zeroBytes(_ x: UInt64) -> UInt64 {
        (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// The offset of the 件, 起 or 复 whose last byte is at `p`, if one is there and begins at or after `from`.
    private static func marker(in b: UnsafeBufferPointer<UInt8>, endingAt p: Int, from: Int) -> Int? {
        guard p &- 2 >= from else { return nil }
        switch UInt32(b[p &- 2]) << 16 | UInt32(b[p &- 1]) << 8 | UInt32(b[p]) {
        case 0xE4BBB6, 0xE8B5B7, 0xE5A48D: return p &- 2
        default: return nil
        }
    }

    /// Where the clause holding the character at `m` begins: just after the last separator before it, or `from`.
    /// A byte can end a separator only if its low six bits are those of ; , or the last byte of 。；，— one
    /// bit test per byte, the whole separator compared only then.
    private static func clauseStart(in b: UnsafeBufferPointer<UInt8>, before m: Int, notBefore from: Int) -> Int {
        let separatorLastBytes: UInt64 =
            1 << (0x3B & 63) | 1 << (0x2C & 63) | 1 << (0x82 & 63) | 1 << (0x9B & 63) | 1 << (0x8C & 63)
        var j = m
        while j > from {
            if separatorLastBytes &>> UInt64(b[j &- 1]) & 1 != 0 && endsWithSeparator(b, at: j, from: from) { return j }
            j &-= 1
        }
        return from
    }

    /// Whether a separator (; , 。；，) ends just before `j`, beginning at or after `from`.
    private static func endsWithSeparator(_ b: UnsafeBufferPointer<UInt8>, at j: Int, from: Int) -> Bool {
        let last = b[j - 1]
        if last == UInt8(ascii: ";") || last == UInt8(ascii: ",") { return true }
        guard j - 3 >= from else { return false }
        switch UInt32(b[j - 3]) << 16 | UInt32(b[j - 2]) << 8 | UInt32(last) {
        case 0xE38082, 0xEFBC9B, 0xEFBC8C: return true  // 。；，
        default: return false
        }
    }

    /// The end of the clause that begins at `start` and holds a 件, 起 or 复 at `m` (no other before it): the
    /// offset of its separator or of the line's end, the separator's length (0 at the end), and whether a figure
    /// is quoted (a digit before some 件 or 起).
    private static func clauseEnd(
        in b: UnsafeBufferPointer<UInt8>, start: Int, marker m: Int
    ) -> (end: Int, separator: Int, figure: Bool) {
        var figure = false
        var i = m
        while i < b.count {
            let lead = b[i]
            if lead < 0x80 {
                if lead == UInt8(ascii: ";") || lead == UInt8(ascii: ",") { return (i, 1, figure) }
                i += 1
            } else if lead >= 0xE0 && lead < 0xF0 && i + 2 < b.count {
                switch UInt32(lead) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) {
                case 0xE38082, 0xEFBC9B, 0xEFBC8C: return (i, 3, figure)  // 。；，
                case 0xE4BBB6, 0xE8B5B7: figure = figure || endsWithDigit(b[start..<i])  // 件 起
                default: break
                }
                i += 3
            } else {
                i += scalarLength(lead)
            }
        }
        return (b.count, 0, figure)
    }

    /// Whether `b` ends with a digit, ASCII or full-width, before any trailing spaces.
    private static func endsWithDigit(_ b: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var j = b.endIndex
        while j > b.startIndex && b[j - 1] == UInt8(ascii: " ") { j -= 1 }
        guard j > b.startIndex else { return false }
        if b[j - 1] >= 0x30 && b[j - 1] <= 0x39 { return true }
        return j - 3 >= b.startIndex && b[j - 3] == 0xEF && b[j - 2] == 0xBC && b[j - 1] >= 0x90 && b[j - 1] <= 0x99
    }
}
