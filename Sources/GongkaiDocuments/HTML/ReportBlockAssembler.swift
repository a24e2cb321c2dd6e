import Foundation
import GongkaiCore

/// Builds a report from the blocks an HTML or DOCX reader found: title, preamble, the six sections
/// (by their headings), and the tables mapped by label.
///
/// Our own files carry `ReportMetadata` and mark titles and headings; other files are read by the
/// headings' wording ("二、主动公开…") and the tables' labels, and what is guessed is reported.
struct ReportBlockAssembler {
    var source: String
    var metadata: ReportMetadata?
    var limits: InputLimits
    var findings: [Finding] = []

    init(source: String, metadata: ReportMetadata?, limits: InputLimits = .standard) {
        self.source = source
        self.metadata = metadata
        self.limits = limits
    }

    static let sectionKeywords: [[String]] = [
        ["总体情况"], ["主动公开"], ["收到和处理", "依申请"], ["复议", "诉讼"], ["问题", "改进"], ["其他需要报告", "其他事项", "其他"],
    ]
    static let numerals = ["一", "二", "三", "四", "五", "六"]

    /// The section (1–6) whose heading `line` reads as ("三、收到和处理政府信息公开申请情况"), or nil.
    static func headingSection(_ line: String) -> Int? {
        // Every heading has "、" after its numeral, and normalising never makes one, so most lines stop here
        // without building their key.
        guard line.unicodeScalars.contains("、") else { return nil }
        let key = ReportLabel.key(line)
        guard key.count <= 60 else { return nil }
        return (1...6).first { headingMatches(key, section: $0) }
    }

    private static func headingMatches(_ key: String, section number: Int) -> Bool {
        guard let range = key.range(of: "\(numerals[number - 1])、"),
            key.distance(from: key.startIndex, to: range.lowerBound) <= 24
        else { return false }
        let prefix = key[..<range.lowerBound]
        if prefix.contains(where: { "一二三四五六七八九十".contains($0) }) { return false }
        let rest = key[range.upperBound...]
        return sectionKeywords[number - 1].contains { rest.hasPrefix($0) || rest.prefix(16).contains($0) }
    }

    /// The six headings' indices (nil where a section was not found), searched in order, given each line's
    /// `headingSection` (nil for a line that is no heading).
    static func headingIndices(sections: [Int?]) -> [Int?] {
        var result: [Int?] = Array(repeating: nil, count: 6)
        var from = 0
        for n in 1...6 {
            if let hit = sections[from...].indices.first(where: { sections[$0] == n }) {
                result[n - 1] = hit
                from = hit + 1
            }
        }
        return result
    }

    /// Indices of the six section headings in `blocks` (nil where a section was not found).
    func headingIndices(_ blocks: [ReportBlock]) -> [Int?] {
        let marked = blocks.indices.filter { if case .line(_, .heading(let n)) = blocks[$0], n != nil { return true } else { return false } }
        if marked.count == 6 { return marked.map { Optional($0) } }
        return Self.headingIndices(
            sections: blocks.map { if case .line(let text, _) = $0 { return Self.headingSection(text) } else { return nil } })
    }

