/// The UTF-8 level of the prose rules: prose split into clauses and phrases matched, all on the bytes of the
/// lines as they are stored, without decoding characters or copying text (a string is made only for the quote
/// of a finding).
///
/// Matching bytes is matching characters: in UTF-8 no character's encoding occurs inside another's, so the first
/// byte match of a phrase is its first character match.
extension ProseRules {
    /// A phrase claims are recognised by, e.g. "行政复议": a literal, so its bytes need no allocation.
    typealias Key = StaticString

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
    static func digit(_ c: UnsafeBufferPointer<UInt8>, at i: Int) -> (Int, Int)? {
        guard i >= 0 && i < c.count else { return nil }
        let b = c[i]
        if b >= 0x30 && b <= 0x39 { return (Int(b - 0x30), 1) }
        guard b == 0xEF, i + 2 < c.count, c[i + 1] == 0xBC, c[i + 2] >= 0x90 && c[i + 2] <= 0x99 else { return nil }
        return (Int(c[i + 2] - 0x90), 3)
    }

    /// The integer written at byte `i` (at most 9 digits, ASCII or full-width) and the offset after its digits.
    static func integer(_ c: UnsafeBufferPointer<UInt8>, at i: Int) -> (Int, Int)? {
        guard let (first, width) = digit(c, at: i) else { return nil }
        var n = first
        var j = i + width
        var digits = 1
        while let (d, w) = digit(c, at: j) {
            guard digits < 9 else { return nil }
            n = n * 10 + d
            j += w
            digits += 1
        }
        return (n, j)
    }

    /// A summary of the characters of `b`: for each, the bit numbered by the low six bits of its last byte (the
    /// byte that differs most between Chinese characters). Text holding a phrase has every bit of the phrase's
    /// summary set, so a phrase with a bit the text lacks need not be searched for.
    static func characterBits(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var bits: UInt64 = 0
        for i in b.indices where i + 1 == b.count || b[i + 1] & 0xC0 != 0x80 {
            bits |= 1 &<< UInt64(b[i] & 63)
        }
        return bits
    }

    static func characterBits(_ key: Key) -> UInt64 {
        characterBits(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
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

    private static func startsWith(
        _ c: UnsafeBufferPointer<UInt8>, at i: Int, _ k: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard i >= 0, i + k.count <= c.count else { return false }
        for j in k.indices where c[i + j] != k[j] { return false }
        return true
    }
}
