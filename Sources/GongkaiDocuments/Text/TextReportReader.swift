import Foundation
import GongkaiCore

/// Reads a 政府信息公开工作年度报告 from plain text, tolerantly (Art. 50; format reference §2–§3, §7).
///
/// Real reports come in many shapes: one table cell per tab-indented line (the seed, and the text writer's
/// output), tab-separated rows, PDF-extracted text with page footers and Markdown tables, and whole web pages
/// on one line with table cells run together without separators. The reader finds the six sections, reads
/// the tables of sections II–IV (splitting run-together digits by the tables' own identities), keeps the
/// narrative verbatim line by line, and reports everything it could not read as findings with line numbers.
/// It never corrects the numbers: a report's arithmetic errors are left for the checker.
///
/// ```swift
/// let result = try TextReportReader.read(text, source: "seed-daxing-yingji-2020.txt")
/// result.report.year                                   // 2020
/// result.report.applications.table[.new, .total]       // 21
/// result.findings.filter { $0.rule == "read.unplaced" } // what could not be placed
/// ```
public enum TextReportReader {
    /// Reads report text. Throws when section 三 or 四 cannot be found or holds no numbers, or a line is
    /// longer than `limits.maxLineBytes`. A cell written as a number past `limits` is an error finding
    /// (`read.unreadableCell`) naming its table, row and column.
    public static func read(
        _ text: String, source: String, limits: InputLimits = .standard
    ) throws(ReportReadError) -> ReadResult {
        try read(TextDocument(text: text, limits: limits), source: source)
    }

    /// Reads report bytes: UTF-8 (a BOM is tolerated), else GB18030/GBK; at most `limits.maxFileBytes`.
    public static func read(
        data: Data, source: String, limits: InputLimits = .standard
    ) throws(ReportReadError) -> ReadResult {
        guard data.count <= limits.maxFileBytes else {
            throw .limitExceeded(
                LimitExceeded(
                    limit: .maxFileBytes, allowed: Int64(limits.maxFileBytes), found: Int64(data.count), place: source))
        }
        return try read(TextDocument(text: TextDecoding.decode(data, source: source), limits: limits), source: source)
    }

    static func read(_ doc: TextDocument, source: String) throws(ReportReadError) -> ReadResult {
        try checkReadable(doc, source: source)
        var findings = ReadFindings()
        let split = SectionSplitter.split(doc)
        guard let s3 = split.sections[3] else { throw .missingSection(file: source, section: "三") }
        guard let s4 = split.sections[4] else { throw .missingSection(file: source, section: "四") }
        for n in split.inferred.sorted() {
            findings.warn(
                "read.missingHeading", section: n, line: split.sections[n]?.body.first?.line,
                "找不到第\(n == 3 ? "三" : "四")部分的标题，按表格位置推定")
        }
        let header = HeaderReader.read(doc, front: split.front)
        if header.year == nil {
            findings.warn("read.unplaced", section: nil, line: split.front.first?.line, "找不到报告年度")
        }
        let t2 = split.sections[2].map { TableAssembler.assemble(doc, body: $0.body, markers: ["第二十条", "信息内容"]) }
        let t3 = TableAssembler.assemble(doc, body: s3.body, markers: ["（本列数据", "(本列数据", "本列数据", "申请人情况", "本年新收"])
        let t4 = TableAssembler.assemble(doc, body: s4.body, markers: ["行政复议", "行政诉讼", "结果维持"], valueLimit: 15)
        let found2 = t2.map { ProactiveTableReader.scan($0, findings: &findings) } ?? ProactiveTableReader.Found()
        let anchored3 = ApplicationTableReader.anchor(t3, findings: &findings)
        scanHeadingVariants(t3, &findings)
        let year = header.year ?? 0
        let format = detectFormat(found2, anchored3.rows, year: year)
        let variant = ProactiveTableReader.variant(found2)
        var report = AnnualReport(agency: header.agency, year: year, format: format, variant: variant)
        report.title = header.title
        report.preamble = header.preamble
        report.applications.table = try ApplicationTableReader.read(
            anchored3, format: format, startLine: t3.startLine, source: source, findings: &findings)
        report.appeals.table = try AppealsTableReader.read(t4, source: source, findings: &findings)
        report.proactive = ProactiveTableReader.read(found2, format: format, variant: variant, findings: &findings)
        fillSections(&report, doc, split, tables: (t2, t3, t4), &findings)
        var unreadable = [(3, t3.store.unreadable), (4, t4.store.unreadable)]
        if let t2 { unreadable.insert((2, t2.store.unreadable), at: 0) }
        return ReadResult(report: report, findings: UnreadableCells.report(unreadable, in: report, findings.items))
    }

    /// 2021 if the tables have its shape (本年制发件数…, the three （六） sub-rows); 2019 if they have only the
    /// 2019 shape; else the official format for the year.
    static func detectFormat(_ found2: ProactiveTableReader.Found, _ rows: [AnchoredRow], year: Int) -> ReportFormat {
        let subRows = rows.contains { if case .otherSub = $0.anchor { return true } else { return false } }
        if subRows || found2.signals.contains(.v2021) { return .v2021 }
        let only2019Rows = found2.rows.contains { [.procurement, .otherServices].contains($0.0) }
        if found2.signals.contains(.v2019) || only2019Rows { return .v2019 }
        return ReportFormat.official(forYear: year)
    }

    private static func scanHeadingVariants(_ t: AssembledTable, _ findings: inout ReadFindings) {
        var seen = Set<Int>()  // one warning per line
        for row in t.rows {
            for l in t.labels(row) {
                guard let v = LabelMatcher.headingVariants.lastMatch(l, in: t.store), seen.insert(l.line).inserted
                else { continue }
                findings.warn(
                    "read.labelVariant", section: 3, line: l.line, "表头用词与格式不一致", expected: v.target,
                    found: t.store.text(l, v.start, v.length))
            }
        }
    }
}
