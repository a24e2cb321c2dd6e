import GongkaiCore

/// A table row with the section III row its label names, if it could be recognised.
struct AnchoredRow: Sendable {
    var row: TableRow
    var anchor: ApplicationRow?
    var label: TableField?
}

/// Section III's assembled table and its rows, anchored.
struct AnchoredTable: Sendable {
    var table: AssembledTable
    var rows: [AnchoredRow]
}

/// Reads section III, 收到和处理政府信息公开申请情况 (format reference §2.4, §3.4), from assembled rows.
enum ApplicationTableReader {
    static let columns = ApplicantColumn.allCases.map(\.label)

    /// Recognises each row's label; the last recognisable label of a row names it.
    static func anchor(_ table: AssembledTable, findings: inout ReadFindings) -> AnchoredTable {
        var out: [AnchoredRow] = []
        out.reserveCapacity(table.rows.count)
        for row in table.rows {
            var chosen: (target: ApplicationRow, field: TableField, at: Int)?
            for k in row.labels {
                if let m = LabelMatcher.applicationRows.lastMatch(table.fields[k], in: table.store) {
                    chosen = (m.target, table.fields[k], k)
                }
            }
            if let chosen { ignoredLabels(table, row.labels.lowerBound..<chosen.at, last: chosen.target, &findings) }
            guard row.hasValue || chosen != nil else { continue }
            out.append(AnchoredRow(row: row, anchor: chosen?.target, label: chosen?.field))
        }
        return AnchoredTable(table: table, rows: out)
    }

    /// Recognised labels before a row's last one name rows whose numbers went missing.
    private static func ignoredLabels(
        _ table: AssembledTable, _ labels: Range<Int>, last: ApplicationRow, _ findings: inout ReadFindings
    ) {
        for k in labels {
            let field = table.fields[k]
            guard let m = LabelMatcher.applicationRows.lastMatch(field, in: table.store), m.target != last,
                m.target != .other
            else { continue }
            findings.warn(
                "read.unplaced", section: 3, line: field.line, row: m.target.displayName,
                "行标签「\(table.store.text(field))」后面没有数字，已忽略")
        }
    }

    static func read(
        _ t: AnchoredTable, format: ReportFormat, startLine: Int, source: String, findings: inout ReadFindings
    ) throws(ReportReadError) -> ApplicationTable {
        var anchored = t.rows
        guard anchored.contains(where: { $0.row.hasValue }) else {
            throw .unreadableTable(file: source, section: "三", line: startLine, reason: "找不到表格中的数字")
        }
        let order = ApplicationRow.rows(for: format)
        let anchors = anchored.map { a -> Int? in
            guard let row = mapped(a, t.table.store, format: format, findings: &findings) else { return nil }
            return row.position(in: format)
        }
        let hasValue = anchored.map(\.row.hasValue)
        var placement = RowAligner.place(anchors: anchors, slotCount: order.count)
        var filled = fill(placement, t, format: format, startLine: startLine)
        if placement.isTroubled(hasValue) {
            // Labels split around other labels (PDF text) put numbers under the wrong label, or none; when there
            // are as many rows of numbers as the format has rows and, taken in order, they add up, that is the
            // table. A row with twice or three times seven values is rows whose labels went elsewhere.
            let rows = t.rows.flatMap { unmerged($0, t.table) }
            let positional = RowAligner.inOrder(hasValue: rows.map(\.row.hasValue), slotCount: order.count)
            let split = AnchoredTable(table: t.table, rows: rows)
            if let positional, case let retry = fill(positional, split, format: format, startLine: startLine),
                identitiesHold(retry.table)
            {
                placement = positional
                filled = retry
                anchored = rows
                findings.warn(
                    "read.realigned", section: 3, line: startLine,
                    "行标签被拆开或与数字错位，已按数字行的先后逐行对应到格式的各行（这样全表勾稽关系成立），请核对原文")
            } else if !identitiesHold(filled.table) {
                findings.unaligned(section: 3, line: startLine, format: format)
            }
        }
        report(placement, anchored, order, &findings)
        findings.items += filled.findings.items
        for (k, row) in order.enumerated() where !placement.missing.contains(k) {
            findings.blankCells(
                section: 3, line: filled.lines[k], row: row.displayName, columns: columns, cells: filled.cells[k])
        }
        for k in filled.choice.ambiguousRows {
            findings.warn(
                "read.ambiguousSplit", section: 3, line: filled.lines[k], row: order[k].displayName,
                "连在一起的数字有多种拆分都符合表内勾稽关系，已取其一，请人工核对",
                found: filled.cells[k].map(\.description).joined(separator: " "))
        }
        return filled.table
    }

