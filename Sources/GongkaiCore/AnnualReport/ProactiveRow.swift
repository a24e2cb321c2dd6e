/// A data row of report section II, 主动公开政府信息情况 (format reference §2.3, §3.3, §7).
///
/// The raw value is the row's id in the JSON form. Which rows a report has depends on the format and the
/// regional variant (`ProactiveRow.rows(for:variant:)`).
///
/// ```swift
/// ProactiveRow.rows(for: .v2019, variant: .beijing).contains(.inspection) // true
/// ```
public enum ProactiveRow: String, CaseIterable, Hashable, Sendable, Codable {
    /// 规章 — Art. 20 (1)
    case rules
    /// 规范性文件 (2019) / 行政规范性文件 (2021) — Art. 20 (1)
    case normativeDocuments
    /// 其他主动公开文件 — Hubei's extra row under Art. 20 (1)
    case otherDocuments
    /// 行政许可 — Art. 20 (5)
    case licensing
    /// 其他对外管理服务事项 — Art. 20 (5), 2019 format
    case otherServices
    /// 行政检查 — Beijing's row under 其他对外管理服务事项
    case inspection
    /// 行政确认 — Beijing's row under 其他对外管理服务事项
    case confirmation
    /// 行政处罚 — Art. 20 (6)
    case penalty
    /// 行政强制 — Art. 20 (6)
    case enforcement
    /// 行政事业性收费 — Art. 20 (8)
    case fees
    /// 政府集中采购 — Art. 20 (9), 2019 format only
    case procurement

    /// Hashes the case itself: the standard library's default for a `String` raw-value enum hashes the string,
    /// and section II's cells are looked up by row many times per report.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .rules: hasher.combine(0)
        case .normativeDocuments: hasher.combine(1)
        case .otherDocuments: hasher.combine(2)
        case .licensing: hasher.combine(3)
        case .otherServices: hasher.combine(4)
        case .inspection: hasher.combine(5)
        case .confirmation: hasher.combine(6)
        case .penalty: hasher.combine(7)
        case .enforcement: hasher.combine(8)
        case .fees: hasher.combine(9)
        case .procurement: hasher.combine(10)
        }
    }

    /// The rows of section II in order for a format and variant (built once for each pair).
    public static func rows(for format: ReportFormat, variant: RegionalVariant) -> [ProactiveRow] {
        rowsByLayout[layoutIndex(format, variant)]
    }

    /// `rows(for:variant:)` of every format and variant, at `layoutIndex(_:_:)`.
    private static let rowsByLayout: [[ProactiveRow]] = ReportFormat.allCases.flatMap { format in
        RegionalVariant.allCases.map { makeRows(for: format, variant: $0) }
    }

    /// Where a format and variant pair stands in the tables built once per pair: formats in `ReportFormat`
    /// order, within each the variants in `RegionalVariant` order.
    static func layoutIndex(_ format: ReportFormat, _ variant: RegionalVariant) -> Int {
        let f = format == .v2019 ? 0 : 1
        let v: Int
        switch variant {
        case .national: v = 0
        case .beijing: v = 1
        case .hubei: v = 2
        }
        return f * RegionalVariant.allCases.count + v
    }

    private static func makeRows(for format: ReportFormat, variant: RegionalVariant) -> [ProactiveRow] {
        switch format {
        case .v2019:
            var rows: [ProactiveRow] = [.rules, .normativeDocuments]
            if variant == .hubei { rows.append(.otherDocuments) }
            rows.append(.licensing)
            rows += variant == .beijing ? [.inspection, .confirmation] : [.otherServices]
            return rows + [.penalty, .enforcement, .fees, .procurement]
        case .v2021:
            var rows: [ProactiveRow] = [.rules, .normativeDocuments]
            if variant == .hubei { rows.append(.otherDocuments) }
            return rows + [.licensing, .penalty, .enforcement, .fees]
        }
    }

    /// 第二十条第（X）项 — the block heading the row stands under, e.g. "（五）".
    public var article20Item: String { article20.numeral }

    /// The item of Art. 20 the row reports on.
    public var article20: Article20Item {
        switch self {
        case .rules, .normativeDocuments, .otherDocuments: return .regulationsAndNormativeDocuments
        case .licensing, .otherServices, .inspection, .confirmation: return .licensingAndServices
        case .penalty, .enforcement: return .penaltiesAndEnforcement
        case .fees: return .fees
        case .procurement: return .procurement
        }
    }

    /// The row label as the format writes it.
    public func label(in format: ReportFormat) -> String {
        switch self {
        case .rules: return "规章"
        case .normativeDocuments: return format == .v2019 ? "规范性文件" : "行政规范性文件"
        case .otherDocuments: return "其他主动公开文件"
        case .licensing: return "行政许可"
        case .otherServices: return "其他对外管理服务事项"
        case .inspection: return "行政检查"
        case .confirmation: return "行政确认"
        case .penalty: return "行政处罚"
        case .enforcement: return "行政强制"
        case .fees: return "行政事业性收费"
        case .procurement: return "政府集中采购"
        }
    }

    /// True for rows that are regional additions and take part in no national identity.
    public var isRegionalExtension: Bool { [.otherDocuments, .inspection, .confirmation].contains(self) }

    /// The data columns of the row.
    public func columns(in format: ReportFormat) -> [ProactiveColumn] {
        switch (format, self) {
        case (.v2019, .rules), (.v2019, .normativeDocuments), (.v2019, .otherDocuments):
            return [.newlyMade, .newlyPublished, .publishedTotal]
        case (.v2019, .fees): return [.previousYearItems, .itemChange]
        case (.v2019, .procurement): return [.procurementProjects, .procurementAmount]
        case (.v2019, _): return [.previousYearItems, .itemChange, .decisions]
        case (.v2021, .rules), (.v2021, .normativeDocuments), (.v2021, .otherDocuments):
            return [.issued, .abolished, .inForce]
        case (.v2021, .fees): return [.feeAmount]
        case (.v2021, _): return [.decisionsThisYear]
        }
    }
}

