import GongkaiCore

/// Splits digits run together without separators ("230000023" → 23/0/0/0/0/0/23) into a given number of cells.
///
/// A row's values are segments — its value fields as the table holds them: exact cells (read with separators),
/// blanks, and runs of digits (their digits in `FieldBytes`). Every way of cutting the runs into numbers
/// without leading zeros is enumerated depth-first, within a node budget. When an
/// identity fixes a cell (a row's 总计 is the sum of its six columns; a 复议/诉讼 group's 总计 the sum of its
/// four), only that number is tried there.
enum DigitSplitter {
    struct Candidate: Sendable {
        var cells: [Cell]
        /// Space hints that fell inside a number rather than between two.
        var hintMisses: Int
    }

    /// An identity that fixes a cell.
    enum Rule: Sendable {
        /// A section III row's 总计, its seventh cell, is the sum of its six columns.
        case rowTotal
        /// Each section IV group's 总计, every fifth cell, is the sum of the four results before it.
        case groupTotals

        /// Given the first `n` cells, the value the next one must have (nil when the identity does not fix it).
        @inline(__always)
        func forced(afterFirst n: Int, of cells: [Cell]) -> Int? {
            let summed: Range<Int>
            switch self {
            case .rowTotal:
                guard n == 6 else { return nil }
                summed = 0..<6
            case .groupTotals:
                guard n % 5 == 4 else { return nil }
                summed = (n - 4)..<n
            }
            var sum = 0
            for k in summed { sum += cells[k].countOrZero }
            return sum
        }
    }

    struct Limits: Sendable {
        var parts: Int
        var maxLength = 9
        var maxResults = 256
        var budget = 60_000
    }

    /// Receives the splits in the order the search finds them. `cells` is the search's own array, shared
    /// only for the call: a collector that keeps it keeps a copy.
    protocol Collector {
        mutating func take(_ cells: [Cell], hintMisses: Int)
    }

    /// Keeps every split.
    struct Collected: Collector {
        var candidates: [Candidate] = []

        mutating func take(_ cells: [Cell], hintMisses: Int) {
            candidates.append(Candidate(cells: cells, hintMisses: hintMisses))
        }
    }

    /// All splits into `limits.parts` cells (those that satisfy `rule`, when one is given).
    static func splits(
        _ segments: ArraySlice<TableField>, in store: FieldBytes, limits: Limits, rule: Rule?
    ) -> [Candidate] {
        var all = Collected()
        forEachSplit(segments, in: store, limits: limits, rule: rule, into: &all)
        return all.candidates
    }

    /// Hands every split to `collector`, in the order of `splits`.
    static func forEachSplit<C: Collector>(
        _ segments: ArraySlice<TableField>, in store: FieldBytes, limits: Limits, rule: Rule?, into collector: inout C
    ) {
        // Segments that are all exact cells leave nothing to split: the one split is the cells themselves, when
        // there are `limits.parts` of them and `rule` holds.
        if !segments.contains(where: { $0.kind == .run }) {
            let cells = segments.map(store.cell)
            guard cells.count == limits.parts else { return }
            if let rule {
                for (k, cell) in cells.enumerated() {
                    if let forced = rule.forced(afterFirst: k, of: cells), cell.countOrZero != forced { return }
                }
            }
            collector.take(cells, hintMisses: 0)
            return
        }
        var search = Search(segments: segments, store: store, limits: limits, rule: rule, collector: collector)
        var cells: [Cell] = []
        cells.reserveCapacity(limits.parts)
        search.walk(segment: 0, offset: 0, cells: &cells, misses: 0)
        collector = search.collector
    }

    private struct Search<C: Collector> {
        let segments: ArraySlice<TableField>
        /// `segments.startIndex`: segment i is `segments[base + i]`.
        let base: Int
        let store: FieldBytes
        let limits: Limits
        let rule: Rule?
        var collector: C
        /// Splits handed to the collector so far.
        var found = 0
        var nodes = 0
        /// How many cells the segments from index i on can hold at most.
        let capacity: [Int]

        init(segments: ArraySlice<TableField>, store: FieldBytes, limits: Limits, rule: Rule?, collector: C) {
            self.collector = collector
            self.segments = segments
            base = segments.startIndex
            self.store = store
            self.limits = limits
            self.rule = rule
            var cap = Array(repeating: 0, count: segments.count + 1)
            for i in stride(from: segments.count - 1, through: 0, by: -1) {
                let f = segments[base + i]
                cap[i] = cap[i + 1] + (f.kind == .run ? f.length : 1)
            }
            capacity = cap
        }

        mutating func walk(segment: Int, offset: Int, cells: inout [Cell], misses: Int) {
            nodes += 1
            guard nodes <= limits.budget, found < limits.maxResults else { return }
            if cells.count == limits.parts || segment == segments.count {
                if cells.count == limits.parts && segment == segments.count {
                    collector.take(cells, hintMisses: misses)
                    found += 1
                }
                return
            }
            let forced = rule?.forced(afterFirst: cells.count, of: cells)
            let field = segments[base + segment]
            if field.kind == .run {
                walkRun(field, segment: segment, offset: offset, forced: forced, cells: &cells, misses: misses)
                return
            }
            let cell = store.cell(field)
            if let forced, cell.countOrZero != forced { return }
            cells.append(cell)
            walk(segment: segment + 1, offset: 0, cells: &cells, misses: misses)
            cells.removeLast()
        }

