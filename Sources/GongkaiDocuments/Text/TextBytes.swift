import Foundation

/// Byte-level helpers for scanning UTF-8 report text without building `Character`s.
///
/// Every function is total: positions out of range answer `nil`/`false`, never trap.
enum TextBytes {
    /// Length of the UTF-8 sequence that starts with `lead` (1 for stray continuation bytes).
    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// Whether `b[i...]` starts with `pattern`.
    @inline(__always)
    static func matches(_ b: [UInt8], _ i: Int, _ pattern: [UInt8]) -> Bool {
        guard i >= 0, i + pattern.count <= b.count else { return false }
        var k = 0
        while k < pattern.count {
            if b[i + k] != pattern[k] { return false }
            k += 1
        }
        return true
    }

    /// First position of `pattern` in `b[from..<to]`: `memchr` for its last byte, `memcmp` for the whole.
    ///
    /// The last byte, because in CJK text it is a continuation byte (one of 64 values, evenly used) where the
    /// first is a lead byte, nearly always 0xE4…0xE9: far fewer false hits.
    static func find(_ pattern: [UInt8], in b: [UInt8], from: Int, to: Int) -> Int? {
        let last = min(to, b.count) - pattern.count  // the last position where the pattern fits
        guard let anchor = pattern.last, from >= 0, from <= last else { return nil }
        let offset = pattern.count - 1  // of the anchor in the pattern
        return b.withUnsafeBufferPointer { p in
            pattern.withUnsafeBufferPointer { q in
                guard let base = p.baseAddress, let needle = q.baseAddress else { return nil }
                var i = from  // the first start not yet ruled out
                while i <= last, let hit = memchr(base + i + offset, Int32(anchor), last - i + 1) {
                    let j = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - offset
                    if memcmp(base + j, needle, q.count) == 0 { return j }
                    i = j + 1
                }
                return nil
            }
        }
    }

