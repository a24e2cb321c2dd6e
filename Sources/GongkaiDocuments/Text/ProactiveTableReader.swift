import GongkaiCore

/// Reads section II, 主动公开政府信息情况 (format reference §2.3, §3.3, §7), from assembled rows.
///
/// Rows are found by their labels (规章, 行政许可, …). Run-together digits are split under the column
/// constraints (对外公开总数量 ≥ 本年新公开数量; 上一年项目数量＋本年增/减 ≥ 0), preferring numbers of
/// similar length; when several splits fit, one is taken and `read.ambiguousSplit` says so.
enum ProactiveTableReader {
    struct Found: Sendable {
        /// The assembled table the rows are in.
        var table = AssembledTable()
        var rows: [(ProactiveRow, TableRow, TableField)] = []
        var unlabeled: [TableRow] = []
        var signals: Set<ReportFormat> = []
        var unit: AmountUnit?
    }

    /// Recognises the rows, the format's column headings and the unit of 采购总金额.
    static func scan(_ table: AssembledTable, findings: inout ReadFindings) -> Found {
        var found = Found()
        for row in table.rows {
            var chosen: (ProactiveRow, TableField)?
            for l in table.labels(row) {
                let m = LabelMatcher.sectionII(l, in: table.store)
                if let r = m.row { chosen = (r.target, l) }
                scanHeading(l, m.signal, m.variant, table.store, &found, &findings)
            }
            if let u = table.atoms(row).lazy.compactMap(\.unit).first { found.unit = u }
            guard row.hasValue else { continue }
            if let chosen { found.rows.append((chosen.0, row, chosen.1)) } else { found.unlabeled.append(row) }
        }
        found.table = table
        return found
    }

    private static let procurementAmount = TextBytes.u("采购总金额")
    private static let tenThousand = TextBytes.u("万元")
    private static let yuan = TextBytes.u("元")

    private static func scanHeading(
        _ l: TableField, _ signal: KeywordMatch<ReportFormat>?, _ variant: KeywordMatch<String>?, _ store: FieldBytes,
        _ found: inout Found, _ findings: inout ReadFindings
    ) {
        if let m = signal { found.signals.insert(m.target) }
        if let v = variant {
            findings.warn(
                "read.labelVariant", section: 2, line: l.line, "表头用词与格式不一致", expected: v.target,
                found: store.text(l, v.start, v.length))
        }
        if let at = store.find(procurementAmount, in: l) {
            let tail = at + procurementAmount.count
            if store.find(tenThousand, in: l, from: tail, to: tail + 12) != nil {
                found.unit = .tenThousandYuan
            } else if store.find(yuan, in: l, from: tail, to: tail + 9) != nil {
                found.unit = .yuan
            }
        }
    }

    static func variant(_ found: Found) -> RegionalVariant {
        if found.rows.contains(where: { $0.0 == .inspection || $0.0 == .confirmation }) { return .beijing }
        if found.rows.contains(where: { $0.0 == .otherDocuments }) { return .hubei }
        return .national
    }

    static func read(_ found: Found, format: ReportFormat, variant: RegionalVariant, findings: inout ReadFindings)
        -> ProactiveSection
    {
        var section = ProactiveSection(format: format, variant: variant)
        if let unit = found.unit, format == .v2019 { section.amountUnit = unit }
        var seen: Set<ProactiveRow> = []
        for (row, tableRow, label) in found.rows {
            guard section.cells[row] != nil, !seen.contains(row) else {
                findings.warn(
                    "read.unplaced", section: 2, line: tableRow.line, row: row.label(in: format),
                    "这一行不属于本格式或重复出现，已忽略")
                continue
            }
            seen.insert(row)
            checkLabel(label, found.table.store, row, format, &findings)
            let cells = cells(tableRow, in: found.table, row: row, format: format, findings: &findings)
            section.cells[row] = cells
            findings.blankCells(
                section: 2, line: tableRow.line, row: row.label(in: format),
                columns: row.columns(in: format).map(\.label), cells: cells)
        }
        for r in found.unlabeled {
            findings.warn("read.unplaced", section: 2, line: r.line, "这一行数字找不到对应的行标签，已忽略")
        }
        for row in section.rows where !seen.contains(row) {
            section.cells[row] = Array(repeating: .blank, count: row.columns(in: format).count)
            findings.warn("read.missingRow", section: 2, line: nil, row: row.label(in: format), "表格中找不到这一行，按空白处理")
        }
        return section
    }

    private static func checkLabel(
        _ l: TableField, _ store: FieldBytes, _ row: ProactiveRow, _ format: ReportFormat, _ f: inout ReadFindings
    ) {
        let standard = LabelMatcher.normalisedLabel(row, format)
        let agrees =
            row == .normativeDocuments
            ? l.length >= standard.count && store.agrees(l, standard)
                && !(format == .v2019 && l.length >= 21 && store.agrees(l, Lit.normativeDocuments2021))
            : store.agrees(l, standard)
        if !agrees {
            f.warn(
                "read.labelVariant", section: 2, line: l.line, row: row.label(in: format), "行标签与格式不一致",
                expected: row.label(in: format), found: String(store.text(l).suffix(40)))
        }
    }
}
