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
        var choice = SplitChoice(row: row, columns: columns)
        DigitSplitter.forEachSplit(segs, in: table.store, limits: limits, rule: nil, into: &choice)
        guard let best = choice.best else {
            return RowCandidates.lenient(
                segs, table.store, parts: columns.count, line: tableRow.line, section: 2, rowName: name, &findings)
        }
        if choice.poolCount > 1 {
            findings.warn(
                "read.ambiguousSplit", section: 2, line: tableRow.line, row: name,
                "连在一起的数字有 \(choice.poolCount) 种拆分都说得通，已按位数相近者取其一，请人工核对",
                found: best.map(\.description).joined(separator: " "))
        }
        return best
    }

    /// Chooses among a row's splits as the search finds them, keeping only what the choice needs: the splits
    /// that fit the column constraints form the pool (all splits when none fits), and the pool's first split
    /// with the lowest `preference` is taken.
    struct SplitChoice: DigitSplitter.Collector {
        let row: ProactiveRow
        let columns: [ProactiveColumn]
        private(set) var count = 0
        private(set) var fitting = 0
        private var bestFitting: (cells: [Cell], score: (Int, Int))?
        private var bestOfAll: (cells: [Cell], score: (Int, Int))?

        init(row: ProactiveRow, columns: [ProactiveColumn]) {
            self.row = row
            self.columns = columns
        }

        mutating func take(_ cells: [Cell], hintMisses: Int) {
            count += 1
            let score = ProactiveTableReader.preference(cells, row: row, columns: columns)
            if bestOfAll.map({ score < $0.score }) ?? true { bestOfAll = (cells, score) }
            guard ProactiveTableReader.fits(cells, columns) else { return }
            fitting += 1
            if bestFitting.map({ score < $0.score }) ?? true { bestFitting = (cells, score) }
        }

        /// How many splits the choice was made among.
        var poolCount: Int { fitting > 0 ? fitting : count }
        var best: [Cell]? { (bestFitting ?? bestOfAll)?.cells }
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
