/// Claims the prose makes about section III's outcome rows — "予以公开120件", "予以公开及部分公开258件（33.9%）",
/// "无法提供265件" — alone or summed as the text sums them (phrases joined by 及, 和, 与, 、), with an optional
/// percentage (format reference §6.1 rule 18). Matched on the clause's UTF-8 bytes, like the other claims.
extension ProseRules {
    /// The outcome groups of section III: （一）…（六）, as bits of `OutcomeClaim.groups`.
    enum OutcomeGroup: Int, CaseIterable {
        case granted, partiallyGranted, withheld, unavailable, notProcessed, other

        /// The rows of the group in `format`.
        func rows(_ format: ReportFormat) -> [ApplicationRow] {
            switch self {
            case .granted: return [.granted]
            case .partiallyGranted: return [.partiallyGranted]
            case .withheld: return (1...8).map { .withheld($0) }
            case .unavailable: return (1...3).map { .unavailable($0) }
            case .notProcessed: return (1...5).map { .notProcessed($0) }
            case .other: return format == .v2019 ? [.other] : (1...3).map { .otherSub($0) }
            }
        }

        var label: String { ["（一）予以公开", "（二）部分公开", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"][rawValue] }
    }

    /// A figure the prose gives for one or more outcome groups together.
    struct OutcomeClaim: Equatable {
        /// Bit `g.rawValue` for each group the figure covers.
        var groups: Int
        var count: Int
        /// A percentage given after the count, as `units` / 10^`scale` ("33.9%" → 339, 1).
        var percent: (units: Int, scale: Int)?

        static func == (a: OutcomeClaim, b: OutcomeClaim) -> Bool {
            a.groups == b.groups && a.count == b.count && a.percent?.units == b.percent?.units
                && a.percent?.scale == b.percent?.scale
        }
    }

    private static let outcomeKeys: [(Key, OutcomeGroup)] = [
        ("予以公开", .granted), ("同意公开", .granted), ("部分公开", .partiallyGranted), ("不予公开", .withheld),
        ("无法提供", .unavailable), ("不予处理", .notProcessed), ("其他处理", .other),
    ]
    private static let outcomeBits = outcomeKeys.map { characterBits($0.0) }
    private static let connectors: [Key] = ["以及", "及", "和", "与", "、", "加"]

    /// The outcome figures of a clause, in order.
    static func outcomeClaims(in c: UnsafeBufferPointer<UInt8>, present: UInt64) -> [OutcomeClaim] {
        // the keys whose characters all occur in the clause, as bits (no array made per clause)
        var keys = 0
        for k in outcomeKeys.indices where present & outcomeBits[k] == outcomeBits[k] { keys |= 1 << k }
        guard keys != 0 else { return [] }
        func key(at i: Int) -> (OutcomeGroup, Int)? {
            // every key begins with an ideograph whose lead byte is E4–E9
            guard i < c.count, c[i] >= 0xE4, c[i] <= 0xE9 else { return nil }
            var rest = keys
            while rest != 0 {
                let k = rest.trailingZeroBitCount
                rest &= rest - 1
                let (word, group) = outcomeKeys[k]
                if startsWith(c, at: i, word) { return (group, word.utf8CodeUnitCount) }
            }
            return nil
        }
        var out: [OutcomeClaim] = []
        var i = 0
        while i < c.count {
            guard let (first, length) = key(at: i) else {
                i += scalarLength(c[i])
                continue
            }
            var groups = 1 << first.rawValue
            var j = i + length
            // further phrases joined to the first: "予以公开及部分公开"
            chain: while true {
                for connector in connectors where startsWith(c, at: j, connector) {
                    if let (next, l) = key(at: j + connector.utf8CodeUnitCount) {
                        groups |= 1 << next.rawValue
                        j += connector.utf8CodeUnitCount + l
                        continue chain
                    }
                }
                break
            }
            if let (count, percent, end) = figure(in: c, from: j, stopAt: key) {
                out.append(OutcomeClaim(groups: groups, count: count, percent: percent))
                i = end
            } else {
                i = j
            }
        }
        return out
    }

    /// "N件" within 6 characters of `from` (no outcome phrase between), then an optional "（P%）"; with the
    /// offset after it.
    private static func figure(
        in c: UnsafeBufferPointer<UInt8>, from: Int, stopAt key: (Int) -> (OutcomeGroup, Int)?
    ) -> (Int, (units: Int, scale: Int)?, Int)? {
        var i = from
        var characters = 0
        while i < c.count && characters <= 6 && digit(c, at: i) == nil {
            if key(i) != nil { return nil }
            i += scalarLength(c[i])
            characters += 1
        }
        guard let (n, afterDigits) = integer(c, at: i) else { return nil }
        var j = afterDigits
        while j < c.count, c[j] == UInt8(ascii: " ") { j += 1 }
        guard startsWith(c, at: j, "件") else { return nil }
        j += 3
        return (n, percentage(c, at: j).map { ($0.units, $0.scale) }, j)
    }

    /// "（33.9%）", "(33.9%)" or "（占33.9%）" right after the count; a percentage outside brackets is not taken.
    private static func percentage(_ c: UnsafeBufferPointer<UInt8>, at start: Int) -> (units: Int, scale: Int)? {
        var i = start
        if startsWith(c, at: i, "（") { i += 3 } else if startsWith(c, at: i, "(") { i += 1 } else { return nil }
        if startsWith(c, at: i, "占") { i += 3 }
        guard let (whole, afterWhole) = integer(c, at: i) else { return nil }
        var units = whole, scale = 0
        i = afterWhole
        if i < c.count, c[i] == UInt8(ascii: "."), let (fraction, end) = integer(c, at: i + 1), end - i - 1 <= 4 {
            scale = end - i - 1
            for _ in 0..<scale { units *= 10 }
            units += fraction
            i = end
        }
        guard startsWith(c, at: i, "%") || startsWith(c, at: i, "％") else { return nil }
        return (units, scale)
    }

    /// The warnings for an outcome claim that disagrees with the table: its count, else its percentage, which
    /// may be of （七）总计, of 一＋二 or of 一 (reports use each).
    static func compare(_ claim: OutcomeClaim, clause: Clause, table t: ApplicationTable) -> Finding? {
        let groups = OutcomeGroup.allCases.filter { claim.groups & 1 << $0.rawValue != 0 }
        var sum = CheckedSum()
        for g in groups { for row in g.rows(t.format) { sum.add(t[row, .total].countOrZero) } }
        guard let expected = sum.value else { return nil }
        let row = groups.map(\.label).joined(separator: "＋")
        let quote = String(decoding: clause.bytes, as: UTF8.self)
        if claim.count != expected {
            return ReportRule.proseOutcomes.finding(
                ReportLocation(section: 1, row: row, column: "总计"),
                "正文「\(quote)」写的是 \(claim.count) 件，表格为 \(expected) 件", expected: "\(expected)",
                found: "\(claim.count)")
        }
        guard let p = claim.percent else { return nil }
        let stated = Double(p.units) / pow10(p.scale)
        let new = t[.new, .total].countOrZero, carried = t[.carriedOver, .total].countOrZero
        let bases = [t[.total, .total].countOrZero, new &+ carried, new].filter { $0 > 0 }
        let tolerance = 0.5 / pow10(p.scale) + 1e-9
        if bases.isEmpty || bases.contains(where: { abs(100 * Double(expected) / Double($0) - stated) <= tolerance }) {
            return nil
        }
        let actual = Int64((100 * Double(expected) / Double(bases[0]) * pow10(p.scale)).rounded())
        let shown = ExactNumber(units: actual, scale: p.scale).description + "%"
        let written = ExactNumber(units: Int64(p.units), scale: p.scale).description + "%"
        return ReportRule.proseOutcomes.finding(
            ReportLocation(section: 1, row: row, column: "总计"),
            "正文「\(quote)」写的是 \(written)，表格为 \(expected) / \(bases[0]) 件，即 \(shown)",
            expected: shown, found: written)
    }

    private static func pow10(_ n: Int) -> Double {
        var x = 1.0
        for _ in 0..<n { x *= 10 }
        return x
    }
}