    mutating func assemble(_ blocks: [ReportBlock]) throws -> ReadResult {
        let headings = headingIndices(blocks)
        for n in [3, 4] where headings[n - 1] == nil {
            throw ReportReadError.missingSection(file: source, section: Self.numerals[n - 1])
        }
        let firstHeading = headings.compactMap { $0 }.min() ?? blocks.count
        let (title, preamble) = splitTitle(Array(blocks[..<firstHeading]))
        let ends = headings.enumerated().map { i, start -> Range<Int>? in
            guard let start else { return nil }
            let next = headings[(i + 1)...].compactMap { $0 }.first ?? blocks.count
            return (start + 1)..<next
        }
        func content(_ n: Int) -> ArraySlice<ReportBlock> { ends[n - 1].map { blocks[$0] } ?? [] }
        func heading(_ n: Int) -> String? {
            guard let i = headings[n - 1], case .line(let text, _) = blocks[i] else { return nil }
            return text
        }
        let proactiveGrids = Self.grids(content(2))
        let meta = metadata ?? infer(title: title, preamble: preamble, proactive: proactiveGrids)
        var report = AnnualReport(agency: meta.agency, year: meta.year, format: meta.format, variant: meta.variant)
        report.title = title
        report.preamble = preamble
        if metadata != nil || meta.amountUnit != nil { report.proactive.amountUnit = meta.amountUnit }
        fillNarrative(&report.overview, heading(1), content(1), section: 1)
        fillNarrative(&report.problems, heading(5), content(5), section: 5)
        fillNarrative(&report.otherMatters, heading(6), content(6), section: 6)
        var mapper = ReportTableMapper(source: source, limits: limits)
        report.proactive.heading = heading(2) ?? report.proactive.heading
        (report.proactive.textBefore, report.proactive.textAfter) = Self.textAround(content(2))
        mapper.fillProactive(&report.proactive, from: proactiveGrids)
        report.applications.heading = heading(3) ?? report.applications.heading
        (report.applications.textBefore, report.applications.textAfter) = Self.textAround(content(3))
        mapper.fillApplications(&report.applications.table, from: Self.grids(content(3)))
        report.appeals.heading = heading(4) ?? report.appeals.heading
        (report.appeals.textBefore, report.appeals.textAfter) = Self.textAround(content(4))
        mapper.fillAppeals(&report.appeals.table, from: Self.grids(content(4)))
        return ReadResult(
            report: report, findings: UnreadableCells.report(mapper.unreadable, in: report, findings + mapper.findings))
    }

    static func grids(_ blocks: ArraySlice<ReportBlock>) -> [TableGrid] {
        blocks.compactMap { if case .table(let g) = $0 { return g } else { return nil } }
    }

    static func lines(_ blocks: some Collection<ReportBlock>) -> [String] {
        blocks.compactMap { if case .line(let t, _) = $0 { return t } else { return nil } }
    }

    /// Lines before the first table and lines after it (lines between tables go after).
    static func textAround(_ blocks: ArraySlice<ReportBlock>) -> ([String], [String]) {
        guard let first = blocks.firstIndex(where: { if case .table = $0 { return true } else { return false } }) else {
            return (lines(blocks), [])
        }
        return (lines(blocks[..<first]), lines(blocks[first...]))
    }

    private mutating func fillNarrative(_ section: inout NarrativeSection, _ heading: String?, _ blocks: ArraySlice<ReportBlock>, section n: Int) {
        guard let heading else {
            findings.append(Finding(rule: "read.missingSection", severity: .warning, location: ReportLocation(section: n),
                                    message: "\(source)：找不到第\(Self.numerals[n - 1])部分的标题"))
            return
        }
        section.heading = heading
        section.text = Self.lines(blocks)
        if blocks.contains(where: { if case .table = $0 { return true } else { return false } }) {
            findings.append(Finding(rule: "read.extraTable", severity: .warning, location: ReportLocation(section: n),
                                    message: "\(source)：第\(Self.numerals[n - 1])部分中的表格未读取"))
        }
    }

    /// A line that names the report: "…年度报告" or "…年报", not a sentence.
    static func looksLikeTitle(_ line: String) -> Bool {
        (line.contains("年度报告") || line.contains("年报")) && line.count <= 60 && !line.hasSuffix("。")
    }

    /// Title lines (marked, or the first lines up to the one naming the report) and the preamble after them.
    func splitTitle(_ blocks: [ReportBlock]) -> ([String], [String]) {
        var title: [String] = []
        var rest: [String] = []
        for block in blocks {
            guard case .line(let text, let role) = block else { continue }
            if role == .title { title.append(text) } else { rest.append(text) }
        }
        if !title.isEmpty || metadata != nil { return (title, rest) }
        let end = rest.prefix(3).firstIndex(where: Self.looksLikeTitle) ?? 0
        guard !rest.isEmpty else { return ([], []) }
        return (Array(rest[...end]), Array(rest[(end + 1)...]))
    }
}
