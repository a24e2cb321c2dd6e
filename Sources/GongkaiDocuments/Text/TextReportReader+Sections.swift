import GongkaiCore

extension TextReportReader {
    typealias Tables = (proactive: AssembledTable?, applications: AssembledTable, appeals: AssembledTable)

    /// Headings and narrative of the six sections; text after the section IV table goes to 五 when its
    /// heading is missing (PDF extraction sometimes loses it).
    static func fillSections(
        _ report: inout AnnualReport, _ doc: TextDocument, _ split: SectionSplit, tables: Tables,
        _ findings: inout ReadFindings
    ) {
        func heading(_ n: Int) -> String? { split.sections[n]?.heading.map { doc.string($0) } }
        func missing(_ n: Int, _ name: String) {
            findings.warn("read.missingHeading", section: n, line: nil, "找不到“\(name)”这一部分的标题")
        }
        if let s1 = split.sections[1] {
            report.overview = NarrativeSection(
                heading: heading(1) ?? report.overview.heading, text: TableAssembler.narrative(doc, s1.body))
        } else {
            missing(1, report.overview.heading)
        }
        if let t2 = tables.proactive {
            report.proactive.heading = heading(2) ?? report.proactive.heading
            report.proactive.textBefore = t2.textBefore
            report.proactive.textAfter = t2.textAfter
        } else {
            missing(2, report.proactive.heading)
        }
        report.applications.heading = heading(3) ?? report.applications.heading
        report.applications.textBefore = tables.applications.textBefore
        report.applications.textAfter = tables.applications.textAfter
        report.appeals.heading = heading(4) ?? report.appeals.heading
        report.appeals.textBefore = tables.appeals.textBefore
        report.appeals.textAfter = tables.appeals.textAfter
        if let s5 = split.sections[5] {
            report.problems = NarrativeSection(
                heading: heading(5) ?? report.problems.heading, text: TableAssembler.narrative(doc, s5.body))
        } else {
            missing(5, report.problems.heading)
            report.problems.text = report.appeals.textAfter
            report.appeals.textAfter = []
        }
        if let s6 = split.sections[6] {
            report.otherMatters = NarrativeSection(
                heading: heading(6) ?? report.otherMatters.heading, text: TableAssembler.narrative(doc, s6.body))
        } else {
            missing(6, report.otherMatters.heading)
        }
    }
}
