import GongkaiCore

/// Rebuilds a section's table from layout lines: finds the data lines (trailing numbers in the value columns),
/// matches them in order to the rows of the format, places each value in its column by position, and writes
/// the table as tab-separated lines with the format's labels. When the data lines do not match the format,
/// the lines are passed on with their cells tab-separated, for the text reader to judge.
struct LayoutTableRebuilder {
    /// The format found from section III's row count (23 or 25), used for section II when its headers are unclear.
    var format: ReportFormat?

    struct Result {
        var before: [LayoutLine]
        var lines: [String]
        var after: [LayoutLine]
    }

    static let startKeywords: [Int: [String]] = [
        2: ["第二十条", "信息内容"], 3: ["申请人情况", "勾稽关系", "本年新收"], 4: ["行政复议", "行政诉讼"],
    ]

    static func isValue(_ token: String) -> Bool {
        let k = ReportLabel.key(token)
        return !k.isEmpty && (ReportLabel.number(k) != nil || ReportLabel.placeholders.contains(k))
    }

    /// The trailing value tokens of a line (nil when the line has none).
    static func values(_ line: LayoutLine) -> [(column: Int, text: String)]? {
        let trailing = line.tokens.reversed().prefix { isValue($0.text) }.reversed()
        return trailing.isEmpty ? nil : Array(trailing)
    }

    mutating func rebuild(section: Int, _ region: [LayoutLine]) -> Result {
        let keys = Self.startKeywords[section] ?? []
        let isStart = { (line: LayoutLine) in
            let key = ReportLabel.key(line.text)
            return keys.contains { key.contains($0) } && (line.tokens.count >= 2 || key.count <= 24)
        }
        guard let start = region.firstIndex(where: isStart) else {
            return Result(before: region, lines: [], after: [])
        }
        let body = Array(region[start...])
        var data = body.indices.filter { Self.values(body[$0]) != nil }
        if section == 4 { data = data.filter { i in body[i].tokens.allSatisfy { Self.isValue($0.text) } } }
        guard let last = data.last else { return Result(before: Array(region[..<start]), lines: [], after: body) }
        let table = Array(body[...last])
        let rows = data.map { body[$0] }
        let lines: [String]
        switch section {
        case 2: lines = proactive(rows, table: table) ?? Self.passThrough(table)
        case 3: lines = applications(rows, table: table) ?? Self.passThrough(table)
        default: lines = appeals(rows) ?? Self.passThrough(table)
        }
        return Result(before: Array(region[..<start]), lines: lines, after: Array(body[(last + 1)...]))
    }

    /// Each line's cells joined by tabs, spaces next to Chinese removed.
    static func passThrough(_ lines: [LayoutLine]) -> [String] {
        lines.filter { !$0.isBlank }.map { $0.tokens.map { LayoutTextNormaliser.tidy($0.text) }.joined(separator: "\t") }
    }

    /// Places a line's values into `count` columns by position, using the centres of lines that fill all columns
    /// on the same page (or any page); blanks where nothing stands.
    static func place(_ line: LayoutLine, count: Int, among rows: [LayoutLine], anchors: [Int: [Double]] = [:]) -> [String] {
        let values = Self.values(line) ?? []
        if values.count >= count { return values.suffix(count).map(\.text) }
        let full = rows.filter { (Self.values($0)?.count ?? 0) == count }
        let samePage = full.filter { $0.page == line.page }
        let centres: [Double]
        if let reference = (samePage.isEmpty ? full : samePage).first.flatMap({ Self.values($0) }) {
            centres = reference.map { Double($0.column) + Double($0.text.count) / 2 }
        } else if let headers = anchors[line.page] ?? anchors.values.first, headers.count == count {
            centres = headers
        } else {
            return values.map(\.text) + Array(repeating: "", count: count - values.count)
        }
        var cells = Array(repeating: "", count: count)
        var next = 0
        for v in values {
            let c = Double(v.column) + Double(v.text.count) / 2
            let remaining = centres.indices.filter { $0 >= next && cells[$0].isEmpty }
            guard let best = remaining.min(by: { abs(centres[$0] - c) < abs(centres[$1] - c) }) else { break }
            cells[best] = v.text
            next = best + 1
        }
        return cells
    }

