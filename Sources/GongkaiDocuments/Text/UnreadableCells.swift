import GongkaiCore

extension TextReportReader {
    /// Refuses a document with nothing to read, saying why: no text at all, only the `# source:` line, only
    /// marks (`#`, `*`, `|`, rules, page footers), or a line past `limits.maxLineBytes`.
    static func checkReadable(_ doc: TextDocument, source: String) throws(ReportReadError) {
        if let long = doc.overlongLine {
            throw .limitExceeded(
                LimitExceeded(
                    limit: .maxLineBytes, allowed: Int64(doc.limits.maxLineBytes), found: Int64(long.end - long.start),
                    place: "\(source) 第\(long.line)行"))
        }
        guard !doc.lines.contains(where: { !doc.clean($0).isEmpty && !doc.clean($0).isNoise }) else { return }
        if let first = doc.sourceLine, doc.lines.allSatisfy({ doc.clean($0).isEmpty }) {
            let more = first.end - first.start > 200 ? "（报告正文也在这一行里：请把它放到下一行）" : ""
            throw .other(file: source, message: "只有第\(first.line)行的「# source:」来源注释，没有报告正文\(more)")
        }
        if doc.lines.contains(where: { TextBytes.trim(doc.bytes, $0.start, $0.end).0 < $0.end }) {
            throw .other(file: source, message: "文件中只有标记符号（#、*、|、分隔线或页码），没有报告文字")
        }
        throw .other(file: source, message: "文件为空")
    }
}

/// Cells written as numbers that a cell cannot hold (`CellNumberProblem`: past `InputLimits.maxCellValue`,
/// too many decimals, scientific notation), reported as errors that name their table, row and column.
///
/// The reader keeps such a cell as a placeholder of its own text (so the table keeps its shape); this turns the
/// list the tokenizer made into findings, and drops the reader's blank-cell warning for the same cell (the cell
/// is not blank: it is unreadable).
enum UnreadableCells {
    static let rule = "read.unreadableCell"

    /// `found` (section, cells in document order) as error findings added to `findings`.
    static func report(
        _ found: [(section: Int, cells: [UnreadableCell])], in report: AnnualReport, _ findings: [Finding]
    ) -> [Finding] {
        guard found.contains(where: { !$0.cells.isEmpty }) else { return findings }
        var out = findings
        var used = Set<Int>()
        let places = ReportCellPlaces.all(of: report)
        for (section, cells) in found {
            for cell in cells {
                let k = places.indices.first {
                    !used.contains($0) && places[$0].section == section && places[$0].cell == .placeholder(cell.text)
                }
                if let k { used.insert(k) }
                let location = ReportLocation(
                    section: section, row: k.map { places[$0].row }, column: k.map { places[$0].column },
                    line: cell.line)
                out.removeAll { isBlankWarning($0, at: location) }
                out.append(
                    Finding(
                        rule: rule, severity: .error, location: location, message: "单元格无法读取：\(cell.problem)",
                        expected: "\(InputLimits.Name.maxCellValue)以内的整数或小数", found: cell.text))
            }
        }
        return out
    }

    /// The reader's blank-cell warning for exactly this one cell.
    private static func isBlankWarning(_ f: Finding, at l: ReportLocation) -> Bool {
        f.rule == "read.blankCell" && l.column != nil && f.location.section == l.section && f.location.row == l.row
            && f.location.column == l.column
    }
}

/// Every cell of a report's tables with its section, row and column as messages name them.
enum ReportCellPlaces {
    struct Place {
        var section: Int
        var row: String
        var column: String
        var cell: Cell
    }

    static func all(of r: AnnualReport) -> [Place] {
        var out: [Place] = []
        for row in r.proactive.rows {
            let columns = row.columns(in: r.format)
            for (k, cell) in (r.proactive.cells[row] ?? []).enumerated() where k < columns.count {
                out.append(Place(section: 2, row: row.label(in: r.format), column: columns[k].label, cell: cell))
            }
        }
        let t = r.applications.table
        for row in t.rows {
            for column in ApplicantColumn.allCases {
                out.append(Place(section: 3, row: row.displayName, column: column.label, cell: t[row, column]))
            }
        }
        for group in AppealsGroup.allCases {
            for result in AppealsResult.allCases {
                out.append(
                    Place(section: 4, row: group.label, column: result.label, cell: r.appeals.table[group, result]))
            }
        }
        return out
    }
}
