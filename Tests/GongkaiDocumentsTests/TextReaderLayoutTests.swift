import Foundation
import GongkaiCore
import GongkaiTestSupport
import Testing

@testable import GongkaiDocuments

/// Issue 10, "wrong answers on real layouts": generated reports written as text, then altered the way real
/// published reports are (blank totals, PDF text with labels split around other labels and numbers on lines of
/// their own, prose that contradicts the table), read back and checked as `gongkai check` does.
@Suite("Text reader — real layouts, generated")
struct TextReaderLayoutTests {
    static func generated(seed: UInt64, year: Int? = nil) -> AnnualReport {
        var rng = SplitMix64(seed: seed)
        return ReportGenerator.validReport(year: year, using: &rng)
    }

    /// Reads `text` and checks it the way `gongkai check` does: the reader's findings, then the checker's.
    static func readAndCheck(_ text: String) throws -> (ReadResult, [Finding]) {
        let read = try TextReportReader.read(text, source: "generated.txt")
        return (read, read.findings + ReportChecker().check(read.report, read: read.findings))
    }

    // MARK: blank totals

    @Test("a report with blank outcome totals reads as blanks to fill, not as wrong totals", arguments: 0..<12)
    func blankTotals(seed: Int) throws {
        var r = Self.generated(seed: UInt64(seed) + 500)
        let valid = r.applications.table
        for row in ApplicationRow.outcomeRows(for: r.format) { r.applications.table[row, .total] = .blank }
        for col in ApplicantColumn.allCases { r.applications.table[.total, col] = .blank }
        let (read, findings) = try Self.readAndCheck(TextReportWriter.render(r))
        #expect(read.report.applications.table == r.applications.table)
        #expect(findings.filter { $0.severity == .error } == [])
        let busiest = ApplicationRow.outcomeRows(for: r.format).max { valid[$0, .total].countOrZero < valid[$1, .total].countOrZero }!
        if valid[busiest, .total].countOrZero > 0 {
            #expect(findings.contains {
                $0.rule == "blankTotal" && $0.location.row == busiest.displayName
                    && $0.expected == "\(valid[busiest, .total].countOrZero)"
            })
        }
    }

    @Test("the reader's alignment test does not take blank totals for a misaligned table")
    func blankTotalsAreNotMisalignment() {
        var t = Self.generated(seed: 31, year: 2023).applications.table
        #expect(ApplicationTableReader.identitiesHold(t))
        for col in ApplicantColumn.allCases { t[.total, col] = .blank }
        #expect(ApplicationTableReader.identitiesHold(t))
        t[.new, .naturalPerson] = .count(t[.new, .naturalPerson].countOrZero + 1)
        t[.total, .naturalPerson] = 0
        #expect(!ApplicationTableReader.identitiesHold(t))
    }

    // MARK: PDF text

    /// Section III as `pdftotext` (no layout) gives a table whose first column is a merged cell: each label on a
    /// line of its own, every number on a line of its own, and the merged "三、本年度办理结果" broken into pieces
    /// that land inside other rows' labels ("（二）部分公开（区分处理的，只度办理结计这一情形…", then "果").
    static func pdfText(_ r: AnnualReport, splitLabels: Bool) -> String {
        let rendered = TextReportWriter.render(r)
        let lines = rendered.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: r.applications.heading),
            let end = lines.firstIndex(of: r.appeals.heading)
        else { return rendered }
        var table = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "自然人", "法人或其他组织", "总计",
            "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
        for row in r.applications.table.rows {
            var label = ApplicationLayout.labelLines(row).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if row == .granted && splitLabels { label[0] = "三、本年" }
            let numbers = r.applications.table.row(row).map { TextReportWriter.text($0) }
            switch row {
            case .partiallyGranted where splitLabels:
                // the next row's label comes before this row's numbers, and the merged cell's last piece with it
                table += ["（二）部分公开（区分处理的，只度办理结计这一情形，不计其他情形）", "果", "2.其他法律行政法规禁止公开"] + numbers
            case .withheld(2) where splitLabels:
                table += numbers
            default:
                table += label + numbers
            }
        }
        return (lines[..<start] + [r.applications.heading] + table + lines[end...]).joined(separator: "\n")
    }

    @Test("PDF text with numbers on lines of their own reads the table right", arguments: 0..<12)
    func pdfNumbersOnOwnLines(seed: Int) throws {
        let r = Self.generated(seed: UInt64(seed) + 900)
        let (read, findings) = try Self.readAndCheck(Self.pdfText(r, splitLabels: false))
        #expect(read.report.applications.table == r.applications.table)
        #expect(findings.filter { $0.severity == .error } == [])
    }

    @Test("PDF text with a label split around another's: reassembled, or one 'could not be aligned'", arguments: 0..<12)
    func pdfSplitLabels(seed: Int) throws {
        let r = Self.generated(seed: UInt64(seed) + 900)
        let (read, findings) = try Self.readAndCheck(Self.pdfText(r, splitLabels: true))
        let errors = findings.filter { $0.severity == .error }
        if read.report.applications.table == r.applications.table {
            #expect(errors == [])
        } else {
            #expect(errors.map(\.rule) == ["read.unaligned"], "\(errors)")
        }
        // never an arithmetic error of the report's own that comes from the reading
        #expect(!errors.contains { $0.rule.hasPrefix("III.") && $0.readDoubt == nil })
    }

    @Test("rows shifted by the reading give one 'could not be aligned' finding, not arithmetic errors")
    func shiftedRows() throws {
        let r = Self.generated(seed: 77, year: 2022)
        var text = Self.pdfText(r, splitLabels: false)
        // the label of （二） lost and a stray label where its numbers were: every row below shifts by one
        text = text.replacingOccurrences(of: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n", with: "")
        text = text.replacingOccurrences(of: "（七）总计\n", with: "（七）总计\n果\n1\n")
        let (_, findings) = try Self.readAndCheck(text)
        let errors = findings.filter { $0.severity == .error }
        #expect(errors.map(\.rule) == ["read.unaligned"], "\(errors)")
        #expect(errors.first?.readDoubt != nil)
    }

    // MARK: fuzz finding F2

    /// The fuzz harness's input (its sum-overflow crash, fuzz/RESULTS.md): the seed with 999999999999999999 in 自然人 of ten
    /// outcome rows, as text and as JSON. It trapped in the checker's sums; it now reads to findings (the reader
    /// may also refuse such cells, with a message — never a trap).
    @Test("F2: ten 18-digit cells give an error finding, never a trap", arguments: ["txt", "json"])
    func cellSumOverflow(ext: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/checker/cell-sum-overflow.\(ext)")
        let data = try Data(contentsOf: url)
        var read: [Finding] = []
        let report: AnnualReport
        do {
            if ext == "json" {
                report = try ReportJSON.decode(data, source: url.lastPathComponent)
            } else {
                let result = try TextReportReader.read(data: data, source: url.lastPathComponent)
                report = result.report
                read = result.findings
            }
        } catch {
            #expect(!"\(error)".isEmpty)
            return
        }
        let findings = read + ReportChecker().check(report, read: read)
        #expect(findings.contains { $0.severity == .error && ($0.rule == "sumOverflow" || $0.rule.hasPrefix("read.")) })
    }

    // MARK: narrative

    @Test("prose that contradicts the outcome rows is a warning quoting the sentence", arguments: 0..<8)
    func contradictingNarrative(seed: Int) throws {
        var r = Self.generated(seed: UInt64(seed) + 1_300, year: 2022)
        let t = r.applications.table
        let shown = t[.granted, .total].countOrZero + t[.partiallyGranted, .total].countOrZero
        r.overview.text.append("本年度予以公开及部分公开\(shown + 3)件，无法提供\((1...3).reduce(0) { $0 + t[.unavailable($1), .total].countOrZero })件。")
        let (_, findings) = try Self.readAndCheck(TextReportWriter.render(r))
        let prose = findings.filter { $0.rule == "prose.outcomes" }
        #expect(prose.count == 1)
        #expect(prose.first?.severity == .warning && prose.first?.message.contains("本年度予以公开及部分公开\(shown + 3)件") == true)
        #expect(prose.first?.expected == "\(shown)")
    }
}
