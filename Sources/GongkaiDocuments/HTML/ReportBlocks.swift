import GongkaiCore

/// A piece of a report document in reading order, as the HTML and DOCX readers see it.
enum ReportBlock: Sendable, Equatable {
    /// What a line is in the document: our own files mark titles and section headings.
    enum Role: Sendable, Equatable {
        case title
        /// A section heading; `section` is 1–6 when the file says so (our own files).
        case heading(section: Int?)
        case text
    }

    case line(String, Role)
    case table(TableGrid)
}

/// A table as written: rows of cells with their spans (HTML rowspan/colspan, DOCX gridSpan/vMerge).
struct TableGrid: Sendable, Equatable {
    struct Cell: Sendable, Equatable {
        var text: String
        var rowSpan = 1
        var colSpan = 1
    }

    var rows: [[Cell]]

    /// One row of the table with the cells that start in it and the labels spanning into it from above.
    struct Row: Sendable {
        /// Texts of the label cells covering the row, left to right (including cells spanning from rows above).
        var labels: [String]
        /// The row's own cells after its last label, each once (a cell spanning columns is one value).
        var values: [String]
    }

    /// The rows with merged cells resolved: a cell with rowspan counts as a label in every row it covers.
    /// Linear in the cells: a row's own cells fill the columns not covered from above, and past its last own
    /// cell the walk jumps to the next covered column instead of stepping through empty ones.
    func resolvedRows() -> [Row] {
        var covering: [Int: (cell: Cell, until: Int)] = [:]  // column → cell spanning down
        var result: [Row] = []
        for (r, row) in rows.enumerated() {
            covering = covering.filter { $0.value.until >= r }
            var above = covering.sorted { $0.key < $1.key }[...]  // columns covered in this row, left to right
            var slots: [(cell: Cell, own: Bool)] = []
            var column = 0
            var queue = row[...]
            while true {
                while let next = above.first, next.key < column { above.removeFirst() }
                if let next = above.first, next.key == column {
                    slots.append((next.value.cell, false))
                    column += max(1, next.value.cell.colSpan)
                } else if let cell = queue.popFirst() {
                    slots.append((cell, true))
                    if cell.rowSpan > 1 { covering[column] = (cell, r + cell.rowSpan - 1) }
                    column += max(1, cell.colSpan)
                } else if let next = above.first {
                    column = next.key
                } else {
                    break
                }
            }
            let lastLabel = slots.lastIndex { ReportLabel.isLabel($0.cell.text) }
            let labels = slots[...(lastLabel ?? -1)].filter { ReportLabel.isLabel($0.cell.text) }.map(\.cell.text)
            let values = slots[((lastLabel ?? -1) + 1)...].filter(\.own).map(\.cell.text)
            result.append(Row(labels: labels, values: values))
        }
        return result
    }
}

extension TableGrid {
    /// A row `width` columns wide after `span` more: refused when past `limits.maxTableColumns`, with `place`
    /// (file, table and row) in the message — so no span, however large, can overflow a column counter.
    static func widen(_ width: Int, by span: Int, limits: InputLimits, place: String) throws -> Int {
        guard span <= limits.maxTableColumns - width else {
            let (end, overflow) = width.addingReportingOverflow(span)
            throw LimitExceeded(
                limit: .maxTableColumns, allowed: Int64(limits.maxTableColumns), found: overflow ? nil : Int64(end),
                place: place)
        }
        return width + span
    }
}

/// Label normalisation: full/half-width forms, brackets, quotes, whitespace, `<br>` and line breaks
/// (format reference §0: "本年新<br/>制作数量" equals "本年新制作数量").
enum ReportLabel {
    /// A comparison key: the one label normaliser's rules (`FieldText.labelKey`) — no whitespace or line breaks,
    /// full-width ASCII folded to half-width, no quotes.
    static func key(_ text: String) -> String { FieldText.labelKey(text) }

    /// The key without a leading number: "1.属于国家秘密" → "属于国家秘密", "（三）不予公开" → "不予公开".
    static func bare(_ text: String) -> String {
        var k = key(text)
        if let range = k.range(of: #"^(\d+\.|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、)"#, options: .regularExpression) {
            k.removeSubrange(range)
        }
        return k
    }

    static let placeholders: Set<String> = ["/", "-", "—", "——", "－", "─", "无", "×", "\\", "…", "——/"]

    /// True when a cell's text is a label: not empty, not a number (nor written as one that a cell cannot hold,
    /// such as 20 digits or `1e3`), not a placeholder such as "/".
    static func isLabel(_ text: String) -> Bool {
        let k = key(text)
        if k.isEmpty || placeholders.contains(k) { return false }
        do { return try readNumber(k, limits: .standard) == nil } catch { return false }
    }

    /// The number in a cell's key, accepting a unit suffix (元, 万元, 件, 条) and thousands separators; nil for
    /// no number, or one a cell cannot hold.
    static func number(_ key: String) -> ExactNumber? { (try? readNumber(key, limits: .standard)) ?? nil }

    /// The number in a cell's key within `limits`: nil when the key is no number; throws when it is written as
    /// a number that a cell cannot hold (`ExactNumber.read`).
    static func readNumber(_ key: String, limits: InputLimits) throws(CellNumberProblem) -> ExactNumber? {
        var k = key.replacingOccurrences(of: ",", with: "")
        for unit in ["万元", "元", "件", "条", "项", "个"] where k.hasSuffix(unit) {
            k.removeLast(unit.count)
            break
        }
        return try ExactNumber.read(k, limits: limits)
    }

    /// A table cell's value within `limits`: blank, a number, or a placeholder kept as written; throws for a
    /// number that a cell cannot hold.
    static func cell(_ text: String, limits: InputLimits) throws(CellNumberProblem) -> GongkaiCore.Cell {
        let k = key(text)
        if k.isEmpty { return .blank }
        if let n = try readNumber(k, limits: limits) { return .number(n) }
        return .placeholder(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
