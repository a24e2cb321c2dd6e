/// Section III read as people quote it: a row's 总计, and the six outcome categories of the format (（一）予以公开 …
/// （六）其他处理, format reference §5.2 item 8) each summed over its leaf rows. Blank cells count as 0 (§6.1 rule 6);
/// sums hold at `Int.max` rather than overflow, whatever a table read from a file holds.
extension ApplicationTable {
    /// The row's 总计 cell, or the sum of its applicant cells when that is blank.
    public func total(_ row: ApplicationRow) -> Int {
        let cells = self.row(row)
        return cells.last?.count ?? Self.saturatingSum(cells.dropLast().map(\.countOrZero))
    }

    /// 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理 with their totals (the rows this format has).
    public var outcomeTotals: [(label: String, count: Int)] {
        func group(_ rows: [ApplicationRow]) -> Int { Self.saturatingSum(rows.filter(contains).map(total)) }
        return [
            ("予以公开", total(.granted)), ("部分公开", total(.partiallyGranted)),
            ("不予公开", group((1...8).map { .withheld($0) })), ("无法提供", group((1...3).map { .unavailable($0) })),
            ("不予处理", group((1...5).map { .notProcessed($0) })), ("其他处理", group([.other] + (1...3).map { .otherSub($0) })),
        ]
    }

    static func saturatingSum(_ values: [Int]) -> Int {
        values.reduce(0) { total, v in
            let (s, overflow) = total.addingReportingOverflow(v)
            return overflow ? (v > 0 ? .max : .min) : s
        }
    }
}
