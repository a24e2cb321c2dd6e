import GongkaiCore

extension ProactiveTableReader {
    /// The row's cells: separated values as they are, run-together digits split under the column constraints.
    static func cells(
        _ tableRow: TableRow, in table: AssembledTable, row: ProactiveRow, format: ReportFormat,
        findings: inout ReadFindings
    ) -> [Cell] {
        let columns = row.columns(in: format)
        let name = row.label(in: format)
        let segs = RowCandidates.segments(
            table.atoms(tableRow), table.store, parts: columns.count, section: 2, rowName: name, findings: &findings)
        let limits = DigitSplitter.Limits(parts: columns.count, maxLength: 12)
        let all = DigitSplitter.splits(segs, in: table.store, limits: limits, rule: nil).map(\.cells)
        guard !all.isEmpty else {
            return RowCandidates.lenient(
                segs, table.store, parts: columns.count, line: tableRow.line, section: 2, rowName: name, &findings)
        }
        if all.count == 1 { return all[0] }
        let fitting = all.filter { fits($0, columns) }
        let pool = fitting.isEmpty ? all : fitting
        var best = pool[0]
        var bestScore = preference(best, row: row, columns: columns)
        for c in pool.dropFirst() {
            let s = preference(c, row: row, columns: columns)
            if s < bestScore {
                best = c
                bestScore = s
            }
        }
        if pool.count > 1 {
            findings.warn(
                "read.ambiguousSplit", section: 2, line: tableRow.line, row: name,
                "连在一起的数字有 \(pool.count) 种拆分都说得通，已按位数相近者取其一，请人工核对",
                found: best.map(\.description).joined(separator: " "))
        }
        return best
    }

    /// Column constraints (format reference §6.1 rules 12–16).
    static func fits(_ cells: [Cell], _ columns: [ProactiveColumn]) -> Bool {
        var total, published, previous, change: ExactNumber?
        for (c, cell) in zip(columns, cells) {
            guard let n = cell.number else { continue }
            if !c.isAmount && n.scale != 0 { return false }
            if !c.allowsNegative && n.isNegative { return false }
            switch c {
            case .publishedTotal: total = n
            case .newlyPublished: published = n
            case .previousYearItems: previous = n
            case .itemChange: change = n
            default: break
            }
        }
        if let total, let published, total < published { return false }
        if let prev = previous?.integer, let change = change?.integer, prev + change < 0 { return false }
        return true
    }

    /// Lower is better: numbers of similar length; for 政府集中采购 a two-digit project count;
    /// then a smaller 本年增/减.
    static func preference(_ cells: [Cell], row: ProactiveRow, columns: [ProactiveColumn]) -> (Int, Int) {
        let change = zip(columns, cells).first { $0.0 == .itemChange }.flatMap { $0.1.number?.integer }.map(abs) ?? 0
        if row == .procurement, let first = cells.first { return (abs(integerDigits(first) - 2), change) }
        var sum = 0
        var squares = 0
        for c in cells {
            let length = integerDigits(c)
            sum += length
            squares += length * length
        }
        return (cells.count * squares - sum * sum, change)
    }

    /// How many digits the cell's number has before its point (1 for a blank or placeholder).
    private static func integerDigits(_ c: Cell) -> Int {
        guard let n = c.number else { return 1 }
        var v = n.units.magnitude
        for _ in 0..<n.scale { v /= 10 }
        var digits = 1
        while v >= 10 {
            v /= 10
            digits += 1
        }
        return digits
    }
}
