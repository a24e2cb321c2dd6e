import GongkaiCore

/// Draws a report's 图解 as SVG: applications received and carried over, outcomes by category,
/// applicants by kind, reconsideration and litigation, and year over year when a previous report is given.
///
/// Labels are Chinese text, values are printed next to every bar, bars are told apart by grey shade and
/// hatching (legible in grey scale), and `<title>`/`<desc>` give screen readers the whole summary in words.
///
/// ```swift
/// let svg = SVGSummaryWriter.render(report2021, compare: report2020)
/// ```
public enum SVGSummaryWriter {
    static let width = 800
    static let labelWidth = 230
    static let barWidth = 430

    /// The SVG document.
    public static func render(_ report: AnnualReport, compare previous: AnnualReport? = nil) -> String {
        let facts = SVGSummaryFacts(report)
        var canvas = SVGCanvas()
        canvas.text("\(report.agency)\(report.year)年政府信息公开工作年度报告 图解", x: width / 2, y: 36, size: 22, anchor: "middle", bold: true)
        canvas.y = 60
        canvas.heading("一、收到和处理政府信息公开申请")
        canvas.figures([
            ("本年新收申请", facts.new), ("上年结转申请", facts.carriedOver), ("本年办理完毕", facts.handled),
            ("结转下年度办理", facts.carriedForward),
        ])
        canvas.heading("二、办理结果（件）")
        canvas.bars(facts.outcomes)
        canvas.heading("三、申请人情况（本年新收，件）")
        canvas.bars(facts.applicants)
        canvas.heading("四、行政复议、行政诉讼（件）")
        canvas.stacked(facts.appeals, parts: AppealsResult.allCases.dropLast().map(\.label))
        var description = facts.description
        if let previous {
            let before = SVGSummaryFacts(previous)
            canvas.heading("五、与\(previous.year)年对比（件）")
            canvas.pairs(
                [("新收申请", before.new, facts.new), ("办理完毕", before.handled, facts.handled),
                 ("行政复议", before.appealTotals[0], facts.appealTotals[0]),
                 ("行政诉讼", SVGNumbers.sum(before.appealTotals[1...]), SVGNumbers.sum(facts.appealTotals[1...]))],
                years: (previous.year, report.year))
            description += "与\(previous.year)年相比：新收申请由\(before.new)件变为\(facts.new)件，办理完毕由\(before.handled)件变为\(facts.handled)件。"
        }
        let height = canvas.y + 20
        let title = "\(report.agency)\(report.year)年政府信息公开工作年度报告图解"
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" xml:lang="zh-CN" lang="zh-CN" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="gk-title gk-desc">
            <title id="gk-title">\(MarkupEscaping.escape(title))</title>
            <desc id="gk-desc">\(MarkupEscaping.escape(description))</desc>
            <defs>
            <pattern id="gk-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
            <rect width="8" height="8" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="8" stroke="#444444" stroke-width="3"/></pattern>
            <pattern id="gk-dots" width="6" height="6" patternUnits="userSpaceOnUse">\
            <rect width="6" height="6" fill="#dddddd"/><circle cx="3" cy="3" r="1.5" fill="#222222"/></pattern>
            </defs>
            <rect width="100%" height="100%" fill="#ffffff"/>
            <g font-family="Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, SimHei, sans-serif" fill="#111111">
            \(canvas.body)</g>
            </svg>

            """
    }
}

/// The numbers a 图解 shows, taken from the report's tables (blank cells count as 0).
struct SVGSummaryFacts {
    var new: Int
    var carriedOver: Int
    var handled: Int
    var carriedForward: Int
    var outcomes: [(String, Int)]
    var applicants: [(String, Int)]
    var appeals: [(String, [Int])]
    var appealTotals: [Int]

    init(_ report: AnnualReport) {
        let t = report.applications.table
        new = t.total(.new)
        carriedOver = t.total(.carriedOver)
        handled = t.total(.total)
        carriedForward = t.total(.carriedForward)
        outcomes = t.outcomeTotals.map { ($0.label, $0.count) }
        applicants = ApplicantColumn.applicantKinds.map { c in
            (c == .otherOrganization ? "其他组织" : c.label, t[.new, c].countOrZero)
        }
        let a = report.appeals.table
        let groups = AppealsGroup.allCases.map { g in
            (g == .reconsideration ? "行政复议" : "行政诉讼·" + g.label, AppealsResult.allCases.dropLast().map { a[g, $0].countOrZero })
        }
        appeals = groups
        appealTotals = AppealsGroup.allCases.map { g in a[g, .total].count ?? SVGNumbers.sum(groups[g.rawValue].1) }
    }

    /// The whole summary in words, for `<desc>`.
    var description: String {
        var s = "本年新收政府信息公开申请\(new)件，上年结转\(carriedOver)件，本年办理完毕\(handled)件，结转下年度继续办理\(carriedForward)件。"
        s += "办理结果：" + outcomes.map { "\($0.0)\($0.1)件" }.joined(separator: "，") + "。"
        s += "申请人：" + applicants.map { "\($0.0)\($0.1)件" }.joined(separator: "，") + "。"
        for (i, (label, values)) in appeals.enumerated() {
            let parts = zip(AppealsResult.allCases, values).map { "\($0.0.label)\($0.1)件" }.joined(separator: "，")
            s += "\(label)共\(appealTotals[i])件：\(parts)。"
        }
        return s
    }
}

/// Arithmetic for drawing that cannot trap, whatever a report holds (a report built in code, or read before
/// the cell limits existed, may hold any 64-bit count): sums saturate, bar widths are scaled in floating point.
enum SVGNumbers {
    /// The sum, held at `Int.max`/`Int.min` rather than overflowing.
    static func sum<S: Sequence<Int>>(_ values: S) -> Int {
        values.reduce(0) { total, v in
            let (s, overflow) = total.addingReportingOverflow(v)
            return overflow ? (v > 0 ? .max : .min) : s
        }
    }

    /// The width of a bar for `value` when `top` fills `full`: 0 for nothing, at least 2 for something.
    static func width(_ value: Int, of top: Int, full: Int) -> Int {
        guard value > 0, top > 0 else { return 0 }
        return max(2, min(full, Int((Double(value) / Double(top) * Double(full)).rounded(.down))))
    }
}
