import GongkaiCore

/// The three official tables of a report laid out with their merged cells (format reference §2.3–2.5, §3.3–3.5).
enum ReportTableLayout {
    static let proactiveCaption = "表一　主动公开政府信息情况"
    static let applicationsCaption = "表二　收到和处理政府信息公开申请情况"
    static let appealsCaption = "表三　政府信息公开行政复议、行政诉讼情况"
    static let balanceNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

    // MARK: 表一

    /// Section II: one table, a full-width 第二十条第（X）项 row and a header row per block; 5 columns
    /// (label, sub-label for Beijing's 其他对外管理服务事项, three data columns).
    static func proactive(_ section: ProactiveSection) -> LayoutTable {
        var rows: [[LayoutCell]] = []
        var blocks: [(item: String, rows: [ProactiveRow])] = []
        for row in section.rows {
            if blocks.last?.item == row.article20Item { blocks[blocks.count - 1].rows.append(row) }
            else { blocks.append((row.article20Item, [row])) }
        }
        for block in blocks {
            rows.append([LayoutCell(text: "第二十条第\(block.item)项", role: .blockTitle, colSpan: 5)])
            let columns = block.rows[0].columns(in: section.format)
            let spans = dataSpans(columns.count)
            var header = [LayoutCell(text: "信息内容", role: .columnHeader, colSpan: 2)]
            for (column, span) in zip(columns, spans) {
                header.append(LayoutCell(text: columnLabel(column, unit: section.amountUnit), role: .columnHeader, colSpan: span))
            }
            rows.append(header)
            var index = 0
            while index < block.rows.count {
                let row = block.rows[index]
                let values = Self.values(section.cells[row] ?? [], row: row, columns: columns, spans: spans, in: section)
                if row == .inspection, index + 1 < block.rows.count, block.rows[index + 1] == .confirmation {
                    let next = block.rows[index + 1]
                    rows.append(
                        [LayoutCell(text: ProactiveRow.otherServices.label(in: section.format), role: .rowGroupHeader, rowSpan: 2),
                         LayoutCell(text: row.label(in: section.format), role: .rowHeader)] + values)
                    let nextValues = Self.values(
                        section.cells[next] ?? [], row: next, columns: next.columns(in: section.format), spans: spans,
                        in: section)
                    rows.append([LayoutCell(text: next.label(in: section.format), role: .rowHeader)] + nextValues)
                    index += 2
                    continue
                }
                rows.append([LayoutCell(text: row.label(in: section.format), role: .rowHeader, colSpan: 2)] + values)
                index += 1
            }
        }
        return LayoutTable(
            caption: proactiveCaption, columnCount: 5, headerRowCount: 0, rows: rows, columnWidths: [20, 16, 21, 21, 22])
    }

    /// A 表一 row's values laid out under its columns, each cell placed by its row and column.
    static func values(
        _ cells: [Cell], row: ProactiveRow, columns: [ProactiveColumn], spans: [Int], in section: ProactiveSection
    ) -> [LayoutCell] {
        zip(cells, zip(columns, spans)).map { cell, column in
            LayoutCell(
                text: cell.description, role: .data, colSpan: column.1,
                place: CellPlace(section: 2, rows: [row.label(in: section.format)], column: column.0.label))
        }
    }

    /// How three data columns are shared among `count` values: 3 → 1,1,1; 2 → 1,2; 1 → 3.
    static func dataSpans(_ count: Int) -> [Int] {
        switch count {
        case 1: return [3]
        case 2: return [1, 2]
        default: return Array(repeating: 1, count: count)
        }
    }

    static func columnLabel(_ column: ProactiveColumn, unit: AmountUnit?) -> String {
        guard column == .procurementAmount else { return column.label }
        switch unit {
        case .tenThousandYuan: return "采购总金额（万元）"
        case .yuan: return "采购总金额（元）"
        case nil: return column.label
        }
    }

    // MARK: 表二

    /// Section III: 3 label columns and 7 data columns; 3 header rows under the balance note.
    static func applications(_ table: ApplicationTable) -> LayoutTable {
        var rows: [[LayoutCell]] = [
            [LayoutCell(text: balanceNote, role: .note, rowSpan: 3, colSpan: 3),
             LayoutCell(text: "申请人情况", role: .columnGroupHeader, colSpan: 7)],
            [LayoutCell(text: "自然人", role: .columnHeader, rowSpan: 2),
             LayoutCell(text: "法人或其他组织", role: .columnGroupHeader, colSpan: 5),
             LayoutCell(text: "总计", role: .columnHeader, rowSpan: 2)],
            ApplicantColumn.allCases[1...5].map { LayoutCell(text: $0.label, role: .columnHeader) },
        ]
        let resultRows = table.rows.filter { $0 != .new && $0 != .carriedOver && $0 != .carriedForward }
        var previousGroup: String?
        for row in table.rows {
            let names = Array(Set([row.label, row.displayName])).sorted()
            let values = zip(table.row(row), ApplicantColumn.allCases).map { cell, column in
                LayoutCell(
                    text: cell.description, role: .data,
                    place: CellPlace(section: 3, rows: names, column: column.label))
            }
            var labels: [LayoutCell] = []
            if row == resultRows.first {
                labels.append(LayoutCell(text: "三、本年度办理结果", role: .rowGroupHeader, rowSpan: resultRows.count))
            }
            switch row {
            case .new, .carriedOver, .carriedForward:
                labels.append(LayoutCell(text: row.label, role: .rowHeader, colSpan: 3))
            default:
                if let group = row.groupLabel {
                    if group != previousGroup {
                        let size = table.rows.filter { $0.groupLabel == group }.count
                        labels.append(LayoutCell(text: group, role: .rowGroupHeader, rowSpan: size))
                    }
                    labels.append(LayoutCell(text: row.label, role: .rowHeader))
                } else {
                    labels.append(LayoutCell(text: row.label, role: .rowHeader, colSpan: 2))
                }
            }
            previousGroup = row.groupLabel
            rows.append(labels + values)
        }
        return LayoutTable(
            caption: applicationsCaption, columnCount: 10, headerRowCount: 3, rows: rows,
            columnWidths: [6, 8, 30, 8, 8, 8, 8, 8, 8, 8])
    }

    // MARK: 表三

    /// Section IV: 15 data columns under three header rows.
    static func appeals(_ table: AppealsTable) -> LayoutTable {
        let results = AppealsResult.allCases
        var second = results.map { LayoutCell(text: $0.label, role: .columnHeader, rowSpan: 2) }
        second.append(LayoutCell(text: AppealsGroup.litigationDirect.label, role: .columnGroupHeader, colSpan: 5))
        second.append(LayoutCell(text: AppealsGroup.litigationAfterReconsideration.label, role: .columnGroupHeader, colSpan: 5))
        let rows: [[LayoutCell]] = [
            [LayoutCell(text: "行政复议", role: .columnGroupHeader, colSpan: 5),
             LayoutCell(text: "行政诉讼", role: .columnGroupHeader, colSpan: 10)],
            second,
            (results + results).map { LayoutCell(text: $0.label, role: .columnHeader) },
            zip(table.cells, AppealsGroup.allCases.flatMap { g in results.map { (g, $0) } }).map { cell, place in
                LayoutCell(
                    text: cell.description, role: .data,
                    place: CellPlace(section: 4, rows: [place.0.label], column: place.1.label))
            },
        ]
        return LayoutTable(
            caption: appealsCaption, columnCount: 15, headerRowCount: 3, rows: rows,
            columnWidths: Array(repeating: 6, count: 10) + Array(repeating: 8, count: 5))
    }
}
