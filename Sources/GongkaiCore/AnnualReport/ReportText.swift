/// 年度报告的文字 — everything of a report but its three tables: the title, the preamble, sections 一, 五 and 六,
/// the heading and the text around the tables of 二–四, and section 二's amount unit. A report being drafted keeps
/// only this; its tables always come from the agency's registers (`applied(to:)`), so they are never typed.
///
/// ```swift
/// let text = ReportText(of: seed)                 // the seed's words
/// let report = text.applied(to: fromRegisters)    // the seed's words around the registers' tables
/// ```
public struct ReportText: Hashable, Sendable, Codable {
    /// The heading and the lines before and after one of the tables of sections 二–四.
    public struct AroundTable: Hashable, Sendable, Codable {
        public var heading: String
        public var textBefore: [String]
        public var textAfter: [String]
    }

    public var title: [String]
    public var preamble: [String]
    public var overview: NarrativeSection
    public var proactive: AroundTable
    public var applications: AroundTable
    public var appeals: AroundTable
    public var problems: NarrativeSection
    public var otherMatters: NarrativeSection
    /// Section 二's unit of amounts as the text states it; nil: the registers' unit.
    public var amountUnit: AmountUnit?

    /// The words of `report`.
    public init(of report: AnnualReport) {
        title = report.title
        preamble = report.preamble
        overview = report.overview
        proactive = AroundTable(
            heading: report.proactive.heading, textBefore: report.proactive.textBefore, textAfter: report.proactive.textAfter)
        applications = AroundTable(
            heading: report.applications.heading, textBefore: report.applications.textBefore,
            textAfter: report.applications.textAfter)
        appeals = AroundTable(
            heading: report.appeals.heading, textBefore: report.appeals.textBefore, textAfter: report.appeals.textAfter)
        problems = report.problems
        otherMatters = report.otherMatters
        amountUnit = report.proactive.amountUnit
    }

    /// `tables` (its agency, year, format and the three tables) with these words.
    public func applied(to tables: AnnualReport) -> AnnualReport {
        var r = tables
        (r.title, r.preamble, r.overview, r.problems, r.otherMatters) = (title, preamble, overview, problems, otherMatters)
        (r.proactive.heading, r.proactive.textBefore, r.proactive.textAfter) =
            (proactive.heading, proactive.textBefore, proactive.textAfter)
        (r.applications.heading, r.applications.textBefore, r.applications.textAfter) =
            (applications.heading, applications.textBefore, applications.textAfter)
        (r.appeals.heading, r.appeals.textBefore, r.appeals.textAfter) = (appeals.heading, appeals.textBefore, appeals.textAfter)
        r.proactive.amountUnit = amountUnit ?? tables.proactive.amountUnit
        return r
    }
}
