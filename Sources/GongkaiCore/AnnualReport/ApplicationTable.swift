/// Report section III's table: for each row of the format, seven cells (自然人 … 其他, 总计).
///
/// A table made by `ApplicationTable(format:)` has every row filled with 0.
///
/// ```swift
/// var t = ApplicationTable(format: .v2019)
/// t[.new, .naturalPerson] = 21
/// t.row(.new).count // 7
/// ```
public struct ApplicationTable: Hashable, Sendable {
    public let format: ReportFormat
    /// The cells row after row in the format's order (`ApplicationRow.position(in:)`), 7 per row in
    /// `ApplicantColumn` order: one flat array, so reading a cell is an index, not a hash lookup.
    private var storage: [Cell]

    public init(format: ReportFormat, fill: Cell = 0) {
        self.format = format
        if fill == 0 {
            storage = format == .v2019 ? Self.zeros2019 : Self.zeros2021
        } else {
            storage = Array(repeating: fill, count: ApplicationRow.rows(for: format).count * 7)
        }
    }

    /// The storage of a table of zeros in each format, built once: a new table shares it (copy on write), and the
    /// one in a new `AnnualReport` is often replaced whole without a cell ever written.
    private static let zeros2019 = zeros(.v2019)
    private static let zeros2021 = zeros(.v2021)

    private static func zeros(_ format: ReportFormat) -> [Cell] {
        Array(repeating: 0, count: ApplicationRow.rows(for: format).count * 7)
    }

    public var rows: [ApplicationRow] { ApplicationRow.rows(for: format) }

    /// Whether the row is part of this table's format (（六）其他处理 is one row in 2019, three in 2021).
    public func contains(_ row: ApplicationRow) -> Bool { row.position(in: format) != nil }

    /// The row's 7 cells; 7 blank cells for a row the format does not have.
    public func row(_ row: ApplicationRow) -> [Cell] {
        guard let p = row.position(in: format) else { return Array(repeating: .blank, count: 7) }
        return Array(storage[(p * 7)..<(p * 7 + 7)])
    }

    /// Sets a whole row; `values` must hold 7 cells. Cell by cell: the seven assignments cost far less than the
    /// generic `replaceSubrange`, and the storage keeps its size.
    public mutating func setRow(_ row: ApplicationRow, _ values: [Cell]) {
        precondition(values.count == 7, "a section III row has 7 cells")
        let start = offset(row) * 7
        for k in 0..<7 { storage[start + k] = values[k] }
    }

    public subscript(row: ApplicationRow, column: ApplicantColumn) -> Cell {
        get {
            guard let p = row.position(in: format) else { return .blank }
            return storage[p * 7 + column.rawValue]
        }
        set { storage[offset(row) * 7 + column.rawValue] = newValue }
    }

    private func offset(_ row: ApplicationRow) -> Int {
        guard let p = row.position(in: format) else { preconditionFailure("row \(row.id) is not in the \(format.rawValue) format") }
        return p
    }

    /// Fills the 总计 column of every row with the sum of the six applicant kinds.
    public mutating func fillTotals() {
        for r in rows {
            self[r, .total] = .count(ApplicantColumn.applicantKinds.reduce(0) { $0 + self[r, $1].countOrZero })
        }
    }
}

/// 复议、诉讼 columns of section IV: five results in each of three groups.
///
/// ```swift
/// AppealsGroup.litigationAfterReconsideration.range // 10..<15
/// ```
public enum AppealsGroup: Int, CaseIterable, Hashable, Sendable {
    /// 行政复议
    case reconsideration = 0
    /// 行政诉讼 — 未经复议直接起诉
    case litigationDirect
    /// 行政诉讼 — 复议后起诉
    case litigationAfterReconsideration

    public var range: Range<Int> { (rawValue * 5)..<(rawValue * 5 + 5) }

    public var label: String { Self.labels[rawValue] }
    private static let labels = ["行政复议", "未经复议直接起诉", "复议后起诉"]
}

/// The five result columns of each section IV group.
public enum AppealsResult: Int, CaseIterable, Hashable, Sendable {
    /// 结果维持
    case upheld = 0
    /// 结果纠正
    case corrected
    /// 其他结果
    case otherResult
    /// 尚未审结
    case pending
    /// 总计
    case total

    public var label: String { Self.labels[rawValue] }
    private static let labels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
}

/// Report section IV's table: 15 cells, the same in both formats (format reference §2.5).
///
/// ```swift
/// var t = AppealsTable()
/// t[.reconsideration, .pending] = 1
/// ```
public struct AppealsTable: Hashable, Sendable {
    /// Exactly 15 cells: 复议 (维持, 纠正, 其他, 尚未审结, 总计), 直接起诉 (…), 复议后起诉 (…).
    public private(set) var cells: [Cell]

    public init(cells: [Cell] = Array(repeating: 0, count: 15)) {
        precondition(cells.count == 15, "section IV has 15 cells")
        self.cells = cells
    }

    public subscript(group: AppealsGroup, result: AppealsResult) -> Cell {
        get { cells[group.rawValue * 5 + result.rawValue] }
        set { cells[group.rawValue * 5 + result.rawValue] = newValue }
    }

    /// Fills each group's 总计 with the sum of its four results.
    public mutating func fillTotals() {
        for g in AppealsGroup.allCases {
            self[g, .total] = .count(AppealsResult.allCases.dropLast().reduce(0) { $0 + self[g, $1].countOrZero })
        }
    }
}
