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
        let anchored = t.rows
        guard anchored.contains(where: { $0.row.hasValue }) else {
            throw .unreadableTable(file: source, section: "三", line: startLine, reason: "找不到表格中的数字")
        }
        let order = ApplicationRow.rows(for: format)
        let anchors = anchored.map { a -> Int? in
            guard let row = mapped(a, t.table.store, format: format, findings: &findings) else { return nil }
            return row.position(in: format)
        }
        let placement = RowAligner.place(anchors: anchors, slotCount: order.count)
        report(placement, anchored, order, &findings)
        let blankRow = IdentityChooser.RowOptions(
            candidates: [DigitSplitter.Candidate(cells: Array(repeating: .blank, count: 7), hintMisses: 0)],
            breaksRow: false)
        var options = Array(repeating: blankRow, count: order.count)
        var lines = Array(repeating: startLine, count: order.count)
        for (i, slot) in placement.slots.enumerated() {
            guard let slot else { continue }
            options[slot] = candidates(anchored[i].row, in: t.table, row: order[slot], findings: &findings)
            lines[slot] = anchored[i].row.line
        }
        let choice = IdentityChooser.choose(options, rows: order)
        var table = ApplicationTable(format: format)
        for (k, row) in order.enumerated() {
            let cells = options[k].candidates[choice.picked[k]].cells
            table.setRow(row, cells)
            if !placement.missing.contains(k) {
                findings.blankCells(section: 3, line: lines[k], row: row.displayName, columns: columns, cells: cells)
            }
        }
        for k in choice.ambiguousRows {
            findings.warn(
                "read.ambiguousSplit", section: 3, line: lines[k], row: order[k].displayName,
                "连在一起的数字有多种拆分都符合表内勾稽关系，已取其一，请人工核对",
                found: options[k].candidates[choice.picked[k]].cells.map(\.description).joined(separator: " "))
        }
        return table
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
