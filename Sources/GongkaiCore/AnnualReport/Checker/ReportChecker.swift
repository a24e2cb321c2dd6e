/// 年度报告校验 — checks one annual report against the identities of its format (format reference §6.1),
/// and two consecutive reports of one agency against each other (§6.2).
///
/// Every finding carries a stable rule id (`ReportRule`), a severity (strict identities are errors, the rest
/// warnings) and a Chinese message naming section, row, column, the expected and the found value.
///
/// ```swift
/// let findings = ReportChecker().check(report)
/// findings.filter { $0.severity == .error }.isEmpty // the tables add up
/// ```
public struct ReportChecker: Sendable {
    /// Whether numbers quoted in the prose are compared with the tables (warnings, §6.1 rule 18).
    public var checksProse: Bool

    public init(checksProse: Bool = true) {
        self.checksProse = checksProse
    }

    /// All findings for one report, errors first, in table order.
    public func check(_ report: AnnualReport) -> [Finding] {
        var out = FindingList()
        if report.format != ReportFormat.official(forYear: report.year) {
            out.append(
                Finding(
                    rule: ReportRule.formatYear.id, severity: .warning, location: ReportLocation(),
                    message: "\(report.year)年度报告应使用\(ReportFormat.official(forYear: report.year).rawValue)版格式，"
                        + "实际为\(report.format.rawValue)版",
                    expected: ReportFormat.official(forYear: report.year).rawValue, found: report.format.rawValue))
        }
        ApplicationTableRules.check(report.applications.table, into: &out)
        AppealsTableRules.check(report.appeals.table, into: &out)
        ProactiveTableRules.check(report.proactive, into: &out)
        if checksProse { ProseRules.check(report, into: &out) }
        return out.ordered()
    }

    /// Findings for a pair of reports of one agency in consecutive years (§6.2). `previous` is year Y−1.
    public func check(previous: AnnualReport, current: AnnualReport) -> [Finding] {
        CrossYearRules.check(previous: previous, current: current)
    }
}

/// The stable ids of every check, with their severity. The id is part of the public interface: tools filter on it.
///
/// ```swift
/// ReportRule.balance.id // "III.balance"
/// ```
public enum ReportRule: String, CaseIterable, Sendable {
    // Section III (§6.1 rules 1–6)
    case balance = "III.balance"
    case outcomeSum = "III.outcomeSum"
    case rowTotal = "III.rowTotal"
    case countCell = "III.nonNegativeInteger"
    case bound = "III.bound"
    case blankCell = "blankCell"
    case blankTotal = "blankTotal"
    case sumOverflow = "sumOverflow"
    case formatYear = "formatYear"
    // Section IV (§6.1 rules 8–11)
    case reconsiderationTotal = "IV.reconsiderationTotal"
    case directLitigationTotal = "IV.litigationDirectTotal"
    case afterReconsiderationTotal = "IV.litigationAfterReconsiderationTotal"
    case appealsCell = "IV.nonNegativeInteger"
    // Section II (§6.1 rules 12–17)
    case proactiveCell = "II.validNumber"
    case publishedTotal = "II.publishedTotal"
    case itemsNonNegative = "II.itemsNonNegative"
    case amountUnit = "II.amountUnit"
    // Prose (§6.1 rule 18)
    case proseApplications = "prose.applications"
    case proseAnswered = "prose.answered"
    case proseCarried = "prose.carried"
    case proseAppeals = "prose.appeals"
    case proseOutcomes = "prose.outcomes"
    case proseProactive = "prose.proactive"
    // Two years (§6.2 rules 21–25)
    case crossPair = "cross.pair"
    case crossCarryOver = "cross.carryOver"
    case crossCarryOverColumn = "cross.carryOverColumn"
    case crossInForce = "cross.inForce"
    case crossAbolished = "cross.abolishedBound"
    case crossItems = "cross.items"
    case crossPublishedTotal = "cross.publishedTotal"
    case crossPendingAppeals = "cross.pendingAppeals"

    public var id: String { rawValue }

    public var severity: Severity {
        switch self {
        case .balance, .outcomeSum, .rowTotal, .countCell, .bound, .reconsiderationTotal, .directLitigationTotal,
            .afterReconsiderationTotal, .appealsCell, .proactiveCell, .crossPair, .crossCarryOver, .sumOverflow:
            return .error
        default:
            return .warning
        }
    }

    /// Where the rule comes from: the section of `annual-report-format.md`.
    public var reference: String {
        switch self {
        case .balance: return "§6.1-1 格式注释：一＋二＝三（七）＋四"
        case .outcomeSum: return "§6.1-2 （七）总计＝各结果之和"
        case .rowTotal: return "§6.1-3 总计列＝六类申请人之和"
        case .countCell: return "§6.1-4 单元格为非负整数"
        case .bound: return "§6.1-5 四、（七）不超过一＋二"
        case .blankCell: return "§6.1-6 空白单元格按 0 计"
        case .blankTotal: return "§6.1-6 合计单元格空白：按勾稽关系应填的数"
        case .sumOverflow: return "§6.1-4 合计超出可计算范围（InputLimits.maxCellValue）"
        case .formatYear: return "§6.1-7 年度与格式版本"
        case .reconsiderationTotal: return "§6.1-8 行政复议总计"
        case .directLitigationTotal: return "§6.1-9 未经复议直接起诉总计"
        case .afterReconsiderationTotal: return "§6.1-10 复议后起诉总计"
        case .appealsCell: return "§6.1-11 第四部分为非负整数"
        case .proactiveCell: return "§6.1-12/14 第二部分数值"
        case .publishedTotal: return "§6.1-15 对外公开总数量≥本年新公开数量"
        case .itemsNonNegative: return "§6.1-16 上一年项目数量＋本年增/减≥0"
        case .amountUnit: return "§6.1-17 采购总金额单位"
        case .proseApplications, .proseAnswered, .proseCarried, .proseAppeals, .proseOutcomes, .proseProactive:
            return "§6.1-18 正文与表格一致"
        case .crossPair: return "§6.2 同一机关相邻两年"
        case .crossCarryOver, .crossCarryOverColumn: return "§6.2-21 上年结转＝上年度结转下年度"
        case .crossInForce: return "§6.2-22 现行有效件数"
        case .crossAbolished: return "§6.1-13 本年废止件数"
        case .crossItems: return "§6.2-23 上一年项目数量"
        case .crossPublishedTotal: return "§6.2-24 对外公开总数量"
        case .crossPendingAppeals: return "§6.2-25 尚未审结案件"
        }
    }

    func finding(
        _ location: ReportLocation, _ message: String, expected: String? = nil, found: String? = nil
    ) -> Finding {
        Finding(rule: id, severity: severity, location: location, message: message, expected: expected, found: found)
    }
}
