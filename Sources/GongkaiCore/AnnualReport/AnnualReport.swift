/// 政府信息公开工作年度报告 — one agency's annual report for one year (Art. 49, 50).
///
/// Six sections in a fixed order: 一 总体情况, 二 主动公开 (table), 三 依申请公开 (table), 四 复议诉讼 (table),
/// 五 问题及改进, 六 其他事项. Narrative text is kept verbatim, line by line.
///
/// ```swift
/// let report = AnnualReport(agency: "北京市大兴区应急管理局", year: 2020)
/// report.format // .v2019
/// ```
public struct AnnualReport: Hashable, Sendable {
    public var agency: String
    public var year: Int
    public var format: ReportFormat
    public var variant: RegionalVariant
    /// The title lines, e.g. the agency name and "2020年政府信息公开工作年度报告".
    public var title: [String]
    /// Lines between the title and 一、总体情况.
    public var preamble: [String]
    /// 一、总体情况
    public var overview: NarrativeSection
    /// 二、主动公开政府信息情况
    public var proactive: ProactiveSection
    /// 三、收到和处理政府信息公开申请情况
    public var applications: ApplicationsSection
    /// 四、政府信息公开行政复议、行政诉讼情况
    public var appeals: AppealsSection
    /// 五、存在的主要问题及改进情况
    public var problems: NarrativeSection
    /// 六、其他需要报告的事项
    public var otherMatters: NarrativeSection

    /// An empty report (all table cells 0) for `agency` and `year`, in the official format for that year.
    public init(agency: String, year: Int, format: ReportFormat? = nil, variant: RegionalVariant = .national) {
        let format = format ?? ReportFormat.official(forYear: year)
        self.agency = agency
        self.year = year
        self.format = format
        self.variant = variant
        title = [agency, "\(year)年政府信息公开工作年度报告"]
        preamble = []
        overview = NarrativeSection(heading: "一、总体情况")
        proactive = ProactiveSection(format: format, variant: variant)
        applications = ApplicationsSection(table: ApplicationTable(format: format))
        appeals = AppealsSection(table: AppealsTable())
        problems = NarrativeSection(heading: "五、存在的主要问题及改进情况")
        otherMatters = NarrativeSection(heading: "六、其他需要报告的事项")
    }

    /// The narrative sections with their number (1, 5, 6), for checks over prose.
    public var narrativeSections: [(number: Int, section: NarrativeSection)] {
        [(1, overview), (5, problems), (6, otherMatters)]
    }
}

/// A section of prose: its heading line and the lines under it, verbatim.
public struct NarrativeSection: Hashable, Sendable, Codable {
    public var heading: String
    public var text: [String]

    public init(heading: String, text: [String] = []) {
        self.heading = heading
        self.text = text
    }
}

/// 采购总金额 unit: yuan or 万元 (the national format names none; format reference §2.3).
public enum AmountUnit: String, Hashable, Sendable, Codable {
    case yuan
    case tenThousandYuan
}

/// Section II: 主动公开政府信息情况, its text and its table.
public struct ProactiveSection: Hashable, Sendable {
    public var heading: String = "二、主动公开政府信息情况"
    public var textBefore: [String] = []
    public var textAfter: [String] = []
    /// Cells by row, each in the order of `row.columns(in: format)`.
    public var cells: [ProactiveRow: [Cell]]
    /// The unit of 采购总金额 when the report states it (header or cell suffix).
    public var amountUnit: AmountUnit?
    public let format: ReportFormat
    public let variant: RegionalVariant

    public init(format: ReportFormat, variant: RegionalVariant) {
        self.format = format
        self.variant = variant
        cells = Self.zeroCells[ProactiveRow.layoutIndex(format, variant)]
        amountUnit = variant == .beijing && format == .v2019 ? .tenThousandYuan : nil
    }

    /// Every row of each format and variant with its cells 0, built once (at `ProactiveRow.layoutIndex`): a new
    /// section shares them, copied on write, instead of building a dictionary and its arrays for every report.
    private static let zeroCells: [[ProactiveRow: [Cell]]] = ReportFormat.allCases.flatMap { format in
        RegionalVariant.allCases.map { variant in
            Dictionary(
                uniqueKeysWithValues: ProactiveRow.rows(for: format, variant: variant).map {
                    ($0, Array(repeating: Cell(integerLiteral: 0), count: $0.columns(in: format).count))
                })
        }
    }

    public var rows: [ProactiveRow] { ProactiveRow.rows(for: format, variant: variant) }

    public subscript(row: ProactiveRow, column: ProactiveColumn) -> Cell {
        get {
            guard let i = row.columns(in: format).firstIndex(of: column), let r = cells[row] else { return .blank }
            return r[i]
        }
        set {
            guard let i = row.columns(in: format).firstIndex(of: column), cells[row] != nil else {
                preconditionFailure("\(row.rawValue)/\(column.rawValue) is not in the \(format.rawValue) format")
            }
            cells[row]![i] = newValue
        }
    }
}

/// Section III: its heading, any text around the table, and the table.
public struct ApplicationsSection: Hashable, Sendable {
    public var heading: String = "三、收到和处理政府信息公开申请情况"
    public var textBefore: [String] = []
    public var textAfter: [String] = []
    public var table: ApplicationTable

    public init(table: ApplicationTable) { self.table = table }
}

/// Section IV: its heading, any text around the table, and the table.
public struct AppealsSection: Hashable, Sendable {
    public var heading: String = "四、政府信息公开行政复议、行政诉讼情况"
    public var textBefore: [String] = []
    public var textAfter: [String] = []
    public var table: AppealsTable

    public init(table: AppealsTable) { self.table = table }
}
