/// Sentences for 一、总体情况 written from a report's tables — a start the officer edits, never a figure typed
/// twice. Each figure is worded so that the checker's prose rules (format reference §6.1 rule 18) read it back:
/// a report whose overview holds these sentences has no prose finding.
///
/// ```swift
/// ReportSentences.overview(report).first // "本年度共收到政府信息公开申请21件，上年结转0件，…"
/// ```
public enum ReportSentences {
    /// One line on section 二, one on section 三 and its outcomes, one on section 四.
    public static func overview(_ report: AnnualReport) -> [String] {
        [proactive(report.proactive), applications(report.applications.table), appeals(report.appeals.table)]
            .compactMap { $0 }
    }

    static func proactive(_ s: ProactiveSection) -> String? {
        func count(_ row: ProactiveRow, first: Bool) -> Int? {
            guard let cells = s.cells[row], let cell = first ? cells.first : cells.last else { return nil }
            return cell.count ?? 0
        }
        var parts: [String] = []
        if let n = count(.normativeDocuments, first: true) { parts.append("制发规范性文件\(n)件") }
        let decisions = [(ProactiveRow.licensing, "行政许可"), (.penalty, "行政处罚"), (.enforcement, "行政强制")]
            .compactMap { row, name in count(row, first: false).map { "\(name)决定\($0)件" } }
        if !decisions.isEmpty { parts.append("作出" + decisions.joined(separator: "、")) }
        return parts.isEmpty ? nil : "本年度" + parts.joined(separator: "，") + "，均已按规定主动公开。"
    }

    static func applications(_ t: ApplicationTable) -> String {
        var s = "本年度共收到政府信息公开申请\(t.total(.new))件，上年结转\(t.total(.carriedOver))件，"
            + "本年度办结\(t.total(.total))件，结转下年度继续办理\(t.total(.carriedForward))件"
        let outcomes = t.outcomeTotals.filter { $0.count > 0 }
        if !outcomes.isEmpty { s += "。其中" + outcomes.map { "\($0.label)\($0.count)件" }.joined(separator: "，") }
        return s + "。"
    }

    static func appeals(_ a: AppealsTable) -> String {
        let reconsideration = a[.reconsideration, .total].countOrZero
        let litigation = a[.litigationDirect, .total].countOrZero + a[.litigationAfterReconsideration, .total].countOrZero
        if reconsideration == 0 && litigation == 0 { return "本年度无行政复议、行政诉讼案件。" }
        return "本年度因政府信息公开工作被申请行政复议\(reconsideration)件，被提起行政诉讼\(litigation)件。"
    }
}