    /// Length of the whitespace (ASCII, ideographic space, NBSP, BOM, zero-width) starting at `i`, or 0.
    @inline(__always)
    static func whitespaceLength(_ b: [UInt8], _ i: Int) -> Int {
        guard i < b.count else { return 0 }
        let c = b[i]
        if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0B || c == 0x0C { return 1 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE3, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
        if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return 3 }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] >= 0x80, b[i + 2] <= 0x8B { return 3 }
        return 0
    }

    /// Whether the scalar ending just before `end` is whitespace; answers its length or 0.
    static func whitespaceLength(endingAt end: Int, in b: [UInt8]) -> Int {
        guard end > 0 else { return 0 }
        if whitespaceLength(b, end - 1) == 1 { return 1 }
        if end >= 2, whitespaceLength(b, end - 2) == 2 { return 2 }
        if end >= 3, whitespaceLength(b, end - 3) == 3 { return 3 }
        return 0
    }

    /// `start..<end` with whitespace removed at both ends.
    static func trim(_ b: [UInt8], _ start: Int, _ end: Int) -> (Int, Int) {
        var s = max(0, start)
        var e = min(end, b.count)
        while s < e {
            let w = whitespaceLength(b, s)
            if w == 0 { break }
            s += w
        }
        while e > s {
            // Only these bytes end a whitespace scalar (ASCII spaces; NBSP's 0xA0; 0x80…0x8B or 0xBF of the
            // three-byte ones): any other last byte ends the trimming without the full test.
            let last = b[e - 1]
            guard last <= 0x20 || last == 0xA0 || (last >= 0x80 && last <= 0x8B) || last == 0xBF else { break }
            let w = whitespaceLength(endingAt: e, in: b)
            if w == 0 { break }
            e -= w
        }
        return (s, max(s, e))
    }

    /// The ASCII digit value at `i` (ASCII or full-width) and its byte length.
    @inline(__always)
    static func digit(_ b: [UInt8], _ i: Int) -> (value: UInt8, length: Int)? {
        guard i < b.count, i >= 0 else { return nil }
        let c = b[i]
        if c >= 0x30 && c <= 0x39 { return (c - 0x30, 1) }
        if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBC, b[i + 2] >= 0x90, b[i + 2] <= 0x99 {
            return (b[i + 2] - 0x90, 3)
        }
        return nil
    }

    /// A sign at `i` (`+ - ＋ － −`), as ASCII, with its byte length.
    @inline(__always)
    static func sign(_ b: [UInt8], _ i: Int) -> (ascii: UInt8, length: Int)? {
        guard i < b.count, i >= 0 else { return nil }
        let c = b[i]
        if c == 0x2B || c == 0x2D { return (c, 1) }
        if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBC, b[i + 2] == 0x8B || b[i + 2] == 0x8D {
            return (b[i + 2] == 0x8B ? 0x2B : 0x2D, 3)
        }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x88, b[i + 2] == 0x92 { return (0x2D, 3) }
        return nil
    }

    /// A decimal point at `i` (`.` or `．`) and its byte length.
    @inline(__always)
    static func point(_ b: [UInt8], _ i: Int) -> Int? {
        guard i < b.count, i >= 0 else { return nil }
        if b[i] == 0x2E { return 1 }
        if b[i] == 0xEF, i + 2 < b.count, b[i + 1] == 0xBC, b[i + 2] == 0x8E { return 3 }
        return nil
    }

    /// Decodes `b[start..<end]` as a String (invalid bytes become U+FFFD; never traps).
    static func string(_ b: [UInt8], _ start: Int, _ end: Int) -> String {
        let s = max(0, min(start, b.count))
        let e = max(s, min(end, b.count))
        return String(decoding: b[s..<e], as: UTF8.self)
    }

    /// `b[start..<end]` as a String, where `b` holds the UTF-8 of `text` from its code unit `offset` on.
    ///
    /// Copied out of `text` when both ends are scalar boundaries: `String(Substring)` copies a native String's
    /// UTF-8 without validating it again, where `string(_:_:_:)` validates every byte. Else (a cut inside a
    /// scalar) decoded with repair, as `string(_:_:_:)`; the result is the same String either way.
    static func string(in text: String, offset: Int = 0, _ b: [UInt8], _ start: Int, _ end: Int) -> String {
        let s = max(0, min(start, b.count))
        let e = max(s, min(end, b.count))
        guard isScalarStart(b, s), isScalarStart(b, e) else { return string(b, s, e) }
        let u = text.utf8
        let lower = u.index(u.startIndex, offsetBy: offset + s)  // O(1) on native UTF-8 Strings
        return String(text[lower..<u.index(lower, offsetBy: e - s)])
    }

    /// Whether a scalar starts at `i` (or `i` is the end): the byte there is no continuation byte.
    @inline(__always)
    static func isScalarStart(_ b: [UInt8], _ i: Int) -> Bool { i >= b.count || b[i] & 0xC0 != 0x80 }

    /// First position of `byte` in `b[from..<to]`.
    @inline(__always)
    static func index(of byte: UInt8, in b: [UInt8], from: Int, to: Int) -> Int? {
        let start = max(0, from)
        let end = min(to, b.count)
        guard start < end else { return nil }
        return b.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress, let hit = memchr(base + start, Int32(byte), end - start) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// UTF-8 bytes of a literal.
    static func u(_ s: String) -> [UInt8] { Array(s.utf8) }
}

/// UTF-8 literals used while scanning, built once.
enum Lit {
    static let di = TextBytes.u("第")
    static let period = TextBytes.u("。")
    static let litigation = TextBytes.u("诉讼")
    static let page = TextBytes.u("页")
    static let sourceLine = TextBytes.u("# source:")
    static let carriedForward = TextBytes.u("结转下年度")
    static let reconsideration = TextBytes.u("行政复议")
    static let normativeDocuments2021 = TextBytes.u("行政规范性文件")
    static let headingStops = ["情况", "事项", "措施"].map(TextBytes.u)
}