    // MARK: 表二

    /// Column centres of section III's value columns per page, from the header words (自然人, 商业, 科研 …, 总计),
    /// for pages where no row has all seven values.
    static func headerAnchors(_ table: [LayoutLine]) -> [Int: [Double]] {
        let words = [["自然"], ["商业"], ["科研"], ["公益", "社会"], ["法律", "服务"], ["其他"], ["总计"]]
        var result: [Int: [Double]] = [:]
        for page in Set(table.map(\.page)) {
            let tokens = table.filter { $0.page == page && values($0) == nil }.flatMap(\.tokens)
            let centres = words.compactMap { keys in
                tokens.first { t in keys.contains { ReportLabel.key(t.text).hasPrefix($0) } }
                    .map { Double($0.column) + Double($0.text.count) / 2 }
            }
            if centres.count == words.count, centres == centres.sorted() { result[page] = centres }
        }
        return result
    }

    mutating func applications(_ rows: [LayoutLine], table: [LayoutLine]) -> [String]? {
        let found: ReportFormat
        switch rows.count {
        case ApplicationRow.rows(for: .v2019).count: found = .v2019
        case ApplicationRow.rows(for: .v2021).count: found = .v2021
        default: return nil
        }
        format = found
        let anchors = Self.headerAnchors(table)
        var out = [
            ReportTableLayout.balanceNote + "\t申请人情况", "自然人\t法人或其他组织\t总计",
            ApplicantColumn.allCases[1...5].map(\.label).joined(separator: "\t"),
        ]
        var previousGroup: String?
        for (row, line) in zip(ApplicationRow.rows(for: found), rows) {
            var labels: [String] = []
            if row == .granted { labels.append("三、本年度办理结果") }
            if let g = row.groupLabel, g != previousGroup { labels.append(g) }
            previousGroup = row.groupLabel
            labels.append(row.label)
            out.append((labels + Self.place(line, count: 7, among: rows, anchors: anchors)).joined(separator: "\t"))
        }
        return out
    }

    // MARK: 表三

    func appeals(_ rows: [LayoutLine]) -> [String]? {
        guard let line = rows.max(by: { (Self.values($0)?.count ?? 0) < (Self.values($1)?.count ?? 0) }) else { return nil }
        let results = AppealsResult.allCases.map(\.label)
        return [
            "行政复议\t行政诉讼", (results + ["未经复议直接起诉", "复议后起诉"]).joined(separator: "\t"),
            (results + results).joined(separator: "\t"), Self.place(line, count: 15, among: [line]).joined(separator: "\t"),
        ]
    }

    // MARK: 表一

    func proactive(_ rows: [LayoutLine], table: [LayoutLine]) -> [String]? {
        let text = table.map { ReportLabel.key($0.text) }.joined()
        let format: ReportFormat =
            text.contains("本年制发件数") || text.contains("本年处理决定数量") ? .v2021
            : text.contains("本年新制作数量") || text.contains("上一年项目数量") ? .v2019 : (self.format ?? .v2021)
        let variant: RegionalVariant =
            text.contains("行政检查") || text.contains("行政确认") ? .beijing : text.contains("其他主动公开文件") ? .hubei : .national
        let expected = ProactiveRow.rows(for: format, variant: variant)
        guard expected.count == rows.count else { return nil }
        let unit: AmountUnit? = text.contains("万元") ? .tenThousandYuan : text.contains("（元）") || text.contains("(元)") ? .yuan : nil
        var out: [String] = []
        var item = ""
        for (row, line) in zip(expected, rows) {
            let columns = row.columns(in: format)
            if row.article20Item != item {
                item = row.article20Item
                out.append("第二十条第\(item)项")
                out.append((["信息内容"] + columns.map { ReportTableLayout.columnLabel($0, unit: unit) }).joined(separator: "\t"))
            }
            let sameShape = rows.filter { (Self.values($0)?.count ?? 0) == columns.count }
            var labels = [row.label(in: format)]
            if row == .inspection { labels.insert(ProactiveRow.otherServices.label(in: format), at: 0) }
            if row == .confirmation { labels.insert("", at: 0) }
            out.append((labels + Self.place(line, count: columns.count, among: sameShape)).joined(separator: "\t"))
        }
        return out
    }
}