/// A data column of section II.
public enum ProactiveColumn: String, CaseIterable, Hashable, Sendable, Codable {
    /// 本年新制作数量 (2019)
    case newlyMade
    /// 本年新公开数量 (2019)
    case newlyPublished
    /// 对外公开总数量 (2019)
    case publishedTotal
    /// 上一年项目数量 (2019)
    case previousYearItems
    /// 本年增/减 (2019) — may be negative
    case itemChange
    /// 处理决定数量 (2019)
    case decisions
    /// 采购项目数量 (2019)
    case procurementProjects
    /// 采购总金额 (2019) — an amount, yuan or 万元
    case procurementAmount
    /// 本年制发件数 (2021)
    case issued
    /// 本年废止件数 (2021)
    case abolished
    /// 现行有效件数 (2021)
    case inForce
    /// 本年处理决定数量 (2021)
    case decisionsThisYear
    /// 本年收费金额（单位：万元） (2021) — an amount
    case feeAmount

    public var label: String {
        switch self {
        case .newlyMade: return "本年新制作数量"
        case .newlyPublished: return "本年新公开数量"
        case .publishedTotal: return "对外公开总数量"
        case .previousYearItems: return "上一年项目数量"
        case .itemChange: return "本年增/减"
        case .decisions: return "处理决定数量"
        case .procurementProjects: return "采购项目数量"
        case .procurementAmount: return "采购总金额"
        case .issued: return "本年制发件数"
        case .abolished: return "本年废止件数"
        case .inForce: return "现行有效件数"
        case .decisionsThisYear: return "本年处理决定数量"
        case .feeAmount: return "本年收费金额（单位：万元）"
        }
    }

    /// Amount columns may hold decimals; all others hold integers.
    public var isAmount: Bool { self == .procurementAmount || self == .feeAmount }
    /// Only 本年增/减 may be negative.
    public var allowsNegative: Bool { self == .itemChange }
}