    /// The row as it is, or — when it holds k × 7 values (k = 2, 3) — as k rows of seven, the first with its
    /// labels: PDF text puts a row's label before another row's numbers. (Only tried when the rows could not be
    /// placed one to one, and kept only when the table so read adds up.)
    static func unmerged(_ a: AnchoredRow, _ table: AssembledTable) -> [AnchoredRow] {
        let atoms = a.row.atoms
        guard atoms.count > 7, atoms.count % 7 == 0, atoms.count <= 21 else { return [a] }
        return stride(from: atoms.lowerBound, to: atoms.upperBound, by: 7).map { start in
            var part = a
            part.row.atoms = start..<(start + 7)
            if start != atoms.lowerBound {
                part.row.labels = start..<start
                part.anchor = nil
                part.label = nil
            }
            part.row.hasValue = table.fields[start..<(start + 7)].contains { $0.kind != .empty }
            return part
        }
    }

    /// A table filled from rows placed by `placement`: the cells, the findings made on the way, each slot's line.
    struct Filled {
        var table: ApplicationTable
        /// The table's rows, in the format's order.
        var cells: [[Cell]]
        var findings = ReadFindings()
        var lines: [Int]
        var choice: IdentityChooser.Choice
    }

    /// Splits the placed rows' values into cells, choosing splits by the identities.
    static func fill(_ placement: RowAligner.Placement, _ t: AnchoredTable, format: ReportFormat, startLine: Int)
        -> Filled
    {
        let order = ApplicationRow.rows(for: format)
        var findings = ReadFindings()
        let blankRow = IdentityChooser.RowOptions(
            candidates: [DigitSplitter.Candidate(cells: Array(repeating: .blank, count: 7), hintMisses: 0)],
            breaksRow: false)
        var options = Array(repeating: blankRow, count: order.count)
        var lines = Array(repeating: startLine, count: order.count)
        for (i, slot) in placement.slots.enumerated() {
            guard let slot else { continue }
            options[slot] = candidates(t.rows[i].row, in: t.table, row: order[slot], findings: &findings)
            lines[slot] = t.rows[i].row.line
        }
        let choice = IdentityChooser.choose(options, rows: order)
        var table = ApplicationTable(format: format)
        var cells: [[Cell]] = []
        cells.reserveCapacity(order.count)
        for (k, row) in order.enumerated() {
            cells.append(options[k].candidates[choice.picked[k]].cells)
            table.setRow(row, cells[k])
        }
        return Filled(table: table, cells: cells, findings: findings, lines: lines, choice: choice)
    }

    /// Whether the column identities (`ApplicationIdentity`) hold in every column: a table whose rows were placed
    /// with trouble and that adds up was placed right; one that does not may have been misaligned by the reading.
    /// A column whose （七） or 四 cell is blank is not judged: a blank total is the checker's blank to fill.
    static func identitiesHold(_ t: ApplicationTable) -> Bool {
        let outcomes = ApplicationRow.outcomeRows(for: t.format)
        for col in ApplicantColumn.allCases where t[.total, col].isNumber && t[.carriedForward, col].isNumber {
            let total = t[.total, col].countOrZero
            guard ApplicationIdentity.sum(outcomes.lazy.map { t[$0, col].countOrZero }) == total,
                ApplicationIdentity.balance(
                    new: t[.new, col].countOrZero, carriedOver: t[.carriedOver, col].countOrZero, answered: total,
                    carriedForward: t[.carriedForward, col].countOrZero)?.holds == true
            else { return false }
        }
        return true
    }

    /// The anchor in the report's format (a 2019-style single （六） row in a 2021 report goes to （六）3.其他).
    private static func mapped(
        _ a: AnchoredRow, _ store: FieldBytes, format: ReportFormat, findings: inout ReadFindings
    ) -> ApplicationRow? {
        guard let anchor = a.anchor else { return nil }
        var row = anchor
        switch (format, anchor) {
        case (.v2021, .other):
            row = .otherSub(3)
            findings.warn(
                "read.labelVariant", section: 3, line: a.row.line, row: row.displayName,
                "2021 版格式的（六）其他处理应分三项，此处只有一行，按“3.其他”读取", expected: row.label, found: "（六）其他处理")
            return row
        case (.v2019, .otherSub):
            row = .other
        default: break
        }
        if let label = a.label, !store.agrees(label, LabelMatcher.normalisedLabel(row)) {
            findings.warn(
                "read.labelVariant", section: 3, line: label.line, row: row.displayName,
                "行标签与格式不一致", expected: row.label, found: String(store.text(label).suffix(60)))
        }
        return row
    }

    private static func report(
        _ p: RowAligner.Placement, _ anchored: [AnchoredRow], _ order: [ApplicationRow], _ findings: inout ReadFindings
    ) {
        for i in p.outOfOrder {
            findings.warn(
                "read.unplaced", section: 3, line: anchored[i].row.line, row: anchored[i].anchor?.displayName,
                "行标签重复或顺序不对，按位置处理")
        }
        for (i, slot) in p.slots.enumerated() where slot == nil && anchored[i].row.hasValue {
            findings.warn("read.unplaced", section: 3, line: anchored[i].row.line, "这一行数字无法对应到表格的任何一行，已忽略")
        }
        for k in p.missing {
            findings.warn("read.missingRow", section: 3, line: nil, row: order[k].displayName, "表格中找不到这一行，按空白处理")
        }
    }
}
