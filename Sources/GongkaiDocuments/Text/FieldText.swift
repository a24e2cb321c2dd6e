import GongkaiCore

/// Label normalisation and cell classification shared by the table readers.
enum FieldText {
    /// Quotes (“”"'‘’「」『』) and Markdown marks (* | #) left out of labels.
    @inline(__always)
    private static func isDropped(_ c: UInt32) -> Bool {
        switch c {
        case 0x201C, 0x201D, 0x22, 0x27, 0x2018, 0x2019, 0x300C, 0x300D, 0x300E, 0x300F, 0x2A, 0x7C, 0x23: true
        default: false
        }
    }

    /// Normalises `b[start..<end]` for comparison with the format's labels.
    static func normalise(_ b: [UInt8], _ start: Int, _ end: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        normalise(b, start, end, appendingTo: &out)
        return out
    }

    /// Appends the normalised form of `b[start..<end]` to `out` (what `TableField` labels hold).
    static func normalise(_ b: [UInt8], _ start: Int, _ end: Int, appendingTo out: inout [UInt8]) {
        let first = out.count
        var i = max(0, start)
        let e = min(end, b.count)
        // Most of a label is CJK ideographs (U+4000–U+9FFF, lead bytes E4–E9) and ASCII letters, digits and
        // points, none of which is folded or dropped: such stretches are copied in one go, and only the other
        // characters go through the checks below.
        var plainFrom = i
        while i < e {
            let c = b[i]
            if c >= 0xE4 && c <= 0xE9 && i + 2 < e {
                i += 3
                continue
            }
            if c < 0x80 && isPlainASCII(c) {
                i += 1
                continue
            }
            if plainFrom < i { copy(b, plainFrom, i, to: &out) }
            defer { plainFrom = i }
            let w = TextBytes.whitespaceLength(b, i)
            if w > 0 {
                i += w
                continue
            }
            if let d = TextBytes.digit(b, i) {
                out.append(0x30 + d.value)
                i += d.length
                continue
            }
            if let p = TextBytes.point(b, i) {
                out.append(0x2E)
                i += p
                continue
            }
            let len = min(TextBytes.scalarLength(b[i]), e - i)
            let code = scalarValue(b, i, len)
            i += len
            switch code {
            case 0x28, 0x29:
                out.append(0xEF)
                out.append(0xBC)
                out.append(code == 0x28 ? 0x88 : 0x89)
            case 0x3001 where out.count > first && out[out.count - 1] >= 0x30 && out[out.count - 1] <= 0x39:
                out.append(0x2E)
            case let c where isDropped(c): break
            default: out.append(contentsOf: b[(i - len)..<i])
            }
        }
        if plainFrom < e { copy(b, plainFrom, e, to: &out) }
    }

