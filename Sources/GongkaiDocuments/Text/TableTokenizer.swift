import GongkaiCore

/// What the tokenizer makes of a table region, in document order.
enum TableToken: Sendable {
    case field(TableField)
    /// A blank line, or the end of a tab/pipe-separated row.
    case rowBreak
    /// A line of prose inside the region (it holds "。" or starts with 注).
    case prose(CleanPiece)
}

/// Cuts the lines of a table region into labels, cells and digit runs, whatever the layout:
/// one cell per tab-indented line (the seed), tab- or pipe-separated rows, or everything run together.
enum TableTokenizer {
    /// The tokens of `pieces`; the fields' text goes to `store`.
    static func tokens(_ doc: TextDocument, _ pieces: [TextPiece], into store: inout FieldBytes) -> [TableToken] {
        var out: [TableToken] = []
        out.reserveCapacity(pieces.count * 2)
        for piece in pieces {
            let c = doc.clean(piece)
            if c.isNoise || c.markdownHeading { continue }
            let tabbed = doc.startsWithTab(piece)
            if c.isEmpty {
                out.append(tabbed ? .field(TableField(kind: .empty, line: piece.line)) : .rowBreak)
                continue
            }
            if isProse(doc.bytes, c) {
                out.append(.prose(c))
                continue
            }
            let b = doc.bytes
            if b[c.start] == 0x7C {
                separated(b, c, by: 0x7C, limits: doc.limits, into: &out, &store)
                out.append(.rowBreak)
            } else if TextBytes.index(of: 0x09, in: b, from: c.start, to: c.end) != nil {
                separated(b, c, by: 0x09, limits: doc.limits, into: &out, &store)
                out.append(.rowBreak)
            } else if tabbed {
                let field = FieldText.classify(b, c.start, c.end, line: c.line, limits: doc.limits, into: &store)
                appendSingle(field, into: &out, &store, plain: false)
            } else {
                mixed(b, c, into: &out, &store)
            }
        }
        return out
    }

    private static let full = TextBytes.u("。")
    private static let note = TextBytes.u("注")

    /// Prose lines hold "。" or start with 注 — unless a long line is a whole table run together.
    private static func isProse(_ b: [UInt8], _ c: CleanPiece) -> Bool {
        guard TextBytes.matches(b, c.start, note) || TextBytes.find(full, in: b, from: c.start, to: c.end) != nil
        else { return false }
        guard c.end - c.start > 600 else { return true }
        var runs = 0
        var inRun = false
        var i = c.start
        while i < c.end {
            let digit = (b[i] < 0xE4 || b[i] > 0xE9) && TextBytes.digit(b, i) != nil
            if digit && !inRun { runs += 1 }
            inRun = digit
            i += TextBytes.scalarLength(b[i])
        }
        return runs < 8
    }

    /// A tab- or pipe-separated row; outer pipes do not make cells.
    private static func separated(
        _ b: [UInt8], _ c: CleanPiece, by sep: UInt8, limits: InputLimits, into out: inout [TableToken],
        _ store: inout FieldBytes
    ) {
        let first = out.count
        var start = c.start
        var i = c.start
        while i <= c.end {
            if i == c.end || b[i] == sep {
                out.append(.field(FieldText.classify(b, start, i, line: c.line, limits: limits, into: &store)))
                start = i + 1
            }
            i += 1
        }
        if sep == 0x7C {
            if case .field(let f) = out[first], f.kind == .empty { out.remove(at: first) }
            if out.count > first, case .field(let f) = out[out.count - 1], f.kind == .empty { out.removeLast() }
        }
    }

    /// A label alone on its line continues the label of the line before when that stood alone too
    /// (the seed wraps "（三）不予" + "公开"; PDF text wraps long labels).
    private static func appendSingle(
        _ f: TableField, into out: inout [TableToken], _ store: inout FieldBytes, plain: Bool
    ) {
        var f = f
        if f.kind == .label {
            f.single = true
            if plain, case .field(let prev)? = out.last, prev.kind == .label, prev.single, prev.line == f.line - 1 {
                var merged = prev
                if prev.end != f.start {  // not adjacent in the store: the two texts are copied together
                    merged.start = Int32(store.bytes.count)
                    store.bytes.append(contentsOf: store.bytes[Int(prev.start)..<Int(prev.end)])
                    store.bytes.append(contentsOf: store.bytes[Int(f.start)..<Int(f.end)])
                }
                merged.end = merged.start + Int32(prev.length + f.length)
                merged.line = f.line
                out[out.count - 1] = .field(merged)
                return
            }
        }
        out.append(.field(f))
    }

