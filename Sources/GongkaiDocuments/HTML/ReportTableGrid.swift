import GongkaiCore

/// A report's three official tables as grids of cells with their merged spans, for a page that draws them
/// itself (the public report check marks each finding on the cell it concerns). The same layout the HTML and
/// DOCX writers use (format reference §2.3–2.5, §3.3–3.5).
///
/// ```swift
/// for table in ReportTableGrid.tables(of: report) {
///     let flagged = table.rows.joined().filter { cell in findings.contains { cell.place?.concerns($0.location) == true } }
/// }
/// ```
public struct ReportTableGrid: Sendable {
    public struct Cell: Sendable {
        public var text: String
        /// A row or column heading (`th`), with its HTML `scope` (`col`, `colgroup`, `row`, `rowgroup`).
        public var headerScope: String?
        public var rowSpan: Int
        public var colSpan: Int
        /// Where a data cell sits, as findings name it; nil for headings.
        public var place: CellPlace?
    }

    public var caption: String
    /// Rows at the top that head the whole table.
    public var headerRowCount: Int
    public var rows: [[Cell]]

    /// 表一, 表二 and 表三 of `report`.
    public static func tables(of report: AnnualReport) -> [ReportTableGrid] {
        [
            ReportTableLayout.proactive(report.proactive), ReportTableLayout.applications(report.applications.table),
            ReportTableLayout.appeals(report.appeals.table),
        ].map(ReportTableGrid.init)
    }

    init(_ layout: LayoutTable) {
        caption = layout.caption
        headerRowCount = layout.headerRowCount
        rows = layout.rows.map { row in
            row.map { c in
                let scope: String?
                switch c.role {
                case .data, .note: scope = nil
                case .columnHeader: scope = "col"
                case .columnGroupHeader, .blockTitle: scope = "colgroup"
                case .rowHeader: scope = "row"
                case .rowGroupHeader: scope = "rowgroup"
                }
                return Cell(text: c.text, headerScope: scope, rowSpan: c.rowSpan, colSpan: c.colSpan, place: c.place)
            }
        }
    }
}