        private mutating func walkRun(
            _ run: TableField, segment: Int, offset: Int, forced: Int?, cells: inout [Cell], misses: Int
        ) {
            let remaining = run.length - offset
            let partsLeft = limits.parts - cells.count - 1
            let segmentsAfter = segments.count - segment - 1
            if !run.hasSignOrPoint {
                walkDigits(run, segment: segment, offset: offset, forced: forced, cells: &cells, misses: misses)
                return
            }
            for len in 1...max(1, remaining) where len <= remaining {
                let stays = len < remaining
                guard partsLeft >= segmentsAfter + (stays ? 1 : 0) else { continue }
                guard (remaining - len) + capacity[segment + 1] >= partsLeft else { break }
                guard let cell = DigitSplitter.number(store.bytes, run, offset, len, maxLength: limits.maxLength)
                else { continue }
                if let forced, cell.countOrZero != forced || !cell.isNumber { continue }
                let goOn = descend(
                    with: cell, run, segment: segment, offset: offset, length: len, cells: &cells, misses: misses)
                if !goOn { return }
            }
        }

        /// Takes `cell`, the run's characters `offset..<offset+length`, and walks on from there; answers
        /// whether the search goes on.
        private mutating func descend(
            with cell: Cell, _ run: TableField, segment: Int, offset: Int, length: Int, cells: inout [Cell], misses: Int
        ) -> Bool {
            var inside = 0
            for h in store.hints(run) where Int(h) > offset && Int(h) < offset + length { inside += 1 }
            cells.append(cell)
            if offset + length < run.length {
                walk(segment: segment, offset: offset + length, cells: &cells, misses: misses + inside)
            } else {
                walk(segment: segment + 1, offset: 0, cells: &cells, misses: misses + inside)
            }
            cells.removeLast()
            return found < limits.maxResults && nodes <= limits.budget
        }

        /// `walkRun` for a run of plain digits (no sign, no point), the common case: each longer number is the
        /// shorter one times ten plus a digit, so the numbers are built as the length grows rather than parsed
        /// again for each length. The same numbers are tried in the same order as `DigitSplitter.number` gives.
        private mutating func walkDigits(
            _ run: TableField, segment: Int, offset: Int, forced: Int?, cells: inout [Cell], misses: Int
        ) {
            let remaining = run.length - offset
            let partsLeft = limits.parts - cells.count - 1
            let segmentsAfter = segments.count - segment - 1
            guard remaining > 0 else { return }
            let base = Int(run.start) + offset
            let leadingZero = store.bytes[base] == 0x30
            var value: Int64 = 0
            for len in 1...max(1, remaining) where len <= remaining {
                // Longer numbers only get longer: past the length limit or after a leading zero, none is valid.
                guard len <= limits.maxLength, !(leadingZero && len > 1) else { break }
                value = value * 10 + Int64(store.bytes[base + len - 1] - 0x30)
                let stays = len < remaining
                guard partsLeft >= segmentsAfter + (stays ? 1 : 0) else { continue }
                guard (remaining - len) + capacity[segment + 1] >= partsLeft else { break }
                if let forced, Int(value) != forced { continue }
                let cell = Cell.number(ExactNumber(units: value, scale: 0))
                let goOn = descend(
                    with: cell, run, segment: segment, offset: offset, length: len, cells: &cells, misses: misses)
                if !goOn { return }
            }
        }
    }

    /// The number in the run's characters `offset..<offset+len`: an optional leading sign, no leading zero
    /// (except "0" and "0.x"), at most one point with digits on both sides.
    static func number(_ chars: [UInt8], _ run: TableField, _ offset: Int, _ len: Int, maxLength: Int) -> Cell? {
        guard len > 0, offset + len <= run.length else { return nil }
        var i = Int(run.start) + offset
        let end = i + len
        let runEnd = Int(run.end)
        var negative = false
        if chars[i] == 0x2B || chars[i] == 0x2D {
            negative = chars[i] == 0x2D
            i += 1
        }
        guard i < end, RunReader.isDigit(chars[i]) else { return nil }
        if chars[i] == 0x30, i + 1 < end, chars[i + 1] != 0x2E { return nil }
        if end < runEnd, chars[end] == 0x2E { return nil }
        var units: Int64 = 0
        var scale = 0
        var seenPoint = false
        var digits = 0
        while i < end {
            let c = chars[i]
            if c == 0x2E {
                guard !seenPoint, i + 1 < end else { return nil }
                seenPoint = true
            } else if RunReader.isDigit(c) {
                digits += 1
                guard digits <= maxLength + (seenPoint ? 8 : 0) else { return nil }
                units = units * 10 + Int64(c - 0x30)
                if seenPoint { scale += 1 }
            } else {
                return nil
            }
            i += 1
        }
        return .number(ExactNumber(units: negative ? -units : units, scale: scale))
    }
}
