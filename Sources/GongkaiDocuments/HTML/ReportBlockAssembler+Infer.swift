import Foundation
import GongkaiCore

extension ReportBlockAssembler {
    /// Agency, year, format, variant and amount unit guessed from the title and section II's table,
    /// for files that do not carry our metadata; each guess that falls back is reported.
    mutating func infer(title: [String], preamble: [String], proactive: [TableGrid]) -> ReportMetadata {
        let text = (title + preamble.prefix(3)).joined(separator: "\n")
        var year = 0
        var agency = title.first ?? ""
        if let match = text.range(of: #"(19|20)\d{2}\s*年"#, options: .regularExpression) {
            year = Int(text[match].prefix(4)) ?? 0
            let line = title.first { $0.range(of: #"(19|20)\d{2}\s*年"#, options: .regularExpression) != nil } ?? ""
            if let r = line.range(of: #"(19|20)\d{2}\s*年"#, options: .regularExpression) {
                let before = line[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
                if !before.isEmpty {
                    agency = before
                } else if title.count > 1, title.first == line {
                    agency = String(line[r.upperBound...]).components(separatedBy: "政府信息公开").first ?? line
                } else if title.first == line {
                    agency = String(line[r.upperBound...]).components(separatedBy: "政府信息公开").first ?? line
                }
            }
        } else {
            findings.append(Finding(rule: "read.noYear", severity: .warning, location: ReportLocation(),
                                    message: "\(source)：标题中找不到报告年度"))
        }
        let keys = proactive.flatMap { $0.rows.flatMap { $0.map { ReportLabel.key($0.text) } } }
        let format: ReportFormat
        if keys.contains(where: { $0.contains("本年制发件数") || $0.contains("本年处理决定数量") }) {
            format = .v2021
        } else if keys.contains(where: { $0.contains("本年新制作数量") || $0.contains("上一年项目数量") }) {
            format = .v2019
        } else {
            format = ReportFormat.official(forYear: year)
        }
        if year > 0, format != ReportFormat.official(forYear: year) {
            findings.append(Finding(rule: "read.formatYear", severity: .warning, location: ReportLocation(section: 2),
                                    message: "\(source)：\(year)年度报告使用了\(format.rawValue)版格式"))
        }
        var variant = RegionalVariant.national
        if keys.contains("行政检查") || keys.contains("行政确认") { variant = .beijing }
        if keys.contains("其他主动公开文件") { variant = .hubei }
        var unit: AmountUnit?
        if let header = keys.first(where: { $0.hasPrefix("采购总金额") }) {
            unit = header.contains("万元") ? .tenThousandYuan : header.contains("元") ? .yuan : nil
        }
        return ReportMetadata(agency: agency, year: year, format: format, variant: variant, amountUnit: unit)
    }
}
