import Foundation
import GongkaiCore

/// Reads `w:tbl` rows into a grid: `w:gridSpan` is a column span, `w:vMerge` continuations extend the
/// row span of the cell above, `w:gridBefore` skips columns. A row is at most `InputLimits.maxTableColumns`
/// wide (a wider one, or a negative span, is refused naming the table and row), so the column counter
/// cannot overflow and the grid stays small.
struct DOCXTableReader {
    let own: Bool
    let source: String
    let limits: InputLimits
    /// Tables read so far, to name the table in messages (第 2 个表格).
    private(set) var count = 0

    init(own: Bool, source: String, limits: InputLimits) {
        self.own = own
        self.source = source
        self.limits = limits
    }

    mutating func grid(_ tbl: DOCXElement) throws -> TableGrid {
        count += 1
        var rows: [[TableGrid.Cell]] = []
        var starts: [Int: (row: Int, cell: Int)] = [:]  // grid column → the cell a vertical merge started in
        for tr in tbl.children where tr.localName == "tr" {
            let place = "\(DOCXReportReader.documentPart) 第 \(count) 个表格第 \(rows.count + 1) 行"
            var cells: [TableGrid.Cell] = []
            let located = "\(source) \(place)"
            let before = try spanValue(tr.child("trPr")?.property("gridBefore"), "w:gridBefore", least: 0, place: place)
            var column = try TableGrid.widen(0, by: before, limits: limits, place: located)
            for tc in tr.children where tc.localName == "tc" {
                let tcPr = tc.child("tcPr")
                let span = try spanValue(tcPr?.property("gridSpan"), "w:gridSpan", least: 1, place: place)
                let start = column
                column = try TableGrid.widen(column, by: span, limits: limits, place: located)
                let merge = tcPr?.child("vMerge")
                if merge != nil, merge?.attribute("val") != "restart", let first = starts[start] {
                    rows[first.row][first.cell].rowSpan += 1
                } else {
                    var text = tc.children.filter { $0.localName == "p" }.map(DOCXBlockWalker.text(of:)).joined(
                        separator: "\n")
                    if !own { text = text.trimmingCharacters(in: .whitespacesAndNewlines) }
                    cells.append(TableGrid.Cell(text: text, rowSpan: 1, colSpan: span))
                    starts[start] = merge != nil ? (rows.count, cells.count - 1) : nil
                }
            }
            rows.append(cells)
        }
        return TableGrid(rows: rows)
    }

    /// A `w:gridBefore`/`w:gridSpan` value, at least `least` (also when absent or not a number); refused when
    /// negative. A number too large for `Int` is `Int.max`, which `TableGrid.widen` then refuses.
    private func spanValue(_ value: String?, _ name: String, least: Int, place: String) throws -> Int {
        guard let raw = value?.trimmingCharacters(in: .whitespaces) else { return least }
        let negative = raw.hasPrefix("-")
        let digits = raw.dropFirst(negative ? 1 : 0)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return least }
        if negative { throw ReportReadError.other(file: source, message: "\(place)：\(name) 的值 \(raw) 无效（不能为负数）") }
        return max(least, Int(digits) ?? .max)
    }
}
