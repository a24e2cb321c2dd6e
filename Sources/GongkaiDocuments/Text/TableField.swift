import GongkaiCore

/// One thing read from a table region: a label, an exact cell (a separated number, blank or placeholder),
/// or a run of digits that may hold several cells run together.
///
/// A value type kept in one copy-on-write box: fields are copied many times between tokens, rows and
/// candidates, and a copy is then one reference count instead of one per array inside.
struct TableField: Sendable {
    enum Kind: Sendable { case label, cell, run, empty }

    private final class Storage: @unchecked Sendable {  // mutated only while uniquely referenced
        var kind: Kind
        var line: Int
        var label: [UInt8]
        var cell: Cell
        var run: [UInt8] = []
        var hints: [Int] = []
        var unit: AmountUnit?
        var single: Bool

        init(kind: Kind, line: Int, label: [UInt8], cell: Cell, unit: AmountUnit?, single: Bool) {
            self.kind = kind
            self.line = line
            self.label = label
            self.cell = cell
            self.unit = unit
            self.single = single
        }

        func copy() -> Storage {
            let c = Storage(kind: kind, line: line, label: label, cell: cell, unit: unit, single: single)
            c.run = run
            c.hints = hints
            return c
        }
    }

    private var storage: Storage

    init(
        kind: Kind, line: Int, label: [UInt8] = [], cell: Cell = .blank, unit: AmountUnit? = nil, single: Bool = false
    ) {
        storage = Storage(kind: kind, line: line, label: label, cell: cell, unit: unit, single: single)
    }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    var kind: Kind { storage.kind }
    var line: Int {
        get { storage.line }
        set { unique().line = newValue }
    }
    /// Normalised label text (labels only): no spaces, full-width brackets, ASCII digits, no quotes.
    var label: [UInt8] {
        get { storage.label }
        _modify { yield &unique().label }
    }
    /// The cell (`.cell` only).
    var cell: Cell { storage.cell }
    /// ASCII digits, signs and points of a run (`.run` only); spaces removed.
    var run: [UInt8] {
        get { storage.run }
        _modify { yield &unique().run }
    }
    /// Offsets in `run` where the source had a space (a hint of a cell boundary).
    var hints: [Int] {
        get { storage.hints }
        _modify { yield &unique().hints }
    }
    /// 元 / 万元 written after the number.
    var unit: AmountUnit? {
        get { storage.unit }
        set { unique().unit = newValue }
    }
    /// The label came from a line holding nothing else (it may continue on the next line).
    var single: Bool {
        get { storage.single }
        set { unique().single = newValue }
    }

    static func label(_ text: [UInt8], line: Int, single: Bool = false) -> TableField {
        TableField(kind: .label, line: line, label: text, single: single)
    }

    var labelText: String { String(decoding: label, as: UTF8.self) }

    /// The run's digits as one number, when it is one (no sign in the middle, at most one point).
    var runAsCell: Cell? {
        guard kind == .run, let n = ExactNumber(parsing: Substring(String(decoding: run, as: UTF8.self))) else {
            return nil
        }
        return .number(n)
    }
}

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
        var i = max(0, start)
        let e = min(end, b.count)
        while i < e {
            // Most of a label is CJK ideographs (U+4000–U+9FFF, lead bytes E4–E9), none of which is folded or
            // dropped: copied as they are without the checks below.
            if b[i] >= 0xE4 && b[i] <= 0xE9 && i + 2 < e {
                out.append(b[i])
                out.append(b[i + 1])
                out.append(b[i + 2])
                i += 3
                continue
            }
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
            case 0x3001 where out.last.map({ $0 >= 0x30 && $0 <= 0x39 }) == true: out.append(0x2E)
            case let c where isDropped(c): break
            default: for k in (i - len)..<i { out.append(b[k]) }
            }
        }
        return out
    }

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
    private static let units: [(text: [UInt8], unit: AmountUnit?)] = [
        (TextBytes.u("万元"), .tenThousandYuan), (TextBytes.u("元"), .yuan), (TextBytes.u("件"), nil),
        (TextBytes.u("个"), nil), (TextBytes.u("项"), nil), (TextBytes.u("条"), nil),
    ]

    /// A separated cell's text (a tab/pipe/line of its own): empty, a placeholder, a number, or a label.
    static func classify(_ b: [UInt8], _ start: Int, _ end: Int, line: Int) -> TableField {
        let (s, e) = TextBytes.trim(b, start, end)
        if s >= e { return TableField(kind: .empty, line: line) }
        if let n = asciiCount(b, s, e) { return TableField(kind: .cell, line: line, cell: .number(ExactNumber(n))) }
        if e - s <= 6, placeholders.contains(where: { $0.count == e - s && TextBytes.matches(b, s, $0) }) {
            return TableField(kind: .cell, line: line, cell: .placeholder(TextBytes.string(b, s, e)))
        }
        if let (number, unit) = number(b, s, e) {
            return TableField(kind: .cell, line: line, cell: .number(number), unit: unit)
        }
        return .label(normalise(b, s, e), line: line)
    }

    /// The common case first: up to 18 ASCII digits and nothing else.
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

    /// Parses `+26`, `－1`, `929.9082`, `1,234`, `575394432.52元` (full-width forms folded).
    static func number(_ b: [UInt8], _ s: Int, _ e: Int) -> (ExactNumber, AmountUnit?)? {
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
        var units: Int64 = 0
        var scale = 0
        var digits = 0
        var seenPoint = false
        while i < end {
            if let d = TextBytes.digit(b, i) {
                guard digits < 18 else { return nil }
                units = units * 10 + Int64(d.value)
                digits += 1
                if seenPoint { scale += 1 }
                i += d.length
            } else if let p = TextBytes.point(b, i), !seenPoint, digits > 0 {
                seenPoint = true
                i += p
            } else if b[i] == 0x2C, digits > 0, !seenPoint {
                i += 1
            } else {
                return nil
            }
        }
        guard digits > 0, !(seenPoint && scale == 0) else { return nil }
        return (ExactNumber(units: negative ? -units : units, scale: scale), unit)
    }
}
