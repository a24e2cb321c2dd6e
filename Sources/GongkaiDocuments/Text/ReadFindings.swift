import GongkaiCore

/// The findings a reader collects while reading, with the rule ids it uses.
///
/// - `read.unplaced` — something could not be placed in the report (a number with no row, a row with no slot).
/// - `read.ambiguousSplit` — run-together digits could be split in more than one way that fits.
/// - `read.blankCell` — a blank or placeholder cell ("/", "—", "无"), kept distinct from 0.
/// - `read.labelVariant` — a label differs from the format's wording after normalisation.
/// - `read.missingRow` — a row of the format was not found; its cells are left blank.
/// - `read.missingHeading` — a section heading was not found and its place was inferred.
/// - `read.missingCell` — a row has fewer values than the format has columns; the rest are blank.
/// - `read.realigned` — a table's labels were split or out of place, and its rows of numbers were placed on the
///   format's rows in order because, so placed, the table adds up.
/// - `read.unaligned` — a table's rows could not be placed on the format's rows one to one and the table as
///   placed does not add up: an error, standing for the table (the checker then gives no arithmetic findings
///   for it, `ReportChecker.check(_:read:)`), since its errors would come from the reading.
struct ReadFindings: Sendable {
    var items: [Finding] = []

    mutating func warn(_ rule: String, section: Int?, line: Int?, row: String? = nil, column: String? = nil,
        _ message: String, expected: String? = nil, found: String? = nil)
    {
        items.append(
            Finding(
                rule: rule, severity: .warning,
                location: ReportLocation(section: section, row: row, column: column, line: line),
                message: message, expected: expected, found: found))
    }

    /// The table of `section` could not be aligned with the format's rows: one error for the whole table.
    mutating func unaligned(section: Int, line: Int, format: ReportFormat) {
        let reason = "表格的行无法与\(format.rawValue)版格式逐行对齐（行标签被拆开或错位，数字与行对不上）"
        items.append(
            Finding(
                rule: "read.unaligned", severity: .error, location: ReportLocation(section: section, line: line),
                message: reason + "，未做逐项算术检查；请核对原文或提供其他格式的文件", readDoubt: reason))
    }

    /// Warns about the row's blank or placeholder cells; `row` and `columns` are only built when there are some.
    mutating func blankCells(
        section: Int, line: Int, row: @autoclosure () -> String, columns: @autoclosure () -> [String], cells: [Cell]
    ) {
        guard cells.contains(where: { !$0.isNumber }) else { return }
        let columns = columns()
        var names: [String] = []
        for (k, c) in cells.enumerated() where !c.isNumber {
            names.append(k < columns.count ? columns[k] : "第\(k + 1)列")
        }
        warn(
            "read.blankCell", section: section, line: line, row: row(), column: names.count == 1 ? names[0] : nil,
            "空白或占位单元格（按 0 计，与 0 区分保存）：" + names.joined(separator: "、"))
    }
}
