import GongkaiCore

/// Reads section IV, 政府信息公开行政复议、行政诉讼情况 (format reference §2.5): 15 numbers with no row label.
///
/// All values of the table region are taken in order; run-together digits are split so that each group's
/// 总计 is the sum of its four results.
enum AppealsTableReader {
    static let columns: [String] = AppealsGroup.allCases.flatMap { g in
        AppealsResult.allCases.map { "\(g.label)\($0.label)" }
    }

    static func read(_ table: AssembledTable, source: String, findings: inout ReadFindings) throws(ReportReadError)
        -> AppealsTable
    {
        let dataRows = table.rows.filter(\.hasValue)
        guard let first = dataRows.first else {
            throw .unreadableTable(file: source, section: "四", line: table.startLine, reason: "找不到表格中的数字")
        }
        let atoms = dataRows.flatMap(table.atoms)
        let name = "行政复议、行政诉讼"
        let segs = RowCandidates.segments(
            atoms[...], table.store, parts: 15, section: 4, rowName: name, findings: &findings)
        let limits = DigitSplitter.Limits(parts: 15)
        var cells: [Cell]
        var ambiguous = false
        let exact = DigitSplitter.splits(segs, in: table.store, limits: limits, rule: .groupTotals)
        if !exact.isEmpty {
            let ordered = RowCandidates.ordered(exact).map(\.cells)
            cells = ordered[0]
            ambiguous = Set(ordered).count > 1
        } else {
            let loose = RowCandidates.ordered(DigitSplitter.splits(segs, in: table.store, limits: limits, rule: nil))
                .map(\.cells)
            if loose.isEmpty {
                cells = RowCandidates.lenient(
                    segs, table.store, parts: 15, line: first.line, section: 4, rowName: name, &findings)
            } else {
                let scores = loose.map(violations)
                let best = scores.min() ?? 0
                let winners = loose.indices.filter { scores[$0] == best }
                cells = loose[winners[0]]
                ambiguous = Set(winners.map { loose[$0] }).count > 1
            }
        }
        if ambiguous {
            findings.warn(
                "read.ambiguousSplit", section: 4, line: first.line, row: name,
                "连在一起的数字有多种拆分都符合“总计＝四项之和”，已取其一，请人工核对",
                found: cells.map(\.description).joined(separator: " "))
        }
        findings.blankCells(section: 4, line: first.line, row: name, columns: columns, cells: cells)
        return AppealsTable(cells: cells)
    }

    /// How many of the three groups' totals differ from the sum of their four results.
    static func violations(_ cells: [Cell]) -> Int {
        guard cells.count == 15 else { return 3 }
        var n = 0
        for g in 0..<3 {
            let sum = (0..<4).reduce(0) { $0 + cells[g * 5 + $1].countOrZero }
            if sum != cells[g * 5 + 4].countOrZero { n += 1 }
        }
        return n
    }
}
