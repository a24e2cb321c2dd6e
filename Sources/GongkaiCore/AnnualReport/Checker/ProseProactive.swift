/// Counts the prose gives for section II's rows — "制发规范性文件5件", "作出行政处罚决定128件" — compared with the
/// row's cells (format reference §6.1 rule 18). Prose rarely says which column it means (制发, 现行有效, 处理决定),
/// so a count agrees when it equals any of the row's cells; a warning quotes the sentence when it equals none.
extension ProseRules {
    struct ProactiveClaim: Equatable {
        var row: ProactiveRow
        var count: Int
    }

    private static let proactiveKeys: [(Key, ProactiveRow)] = [
        ("行政许可", .licensing), ("行政处罚", .penalty), ("行政强制", .enforcement), ("规范性文件", .normativeDocuments),
        ("规章", .rules),
    ]
    private static let proactiveBits = proactiveKeys.map { characterBits($0.0) }
    /// Words after a key that make it another thing than the row ("规章制度").
    private static let notRows: [Key] = ["制度"]

    /// The section II counts of a clause: a row's phrase, then "N件" within 6 characters.
    static func proactiveClaims(in c: UnsafeBufferPointer<UInt8>, present: UInt64) -> [ProactiveClaim] {
        var out: [ProactiveClaim] = []
        for (k, (key, row)) in proactiveKeys.enumerated() where present & proactiveBits[k] == proactiveBits[k] {
            guard let at = index(of: key, in: c) else { continue }
            var i = at + key.utf8CodeUnitCount
            if notRows.contains(where: { startsWith(c, at: i, $0) }) { continue }
            var characters = 0
            while i < c.count && characters < 6 && digit(c, at: i) == nil {
                i += scalarLength(c[i])
                characters += 1
            }
            guard let (n, end) = integer(c, at: i) else { continue }
            var j = end
            while j < c.count, c[j] == UInt8(ascii: " ") { j += 1 }
            if startsWith(c, at: j, "件") { out.append(ProactiveClaim(row: row, count: n)) }
        }
        return out
    }

    /// A warning when the count equals none of the row's cells (nothing when the report has no such row).
    static func compare(_ claim: ProactiveClaim, clause: Clause, section s: ProactiveSection) -> Finding? {
        guard let cells = s.cells[claim.row], !cells.isEmpty else { return nil }
        let values = cells.compactMap(\.count)
        guard !values.contains(claim.count) else { return nil }
        let name = claim.row.label(in: s.format)
        let shown = cells.map { $0.description.isEmpty ? "空白" : $0.description }.joined(separator: "、")
        return ReportRule.proseProactive.finding(
            ReportLocation(section: 2, row: name),
            "正文「\(String(decoding: clause.bytes, as: UTF8.self))」写的是 \(claim.count) 件，第二部分「\(name)」一行为 \(shown)",
            expected: shown, found: "\(claim.count)")
    }
}
