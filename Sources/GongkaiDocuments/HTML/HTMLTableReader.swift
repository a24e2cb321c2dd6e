import Foundation
import GongkaiCore

/// Reads a data table's rows and cells with their spans; `<br>` and block elements in a cell become line breaks.
/// A row wider than `InputLimits.maxTableColumns` (the sum of its cells' colspans) is refused, naming the table
/// (its number among the page's data tables) and the row.
enum HTMLTableReader {
    static func grid(_ table: HTMLNode, number: Int, in walker: HTMLBlockWalker) throws -> TableGrid {
        var rows: [[TableGrid.Cell]] = []
        for tr in rowsOf(table) {
            let place = "\(walker.source) 第 \(number) 个表格第 \(rows.count + 1) 行"
            var width = 0
            var cells: [TableGrid.Cell] = []
            for cell in tr.children where cell.name == "td" || cell.name == "th" {
                let span = columns(cell.attributes["colspan"])
                width = try TableGrid.widen(width, by: span, limits: walker.limits, place: place)
                cells.append(
                    TableGrid.Cell(
                        text: try text(of: cell, in: walker),
                        rowSpan: max(1, min(100, Int(cell.attributes["rowspan"] ?? "") ?? 1)), colSpan: span))
            }
            rows.append(cells)
        }
        return TableGrid(rows: rows)
    }

    /// A `colspan` as HTML parses it: its leading digits ("3px" is 3), at least 1, and `Int.max` when too large
    /// for `Int` (which `TableGrid.widen` refuses).
    static func columns(_ value: String?) -> Int {
        let digits = (value ?? "").drop { $0.isWhitespace }.prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? 1 : max(1, Int(digits) ?? .max)
    }

    /// `tr` elements of this table, not of tables nested in it.
    static func rowsOf(_ node: HTMLNode) -> [HTMLNode] {
        node.children.flatMap { child -> [HTMLNode] in
            switch child.name {
            case "tr": return [child]
            case "table": return []
            case .some: return rowsOf(child)
            case nil: return []
            }
        }
    }

    static func text(of cell: HTMLNode, in outer: HTMLBlockWalker) throws -> String {
        var walker = HTMLBlockWalker(own: outer.own, source: outer.source, limits: outer.limits)
        for child in cell.children { try walker.walk(child) }
        walker.flush()
        return walker.blocks.compactMap { block -> String? in
            switch block {
            case .line(let t, _): return t
            case .table(let g): return g.rows.flatMap { $0.map(\.text) }.joined(separator: " ")
            }
        }.joined(separator: "\n")
    }
}