    /// Appends `b[from..<to]` to `out` in one copy.
    @inline(__always)
    private static func copy(_ b: [UInt8], _ from: Int, _ to: Int, to out: inout [UInt8]) {
        b.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[from..<to])) }
    }

    /// ASCII that normalising leaves as it is — not whitespace, not a bracket (folded to full width), not dropped —
    /// derived once from the rules below.
    private static let plainASCII: [Bool] = (0..<128).map { c in
        TextBytes.whitespaceLength([UInt8(c)], 0) == 0 && c != 0x28 && c != 0x29 && !isDropped(UInt32(c))
    }

    @inline(__always)
    private static func isPlainASCII(_ c: UInt8) -> Bool { plainASCII[Int(c)] }

    static func scalarValue(_ b: [UInt8], _ i: Int, _ len: Int) -> UInt32 {
        guard i + len <= b.count, len > 0 else { return 0 }
        switch len {
        case 1: return UInt32(b[i])
        case 2: return UInt32(b[i] & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
        case 3: return UInt32(b[i] & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
        default:
            return UInt32(b[i] & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                | UInt32(b[i + 3] & 0x3F)
        }
    }

    private static let placeholders: [[UInt8]] = [
        "/", "／", "—", "——", "–", "-", "－", "无", "\\", "--", "－－", "×", "*", "＊", "空", "…", "——",
    ].map(TextBytes.u)
    /// The bytes a placeholder can start with: most cells are ruled out without comparing them to each.
    private static let placeholderStarts: [Bool] = (0..<256).map { byte in
        placeholders.contains { $0.first == UInt8(byte) }
    }
    private static let units: [(text: [UInt8], unit: AmountUnit?)] = [
        (TextBytes.u("万元"), .tenThousandYuan), (TextBytes.u("元"), .yuan), (TextBytes.u("件"), nil),
        (TextBytes.u("个"), nil), (TextBytes.u("项"), nil), (TextBytes.u("条"), nil),
    ]

    /// A separated cell's text (a tab/pipe/line of its own): empty, a placeholder, a number, or a label;
    /// label and placeholder text go to `store`. A number past `limits` is an unreadable cell: kept as a
    /// placeholder of its own text and listed in `store.unreadable` (the reader reports it as an error).
    static func classify(
        _ b: [UInt8], _ start: Int, _ end: Int, line: Int, limits: InputLimits, into store: inout FieldBytes
    ) -> TableField {
        let (s, e) = TextBytes.trim(b, start, end)
        if s >= e { return TableField(kind: .empty, line: line) }
        var f = TableField(kind: .cell, line: line)
        if let n = asciiCount(b, s, e) {
            guard n > limits.maxCellValue else {
                f.number = ExactNumber(n)
                return f
            }
            return unreadable(b, s, e, line: line, .overLimit(TextBytes.string(b, s, e), limit: limits.maxCellValue),
                into: &store)
        }
        if e - s <= 6, placeholderStarts[Int(b[s])],
            placeholders.contains(where: { $0.count == e - s && TextBytes.matches(b, s, $0) })
        {
            f.isPlaceholder = true
            f.start = Int32(store.bytes.count)
            store.bytes.append(contentsOf: b[s..<e])
            f.end = Int32(store.bytes.count)
            return f
        }
        do throws(CellNumberProblem) {
            if let (number, unit) = try number(b, s, e, limits: limits) {
                f.number = number
                f.unit = unit
                return f
            }
        } catch {
            return unreadable(b, s, e, line: line, error, into: &store)
        }
        return label(b, s, e, line: line, into: &store)
    }

    /// A placeholder cell holding `b[s..<e]` as written, listed as unreadable for `problem`.
    private static func unreadable(
        _ b: [UInt8], _ s: Int, _ e: Int, line: Int, _ problem: CellNumberProblem, into store: inout FieldBytes
    ) -> TableField {
        var f = TableField(kind: .cell, line: line)
        f.isPlaceholder = true
        f.start = Int32(store.bytes.count)
        store.bytes.append(contentsOf: b[s..<e])
        f.end = Int32(store.bytes.count)
        store.unreadable.append(UnreadableCell(line: line, text: store.text(f), problem: problem))
        return f
    }

    /// A label field holding the normalised `b[s..<e]` (possibly empty).
    static func label(_ b: [UInt8], _ s: Int, _ e: Int, line: Int, into store: inout FieldBytes) -> TableField {
        var f = TableField(kind: .label, line: line)
        f.start = Int32(store.bytes.count)
        normalise(b, s, e, appendingTo: &store.bytes)
        f.end = Int32(store.bytes.count)
        return f
    }

    /// The common case first: up to 18 ASCII digits and nothing else (the caller holds it to the cell limit).
    @inline(__always)
    private static func asciiCount(_ b: [UInt8], _ s: Int, _ e: Int) -> Int? {
        guard e - s <= 18 else { return nil }
        var n = 0
        for i in s..<e {
            let c = b[i]
            guard c >= 0x30 && c <= 0x39 else { return nil }
            n = n * 10 + Int(c - 0x30)
        }
        return n
    }

    /// Parses `+26`, `－1`, `929.9082`, `1,234`, `575394432.52元` (full-width forms folded); nil for text that
    /// is no number; throws for a number past `limits` or written in scientific notation (`1e3`).
    static func number(
        _ b: [UInt8], _ s: Int, _ e: Int, limits: InputLimits
    ) throws(CellNumberProblem) -> (ExactNumber, AmountUnit?)? {
        // A number starts with a digit or a sign (a label, the usual text here, is turned away at once).
        guard TextBytes.digit(b, s) != nil || TextBytes.sign(b, s) != nil else { return nil }
        var end = e
        var unit: AmountUnit?
        for u in units where end - u.text.count > s && TextBytes.matches(b, end - u.text.count, u.text) {
            unit = u.unit
            end = TextBytes.trim(b, s, end - u.text.count).1
            break
        }
        var i = s
        var negative = false
        if let sign = TextBytes.sign(b, i) {
            negative = sign.ascii == 0x2D
            i += sign.length
        }
        var digits = ExactNumber.Digits()
        while i < end {
            if let d = TextBytes.digit(b, i) {
                _ = digits.take(0x30 + d.value)
                i += d.length
            } else if let p = TextBytes.point(b, i), !digits.seenPoint, digits.count > 0 {
                _ = digits.take(0x2E)
                i += p
            } else if b[i] == 0x2C, digits.count > 0, !digits.seenPoint {
                i += 1
            } else if digits.count > 0, ExactNumber.Digits.isExponent(b[i..<end]) {
                throw .scientificNotation(TextBytes.string(b, s, e))
            } else {
                return nil
            }
        }
        guard digits.isNumber else { return nil }
        return (try digits.number(negative: negative, limits: limits, text: TextBytes.string(b, s, e)), unit)
    }
}