    /// A plain line: labels and digit runs with no separators ("规章000规范性文件898989…").
    private static func mixed(_ b: [UInt8], _ c: CleanPiece, into out: inout [TableToken], _ store: inout FieldBytes) {
        let first = out.count
        var labelStart = c.start
        var i = c.start
        while i < c.end {
            guard b[i] < 0xE4 || b[i] > 0xE9, startsRun(b, i, c.end) else {  // CJK ideographs start no run
                i += TextBytes.scalarLength(b[i])
                continue
            }
            // A label before the run is normalised into the store before the run's digits are.
            let mark = store.bytes.count
            if i > labelStart { appendLabel(b, labelStart, i, c.line, &out, &store) }
            let found = RunReader.read(b, i, c.end, line: c.line, into: &store)
            if found.field.length == 0 {
                if out.count > first, case .field(let l) = out[out.count - 1], l.kind == .label, Int(l.start) >= mark {
                    out.removeLast()
                }
                store.bytes.removeSubrange(mark...)
                i = found.scanFrom
                continue
            }
            out.append(.field(found.field))
            i = found.scanFrom
            labelStart = found.labelStart
        }
        if labelStart < c.end { appendLabel(b, labelStart, c.end, c.line, &out, &store) }
        if out.count == first + 1, case .field(let only) = out[first], only.kind == .label {
            out.removeLast()
            appendSingle(only, into: &out, &store, plain: true)
        }
    }

    private static func appendLabel(
        _ b: [UInt8], _ s: Int, _ e: Int, _ line: Int, _ out: inout [TableToken], _ store: inout FieldBytes
    ) {
        let f = FieldText.label(b, s, e, line: line, into: &store)
        if f.length > 0 { out.append(.field(f)) }
    }

    private static func startsRun(_ b: [UInt8], _ i: Int, _ end: Int) -> Bool {
        if TextBytes.digit(b, i) != nil { return true }
        if let s = TextBytes.sign(b, i), TextBytes.digit(b, i + s.length) != nil { return true }
        return false
    }
}

/// Reads one run of digits from run-together text.
enum RunReader {
    struct Found {
        var field: TableField
        /// Where the next label starts (before a "1." that belongs to it).
        var labelStart: Int
        /// Where scanning resumes.
        var scanFrom: Int
    }

    private static let amountUnits: [([UInt8], AmountUnit)] = [
        (TextBytes.u("万元"), .tenThousandYuan), (TextBytes.u("元"), .yuan),
    ]
    private static let labelSeparators = [TextBytes.u("."), TextBytes.u("．"), TextBytes.u("、")]

    /// Reads the run starting at `start`; its digits and hints are appended to `store`.
    static func read(_ b: [UInt8], _ start: Int, _ end: Int, line: Int, into store: inout FieldBytes) -> Found {
        var f = TableField(kind: .run, line: line)
        let first = store.bytes.count
        f.start = Int32(first)
        f.hintStart = Int32(store.hints.count)
        var lastPosition: Int?  // where the last character of the run starts
        var j = start
        while j < end {
            if let d = TextBytes.digit(b, j) {
                store.bytes.append(0x30 + d.value)
                lastPosition = j
                j += d.length
            } else if let s = TextBytes.sign(b, j), TextBytes.digit(b, j + s.length) != nil {
                store.bytes.append(s.ascii)
                f.hasSignOrPoint = true
                lastPosition = j
                j += s.length
            } else if let p = TextBytes.point(b, j), store.bytes.count > first,
                isDigit(store.bytes[store.bytes.count - 1]), TextBytes.digit(b, j + p) != nil
            {
                store.bytes.append(0x2E)
                f.hasSignOrPoint = true
                lastPosition = j
                j += p
            } else if TextBytes.whitespaceLength(b, j) > 0, store.bytes.count > first {
                var k = j
                while k < end, TextBytes.whitespaceLength(b, k) > 0 { k += TextBytes.whitespaceLength(b, k) }
                guard k < end, TextBytes.digit(b, k) != nil || TextBytes.sign(b, k) != nil else { break }
                store.hints.append(Int32(store.bytes.count - first))
                j = k
            } else {
                break
            }
        }
        func finish() -> TableField {
            f.end = Int32(store.bytes.count)
            f.hintEnd = Int32(store.hints.count)
            return f
        }
        for (text, unit) in amountUnits where TextBytes.matches(b, j, text) {
            f.unit = unit
            return Found(field: finish(), labelStart: j + text.count, scanFrom: j + text.count)
        }
        if let sep = labelSeparators.first(where: { TextBytes.matches(b, j, $0) }), store.bytes.count > first,
            isDigit(store.bytes[store.bytes.count - 1]), j + sep.count < end, TextBytes.digit(b, j + sep.count) == nil,
            TextBytes.whitespaceLength(b, j + sep.count) == 0, let cut = lastPosition
        {
            store.bytes.removeLast()
            let kept = Int32(store.bytes.count - first)
            while store.hints.count > Int(f.hintStart), store.hints[store.hints.count - 1] >= kept {
                store.hints.removeLast()
            }
            return Found(field: finish(), labelStart: cut, scanFrom: j + sep.count)
        }
        return Found(field: finish(), labelStart: j, scanFrom: j)
    }

    @inline(__always)
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
}
