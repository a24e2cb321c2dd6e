import GongkaiCore

/// Maps tables read from HTML or DOCX to the report model by their labels, not by position
/// (format reference §6.1 rule 7: labels compared after normalising brackets, whitespace and line breaks).
///
/// A cell written as a number that a cell cannot hold (past `limits.maxCellValue`, `1e3`) is kept as a
/// placeholder of its text and listed in `unreadable`, which the reader reports as `read.unreadableCell` errors.
struct ReportTableMapper {
    var source: String
    var limits: InputLimits
    var findings: [Finding] = []
    /// Unreadable cells by section (2, 3, 4), in document order.
    var unreadable: [(section: Int, cells: [UnreadableCell])] = [(2, []), (3, []), (4, [])]

    init(source: String, limits: InputLimits) {
        self.source = source
        self.limits = limits
    }

    private mutating func warn(_ rule: String, section: Int, row: String? = nil, _ message: String) {
        findings.append(
            Finding(
                rule: rule, severity: .warning, location: ReportLocation(section: section, row: row),
                message: "\(source)：\(message)"))
    }

    // MARK: 表一

    static func proactiveRow(_ labels: [String], format: ReportFormat) -> ProactiveRow? {
        for label in labels.reversed() {
            let bare = ReportLabel.bare(label)
            if let row = ProactiveRow.allCases.first(where: {
                ReportLabel.key($0.label(in: .v2019)) == bare || ReportLabel.key($0.label(in: .v2021)) == bare
            }) {
                return row
            }
        }
        return nil
    }

    /// Fills section II from its tables; rows the tables do not have are left blank and reported.
    mutating func fillProactive(_ section: inout ProactiveSection, from grids: [TableGrid]) {
        var seen: Set<ProactiveRow> = []
        for row in grids.flatMap({ $0.resolvedRows() }) where !row.values.isEmpty {
            guard let target = Self.proactiveRow(row.labels, format: section.format) else {
                warn("read.unknownRow", section: 2, row: row.labels.last, "表一中的行「\(row.labels.joined(separator: " "))」无法识别，已忽略")
                continue
            }
            guard section.cells[target] != nil else {
                warn("read.rowNotInFormat", section: 2, row: target.label(in: section.format),
                     "表一中的行「\(target.label(in: section.format))」不属于\(section.format.rawValue)版格式，已忽略")
                continue
            }
            let columns = target.columns(in: section.format)
            section.cells[target] = fit(row.values, count: columns.count, section: 2, row: target.label(in: section.format))
            seen.insert(target)
        }
        for row in section.rows where !seen.contains(row) {
            section.cells[row] = Array(repeating: .blank, count: row.columns(in: section.format).count)
            warn("read.missingRow", section: 2, row: row.label(in: section.format), "表一缺少「\(row.label(in: section.format))」行，按空白处理")
        }
    }

    private mutating func fit(_ values: [String], count: Int, section: Int, row: String) -> [GongkaiCore.Cell] {
        var cells = values.map { text -> GongkaiCore.Cell in
            do throws(CellNumberProblem) {
                return try ReportLabel.cell(text, limits: limits)
            } catch {
                let kept = text.trimmingCharacters(in: .whitespacesAndNewlines)
                unreadable[section - 2].cells.append(UnreadableCell(line: nil, text: kept, problem: error))
                return .placeholder(kept)
            }
        }
        if cells.count != count {
            warn("read.cellCount", section: section, row: row, "「\(row)」行应有 \(count) 个数据单元格，实有 \(cells.count) 个")
        }
        if cells.count > count { cells = Array(cells.prefix(count)) }
        while cells.count < count { cells.append(.blank) }
        return cells
    }

    // MARK: 表二

    static func applicationRow(_ labels: [String], format: ReportFormat) -> ApplicationRow? {
        guard let leaf = labels.last.map(ReportLabel.bare) else { return nil }
        let groups = labels.dropLast().map(ReportLabel.bare).joined()
        if leaf.contains("本年新收") { return .new }
        if leaf.contains("上年结转") { return .carriedOver }
        if leaf.contains("结转下年度") { return .carriedForward }
        if leaf == "总计" || leaf.hasSuffix("总计") && leaf.count <= 4 { return .total }
        if leaf.hasPrefix("予以公开") { return .granted }
        if leaf.hasPrefix("部分公开") { return .partiallyGranted }
        if let n = ApplicationRow.withheldLabels.firstIndex(where: { ReportLabel.key($0) == leaf }) { return .withheld(n + 1) }
        if let n = ApplicationRow.unavailableLabels.firstIndex(where: { ReportLabel.key($0) == leaf }) {
            return .unavailable(n + 1)
        }
        if let n = ApplicationRow.notProcessedLabels.firstIndex(where: { ReportLabel.key($0) == leaf }) {
            return .notProcessed(n + 1)
        }
        if let n = ApplicationRow.otherLabels.firstIndex(where: { ReportLabel.key($0) == leaf }),
            n < 2 || groups.contains("其他处理")
        {
            return format == .v2021 ? .otherSub(n + 1) : .other
        }
        if leaf == "其他处理" { return format == .v2019 ? .other : .otherSub(3) }
        return nil
    }

    /// Fills section III from its tables; unknown rows are reported, missing rows are left blank.
    mutating func fillApplications(_ table: inout ApplicationTable, from grids: [TableGrid]) {
        var seen: Set<ApplicationRow> = []
        for row in grids.flatMap({ $0.resolvedRows() }) where !row.values.isEmpty && !row.labels.isEmpty {
            guard let target = Self.applicationRow(row.labels, format: table.format) else {
                warn("read.unknownRow", section: 3, row: row.labels.last, "表二中的行「\(row.labels.joined(separator: " "))」无法识别，已忽略")
                continue
            }
            if target == .otherSub(3), ReportLabel.bare(row.labels.last ?? "") == "其他处理" {
                warn("read.otherSingleRow", section: 3, row: target.displayName,
                     "2021版格式的（六）其他处理只有一行，数字计入「3.其他」")
            }
            if seen.contains(target) {
                warn("read.duplicateRow", section: 3, row: target.displayName, "表二中「\(target.displayName)」行出现多次，取第一次")
                continue
            }
            table.setRow(target, fit(row.values, count: 7, section: 3, row: target.displayName))
            seen.insert(target)
        }
        for row in table.rows where !seen.contains(row) {
            table.setRow(row, Array(repeating: .blank, count: 7))
            warn("read.missingRow", section: 3, row: row.displayName, "表二缺少「\(row.displayName)」行，按空白处理")
        }
    }

    // MARK: 表三

    /// Fills section IV from the first row that carries 15 values (or, failing that, the most values).
    mutating func fillAppeals(_ table: inout AppealsTable, from grids: [TableGrid]) {
        let rows = grids.flatMap { $0.resolvedRows() }.filter { row in
            !row.values.isEmpty
                && (row.labels.isEmpty || row.values.contains { ReportLabel.number(ReportLabel.key($0)) != nil })
        }
        guard let best = rows.first(where: { $0.values.count == 15 }) ?? rows.max(by: { $0.values.count < $1.values.count })
        else {
            table = AppealsTable(cells: Array(repeating: .blank, count: 15))
            warn("read.missingRow", section: 4, "表三没有数据行，按空白处理")
            return
        }
        table = AppealsTable(cells: fit(best.values, count: 15, section: 4, row: "表三数据行"))
    }
}
